package dev.shapetorch.backprop;

import dev.shapetorch.backprop.internal.Tape;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A value that reverse-mode differentiation tracks: either an entry on the tape of a backprop
 * run (an input of the differentiated function, or the result of an op applied to such
 * entries), or a constant, which never touches the tape.
 *
 * <p>A {@code BVar} is only meaningful inside the function given to {@link BVars#backprop}
 * (or {@link BVars#gradBP}, {@link BVars#evalBP}, ...): build new ones with ops ({@link
 * BVars#liftOp1} and the op libraries in {@link dev.shapetorch.backprop.ops}), read the value
 * with {@link #value()}, and return the result. Using one after its run has returned raises
 * {@link IllegalStateException}; mixing two runs' {@code BVar}s raises {@link
 * IllegalArgumentException}.
 *
 * <p>Every {@code BVar} carries the {@link Backprop} algebra of its type, which the backward pass
 * uses to add gradient contributions.
 *
 * @param <A> the type of the value
 */
public final class BVar<A> {
  private final A value;
  private final Backprop<A> algebra;
  private final Tape tape;
  private final int index;

  BVar(A value, Backprop<A> algebra, Tape tape, int index) {
    this.value = value;
    this.algebra = algebra;
    this.tape = tape;
    this.index = index;
  }

  /**
   * A constant: a value the differentiated function depends on but is not differentiated with
   * respect to (data, hyperparameters). Ops on constants only run forward.
   *
   * @param value the value
   * @param algebra its algebra
   */
  public static <A> BVar<A> constant(A value, Backprop<A> algebra) {
    return new BVar<>(Objects.requireNonNull(value, "value"),
        Objects.requireNonNull(algebra, "algebra"), null, -1);
  }

  /** The value. */
  public A value() {
    return value;
  }

  /** The value's gradient algebra. */
  public Backprop<A> algebra() {
    return algebra;
  }

  /** True for a constant (not on any tape): its gradient is never computed. */
  public boolean isConstant() {
    return tape == null;
  }

  /** The tape this variable is on, or {@code null} for a constant. */
  Tape tape() {
    return tape;
  }

  /** The index of this variable's entry on its tape; -1 for a constant. */
  int index() {
    return index;
  }

  /** {@link BVars#viewVar}: the part of this value that {@code lens} focuses on. */
  public <P> BVar<P> view(Lens<A, P> lens, Backprop<P> part) {
    return BVars.viewVar(lens, this, part);
  }

  /** {@link BVars#setVar}: this value with the part that {@code lens} focuses on replaced. */
  public <P> BVar<A> set(Lens<A, P> lens, BVar<P> part) {
    return BVars.setVar(lens, part, this);
  }

  /** {@link BVars#overVar}: this value with {@code f} applied to the part {@code lens} focuses on. */
  public <P> BVar<A> over(Lens<A, P> lens, Backprop<P> part, UnaryOperator<BVar<P>> f) {
    return BVars.overVar(lens, this, part, f);
  }

  @Override
  public String toString() {
    return tape == null ? "BVar[constant " + value + "]" : "BVar[" + value + " @" + index + "]";
  }
}
