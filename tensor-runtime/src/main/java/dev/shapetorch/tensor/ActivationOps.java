package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Activation functions ({@code sigmoid}, {@code relu}, {@code gelu}, {@code silu}, {@code
 * leakyRelu}, {@code elu}, {@code softplus}), as in {@code torch} and {@code
 * torch.nn.functional}: each declaration gives {@code Torch.relu(input)}, {@code x.relu()} and
 * {@code F.relu(input)}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
final class ActivationOps {

  private ActivationOps() {}

  /**
   * The logistic sigmoid {@code 1/(1+e^-x)}, elementwise, as {@code torch.sigmoid} and {@code F.sigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor sigmoid(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.sigmoid", input, "input", torch::sigmoid);
  }

  /**
   * {@code max(x, 0)}, elementwise, as {@code torch.relu} and {@code F.relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.relu", input, "input", torch::relu);
  }

  /**
   * The Gaussian error linear unit (exact, with erf), elementwise, as {@code F.gelu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.gelu", input, "input", torch::gelu);
  }

  /**
   * {@code x * sigmoid(x)} (swish), elementwise, as {@code F.silu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor silu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.silu", input, "input", torch::silu);
  }

  /**
   * The Gaussian error linear unit with the given approximation, as {@code F.gelu(x,
   * approximate=...)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param approximate {@code "none"} (exact, with erf) or {@code "tanh"}
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input, String approximate) {
    if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
      throw new IllegalArgumentException(
          UserCall.attribute("Torch.gelu") + ": approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    return Natives.call("Torch.gelu", () -> torch.gelu(h, approximate), input);
  }

  /**
   * {@code x} where positive, {@code negativeSlope * x} elsewhere, as {@code F.leaky_relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input, double negativeSlope) {
    return Natives.withScalar("Torch.leakyRelu", input, "input", negativeSlope, torch::leaky_relu);
  }

  /**
   * {@link #leakyRelu(Tensor, double)} with PyTorch's default slope 0.01.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input) {
    return leakyRelu(input, 0.01);
  }

  /**
   * The exponential linear unit: {@code x} where positive, {@code alpha * (e^x - 1)} elsewhere,
   * as {@code F.elu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input, double alpha) {
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar a = Natives.scalar(alpha); Scalar one = Natives.scalar(1.0)) {
      return Tensor.wrap(torch.elu(h, a, one, one));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.elu", e, input);
    }
  }

  /**
   * {@link #elu(Tensor, double)} with {@code alpha = 1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input) {
    return elu(input, 1.0);
  }

  /**
   * {@code log(1 + e^(beta*x)) / beta}, linear where {@code beta*x > threshold}, as {@code
   * F.softplus}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor input, double beta, double threshold) {
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar b = Natives.scalar(beta); Scalar t = Natives.scalar(threshold)) {
      return Tensor.wrap(torch.softplus(h, b, t));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.softplus", e, input);
    }
  }

  /**
   * {@link #softplus(Tensor, double, double)} with PyTorch's defaults {@code beta = 1}, {@code
   * threshold = 20}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor input) {
    return softplus(input, 1.0, 20.0);
  }
}
