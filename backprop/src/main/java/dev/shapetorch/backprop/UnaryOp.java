package dev.shapetorch.backprop;

import java.util.Objects;
import java.util.function.Function;

/**
 * The op built by {@link Op#op1}. It keeps the bare one-input function, so that {@link
 * BVars#liftOp1} can run it without wrapping the input and its gradient in {@link T1}s.
 *
 * @param <A> the input
 * @param <B> the result
 */
final class UnaryOp<A, B> implements Op<T1<A>, B> {
  private final Function<? super A, OpResult<A, B>> f;

  UnaryOp(Function<? super A, OpResult<A, B>> f) {
    this.f = Objects.requireNonNull(f, "f");
  }

  /** Runs the bare function: the result and the continuation to the input's gradient. */
  OpResult<A, B> run1(A input) {
    return f.apply(input);
  }

  @Override
  public OpResult<T1<A>, B> run(T1<A> inputs) {
    OpResult<A, B> r = f.apply(inputs.first());
    return OpResult.of(r.value(), d -> T1.of(r.gradient(d)));
  }
}
