package dev.shapetorch.samples.backprop;

import dev.shapetorch.backprop.BackpropRecord;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * The parameters of one dense layer, {@code y = x weight^T + bias}, as a plain record: the
 * {@link BackpropRecord} processor generates its gradient algebra and one lens per component
 * ({@code DenseBackprop.INSTANCE}, {@code DenseBackprop.weight()}, {@code DenseBackprop.bias()}),
 * so a {@code BVar<Dense>} is differentiated as one value and its gradient is again a {@code
 * Dense}.
 *
 * <p>Shape: {@code weight [Out, In]}, {@code bias [Out]}.
 *
 * @param weight {@code [Out, In]}
 * @param bias {@code [Out]}
 */
@BackpropRecord
public record Dense(Tensor weight, Tensor bias) {

  /**
   * A layer from {@code in} to {@code out} features with PyTorch's default {@code nn.Linear}
   * initialisation, uniform in {@code [-1/sqrt(in), 1/sqrt(in)]} (float32, outside every tensor
   * scope).
   *
   * <p>Shape: {@code weight [out, in]}, {@code bias [out]}.
   */
  public static Dense init(int in, int out) {
    double bound = 1 / Math.sqrt(in);
    return new Dense(uniform(bound, out, in), uniform(bound, out));
  }

  /** The tensors, weight first. */
  public List<Tensor> tensors() {
    return List.of(weight, bias);
  }

  private static Tensor uniform(double bound, long... shape) {
    return Torch.rand(shape).mul(2 * bound).sub(bound).retain();
  }
}
