package dev.shapetorch.backprop;

import dev.shapetorch.backprop.internal.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lifting {@link Op}s to {@link BVar}s: the bridge between the pure op algebra and the tape.
 * Reach these through {@link BVars} ({@code BVars.liftOp2(...)}); this class only groups them.
 *
 * <p>A lifted op whose inputs are all constants runs forward only and returns a constant: the
 * tape is not touched. Otherwise it runs forward, appends one entry to the tape (the op's
 * gradient continuation and the indices of its non-constant inputs) and returns a variable on
 * that tape.
 */
public class BVarLifting {
  BVarLifting() {}

  /** A constant; the same as {@link BVar#constant}. */
  public static <A> BVar<A> constVar(A value, Backprop<A> algebra) {
    return BVar.constant(value, algebra);
  }

  /**
   * Applies a one-input op to a variable.
   *
   * @param op the op
   * @param x its input
   * @param result the result's algebra
   */
  public static <A, B> BVar<B> liftOp1(Op<T1<A>, B> op, BVar<A> x, Backprop<B> result) {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(result, "result");
    if (op instanceof UnaryOp) {
      @SuppressWarnings("unchecked") // an Op<T1<A>, B> that is a UnaryOp is a UnaryOp<A, B>
      UnaryOp<A, B> unary = (UnaryOp<A, B>) op;
      Tape tape = commonTape("BVars.liftOp1", x);
      if (tape == null) {
        return new BVar<>(unary.run1(x.value()).value(), result, null, -1);
      }
      OpResult<A, B> r = unary.run1(x.value());
      int input = x.index();
      int index = tape.push(r.value(), result,
          (g, sweep) -> sweep.accumulate(input, r.gradient(BVarLifting.<B>cast(g))));
      return new BVar<>(r.value(), result, tape, index);
    }
    return lift("BVars.liftOp1", op, T1.of(x.value()), result, x);
  }

  /**
   * Applies a two-input op to two variables.
   *
   * @param op the op
   * @param x its first input
   * @param y its second input
   * @param result the result's algebra
   */
  public static <A, B, C> BVar<C> liftOp2(Op<T2<A, B>, C> op, BVar<A> x, BVar<B> y,
      Backprop<C> result) {
    if (op instanceof BinaryOp) {
      @SuppressWarnings("unchecked") // an Op<T2<A, B>, C> that is a BinaryOp is a BinaryOp<A, B, C>
      BinaryOp<A, B, C> binary = (BinaryOp<A, B, C>) op;
      Objects.requireNonNull(result, "result");
      Tape tape = commonTape("BVars.liftOp2", x, y);
      if (tape == null) {
        return new BVar<>(binary.run2(x.value(), y.value()).value(), result, null, -1);
      }
      OpResult<T2<A, B>, C> r = binary.run2(x.value(), y.value());
      int xi = x.index();
      int yi = y.index();
      int index = tape.push(r.value(), result, (g, sweep) -> {
        T2<A, B> gradients = r.gradient(BVarLifting.<C>cast(g));
        if (xi >= 0) {
          sweep.accumulate(xi, gradients.first());
        }
        if (yi >= 0) {
          sweep.accumulate(yi, gradients.second());
        }
      });
      return new BVar<>(r.value(), result, tape, index);
    }
    return lift("BVars.liftOp2", op, T2.of(x.value(), y.value()), result, x, y);
  }

  /** Applies a three-input op to three variables; see {@link #liftOp2}. */
  public static <A, B, C, D> BVar<D> liftOp3(Op<T3<A, B, C>, D> op, BVar<A> x, BVar<B> y,
      BVar<C> z, Backprop<D> result) {
    return lift("BVars.liftOp3", op, T3.of(x.value(), y.value(), z.value()), result, x, y, z);
  }

