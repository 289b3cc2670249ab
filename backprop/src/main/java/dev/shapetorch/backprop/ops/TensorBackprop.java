package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The gradient algebra of tensors: {@code zero} is {@code Torch.zerosLike}, {@code add} is
 * {@code Torch.add}, {@code one} is {@code Torch.onesLike}. Gradients have the shape, dtype and
 * device of their values; the tensor ops of {@link TensorOps} reduce broadcast gradients back to
 * their inputs' shapes, so {@code add} never broadcasts in a correct program.
 *
 * <p>Shape: {@code zero} and {@code one} keep their argument's shape; {@code add} takes two
 * tensors of one shape.
 */
public final class TensorBackprop implements Backprop<Tensor> {
  /** The one instance. */
  public static final TensorBackprop INSTANCE = new TensorBackprop();

  private TensorBackprop() {}

  @Override
  public Tensor zero(Tensor x) {
    return Torch.zerosLike(x);
  }

  @Override
  public Tensor add(Tensor x, Tensor y) {
    return x.add(y);
  }

  @Override
  public Tensor one(Tensor x) {
    return Torch.onesLike(x);
  }

  @Override
  public String toString() {
    return "TensorBackprop";
  }
}
