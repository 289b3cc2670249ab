package dev.shapetorch.nn.functional;

import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The activation functions of {@link F}, declared here rather than as {@code Torch}'s
 * functional forms because {@code F} names their tensor {@code input} (as PyTorch's {@code
 * torch.nn.functional} does), which its messages repeat: {@code relu}, {@code gelu}, {@code
 * silu}, {@code tanh}, {@code sigmoid}, {@code leakyRelu}, {@code elu}, {@code softplus}, {@code
 * softmax}, {@code logSoftmax}. Each calls the {@code Torch} op of its name, which checks the
 * shapes (public declarations: their forms add no guard).
 *
 * <p>Shape: every function keeps its input's shape.
 */
final class ActivationFunctions {

  private ActivationFunctions() {}

  /**
   * {@code max(x, 0)}, as {@code F.relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor input) {
    return Torch.relu(input);
  }

  /**
   * The Gaussian error linear unit (exact), as {@code F.gelu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input) {
    return Torch.gelu(input);
  }

  /**
   * The Gaussian error linear unit, as {@code F.gelu(x, approximate=...)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param approximate {@code "none"} (exact) or {@code "tanh"}
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input, String approximate) {
    return Torch.gelu(input, approximate);
  }

  /**
   * {@code x * sigmoid(x)}, as {@code F.silu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor silu(@Shape({"*s"}) Tensor input) {
    return Torch.silu(input);
  }

  /**
   * The hyperbolic tangent, as {@code F.tanh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor tanh(@Shape({"*s"}) Tensor input) {
    return Torch.tanh(input);
  }

  /**
   * The logistic sigmoid, as {@code F.sigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor sigmoid(@Shape({"*s"}) Tensor input) {
    return Torch.sigmoid(input);
  }

  /**
   * Leaky ReLU with slope 0.01, as {@code F.leaky_relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input) {
    return Torch.leakyRelu(input);
  }

  /**
   * {@code x} where positive, {@code negativeSlope * x} elsewhere, as {@code F.leaky_relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input, double negativeSlope) {
    return Torch.leakyRelu(input, negativeSlope);
  }

  /**
   * The exponential linear unit with {@code alpha = 1}, as {@code F.elu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input) {
    return Torch.elu(input);
  }

  /**
   * {@code x} where positive, {@code alpha * (e^x - 1)} elsewhere, as {@code F.elu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input, double alpha) {
    return Torch.elu(input, alpha);
  }

  /**
   * {@code log(1 + e^x)}, as {@code F.softplus}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor input) {
    return Torch.softplus(input);
  }

  /**
   * {@code log(1 + e^(beta x)) / beta}, linear above {@code threshold}, as {@code F.softplus}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor softplus(
      @Shape({"*s"}) Tensor input, double beta, double threshold) {
    return Torch.softplus(input, beta, threshold);
  }

  /**
   * Softmax along {@code dim}, as {@code F.softmax}.
   *
   * <p>Shape: unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(Rule.ALONG_DIM)
  public static Tensor softmax(Tensor input, int dim) {
    return Torch.softmax(input, dim);
  }

  /**
   * Log-softmax along {@code dim}, as {@code F.log_softmax}.
   *
   * <p>Shape: unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(Rule.ALONG_DIM)
  public static Tensor logSoftmax(Tensor input, int dim) {
    return Torch.logSoftmax(input, dim);
  }
}
