package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * Smooth activations ({@code mish}, {@code softsign}, {@code selu}, {@code celu}, {@code
 * logsigmoid}, {@code tanhshrink}), as in {@code torch.nn.functional}: each declaration gives
 * {@code Torch.x(input, ...)} and {@code F.x(input, ...)}, computed (and differentiated) by
 * libtorch's kernels.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
final class SmoothActivationOps {

  private SmoothActivationOps() {}

  /**
   * {@code x * tanh(softplus(x))}, elementwise, as {@code F.mish}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor mish(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.mish", input, "input", torch::mish);
  }

  /**
   * {@code x / (1 + |x|)}, elementwise, as {@code F.softsign}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor softsign(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.softsign", input, "input", torch::softsign);
  }

  /**
   * The scaled exponential linear unit, {@code scale * elu(x, alpha)} with the constants of
   * Klambauer et al. ({@code alpha = 1.6732632423543772}, {@code scale = 1.0507009873554805}),
   * as {@code F.selu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor selu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.selu", input, "input", torch::selu);
  }

  /**
   * {@code max(0, x) + min(0, alpha * (e^(x/alpha) - 1))}, elementwise, as {@code F.celu(input,
   * alpha)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param alpha not 0
   * @throws IllegalArgumentException if {@code alpha} is 0
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor celu(@Shape({"*s"}) Tensor input, double alpha) {
    String op = "Torch.celu";
    if (alpha == 0) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": alpha must not be 0 (it divides x); PyTorch's default is 1.0");
    }
    return Natives.withScalar(op, input, "input", alpha, torch::celu);
  }

  /**
   * {@link #celu(Tensor, double)} with PyTorch's default {@code alpha = 1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor celu(@Shape({"*s"}) Tensor input) {
    return celu(input, 1.0);
  }

  /**
   * {@code log(sigmoid(x))}, computed stably, elementwise, as {@code F.logsigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor logsigmoid(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.logsigmoid", input, "input", torch::log_sigmoid);
  }

  /**
   * {@code x - tanh(x)}, elementwise, as {@code F.tanhshrink}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor tanhshrink(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.tanhshrink", input, "input", torch::tanhshrink);
  }
}
