package dev.shapetorch.backprop;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The op built by {@link Op#op2}. It keeps the bare two-input function, so that {@link
 * BVars#liftOp2} can run it without first packing the inputs into a {@link T2}.
 *
 * @param <A> the first input
 * @param <B> the second input
 * @param <C> the result
 */
final class BinaryOp<A, B, C> implements Op<T2<A, B>, C> {
  private final BiFunction<? super A, ? super B, OpResult<T2<A, B>, C>> f;

  BinaryOp(BiFunction<? super A, ? super B, OpResult<T2<A, B>, C>> f) {
    this.f = Objects.requireNonNull(f, "f");
  }

  /** Runs the bare function. */
  OpResult<T2<A, B>, C> run2(A x, B y) {
    return f.apply(x, y);
  }

  @Override
  public OpResult<T2<A, B>, C> run(T2<A, B> inputs) {
    return f.apply(inputs.first(), inputs.second());
  }
}
