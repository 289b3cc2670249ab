package dev.shapetorch.backprop.ops;

/**
 * The tensor {@link dev.shapetorch.backprop.Op}s with their gradients written out, inherited
 * from the family classes ({@link TensorPointwiseOps}, {@link TensorLinalgOps}, {@link
 * TensorReductionOps}, {@link TensorShapeOps}, {@link TensorJoinOps}, {@link TensorNormOps},
 * {@link TensorNeuralOps}): call them as {@code TensorOps.matmul()}. {@link TensorVars} lifts
 * each of them to {@code BVar<Tensor>}s.
 *
 * <pre>{@code
 * Tensor a = Torch.ones(2, 3);
 * Tensor b = Torch.ones(3, 4);
 * T2<Tensor, Tensor> g = TensorOps.matmul().gradOp(T2.of(a, b), TensorBackprop.INSTANCE);
 * // g.first() is [2, 3] filled with 4; g.second() is [3, 4] filled with 2
 * }</pre>
 *
 * <p>Every forward pass calls the {@code Torch} op of the same name, which checks shapes with
 * the op's rule and throws {@code ShapeException} on a mismatch; every gradient has the shape of
 * its input. The ops run under the current autograd mode: give them tensors that do not require
 * grad (or run inside {@code Torch.noGrad()}), or libtorch records a graph nobody uses.
 *
 * <p>Shape: see each family.
 */
public final class TensorOps extends TensorNeuralOps {
  private TensorOps() {}
}