  /**
   * Applies an N-ary op to a list of variables.
   *
   * @param op the op
   * @param xs its inputs, in order
   * @param result the result's algebra
   */
  public static <A, B> BVar<B> liftOpN(Op<TN<A>, B> op, List<BVar<A>> xs, Backprop<B> result) {
    BVar<?>[] inputs = xs.toArray(new BVar<?>[0]);
    Object[] values = new Object[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      values[i] = inputs[i].value();
    }
    @SuppressWarnings("unchecked") // values holds the A values of the BVar<A>s in xs
    List<A> typed = (List<A>) List.of(values);
    return lift("BVars.liftOpN", op, new TN<>(typed), result, inputs);
  }

  /**
   * Applies an op of any arity to variables of different types (Haskell's {@code liftOp} over a
   * record of {@code BVar}s): the op receives the variables' values as the tuple of their count,
   * {@link T0} for none, {@link T1}, {@link T2} or {@link T3} for one to three and {@link TN}
   * beyond, and each variable receives its element of the op's gradient.
   *
   * <p>Java cannot check the variables against {@code As}: pass them in the op's input order,
   * one per element. A wrong count or type surfaces as a {@link ClassCastException} from the
   * op. The typed forms ({@link #liftOp1}, {@link #liftOp2}, {@link #liftOp3},
   * {@link #liftOpN}) check everything at compile time; use this one for four or more inputs of
   * different types (an op over a {@code TN<Object>}), or code generic in the arity.
   *
   * <pre>{@code
   * // an op over four inputs of mixed types: a TN<Object>
   * BVar<Double> y = BVars.liftOp(op, Backprop.DOUBLE, weight, bias, scale, offset);
   * }</pre>
   *
   * @param op the op
   * @param result the result's algebra
   * @param inputs the op's inputs, in order
   */
  public static <As extends Tup, B> BVar<B> liftOp(Op<As, B> op, Backprop<B> result,
      BVar<?>... inputs) {
    Objects.requireNonNull(inputs, "inputs");
    List<Object> values = new ArrayList<>(inputs.length);
    for (BVar<?> input : inputs) {
      values.add(Objects.requireNonNull(input, "an input").value());
    }
    @SuppressWarnings("unchecked") // the caller passes the op's inputs in order (documented)
    As tuple = (As) Tuples.of(values);
    return lift("BVars.liftOp", op, tuple, result, inputs);
  }

  /** Lifts an op over any tuple whose elements are the values of {@code inputs}, in order. */
  static <As extends Tup, B> BVar<B> lift(String name, Op<As, B> op, As values,
      Backprop<B> result, BVar<?>... inputs) {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(result, "result");
    Tape tape = commonTape(name, inputs);
    if (tape == null) {
      return new BVar<>(op.evalOp(values), result, null, -1);
    }
    OpResult<As, B> r = op.run(values);
    int[] indices = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      indices[i] = inputs[i].index();
    }
    int index = tape.push(r.value(), result, (g, sweep) -> {
      Tup gradients = r.gradient(BVarLifting.<B>cast(g));
      for (int i = 0; i < indices.length; i++) {
        if (indices[i] >= 0) {
          sweep.accumulate(indices[i], gradients.get(i));
        }
      }
    });
    return new BVar<>(r.value(), result, tape, index);
  }

  /**
   * The tape shared by the non-constant inputs, or {@code null} when all are constants.
   *
   * @throws IllegalArgumentException when inputs come from two different backprop runs
   */
  static Tape commonTape(String name, BVar<?>... inputs) {
    Tape tape = null;
    for (BVar<?> input : inputs) {
      Objects.requireNonNull(input, "input");
      Tape t = input.tape();
      if (t != null) {
        if (tape != null && t != tape) {
          throw new IllegalArgumentException("[backprop.tape.mixed] " + name + ": the inputs"
              + " come from two different backprop runs; a BVar belongs to the run whose"
              + " function received it (pass every variable you differentiate to the same"
              + " BVars.backprop call, e.g. backprop2 or backpropN)");
        }
        tape = t;
      }
    }
    return tape;
  }

  /** A gradient taken from the tape, typed as the entry's value type. */
  @SuppressWarnings("unchecked") // the tape hands a node the gradient of the entry it created
  static <B> B cast(Object gradient) {
    return (B) gradient;
  }
}
