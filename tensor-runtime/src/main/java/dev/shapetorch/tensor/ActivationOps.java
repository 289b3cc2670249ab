package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Activation functions ({@code sigmoid}, {@code relu}, {@code gelu}, {@code silu}, {@code
 * leakyRelu}, {@code elu}, {@code softplus}, {@code glu}, {@code prelu}), as in {@code torch} and {@code
 * torch.nn.functional}: each declaration gives {@code Torch.relu(input)}, {@code x.relu()} and
 * {@code F.relu(input)}.
 *
 * <p>Shape: every op here but {@code glu} (which halves a dim) keeps its input's shape ({@code
 * [*s] -> [*s]}).
 */
final class ActivationOps {

  private ActivationOps() {}

  /**
   * The logistic sigmoid {@code 1/(1+e^-x)}, elementwise, as {@code torch.sigmoid} and {@code F.sigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"input"})
  static @Shape({"*s"}) Tensor sigmoid(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.sigmoid", input, "input", torch::sigmoid);
  }

  /**
   * {@code max(x, 0)}, elementwise, as {@code torch.relu} and {@code F.relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.relu", input, "input", torch::relu);
  }

  /**
   * The Gaussian error linear unit (exact, with erf), elementwise, as {@code F.gelu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.gelu", input, "input", torch::gelu);
  }

  /**
   * {@code x * sigmoid(x)} (swish), elementwise, as {@code F.silu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input, double negativeSlope) {
    return Natives.withScalar("Torch.leakyRelu", input, "input", negativeSlope, torch::leaky_relu);
  }

  /**
   * {@link #leakyRelu(Tensor, double)} with PyTorch's default slope 0.01.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
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
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor input) {
    return softplus(input, 1.0, 20.0);
  }

  /**
   * The gated linear unit: {@code a * sigmoid(b)}, where {@code a} and {@code b} are the two
   * halves of {@code input} along {@code dim}, as {@code F.glu(input, dim)}.
   *
   * <p>Shape: {@code [a, 2h, c] (dim 1) -> [a, h, c]}; the size along {@code dim} must be even
   * ({@link Rule#GLU}).
   *
   * @param dim the dim to halve (negative counts from the end)
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.GLU, args = {"input", "dim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static Tensor glu(Tensor input, int dim) {
    return Natives.withLong("Torch.glu", input, "input", dim, torch::glu);
  }

  /**
   * {@link #glu(Tensor, int)} along the last dim, PyTorch's default ({@code dim = -1}).
   *
   * <p>Shape: {@code [*b, 2h] -> [*b, h]} ({@link Rule#GLU}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.GLU, args = {"input", "-1"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static Tensor glu(Tensor input) {
    return glu(input, -1);
  }

  /**
   * {@code x} where positive, {@code weight * x} elsewhere, with a learnt slope, as {@code
   * F.prelu(input, weight)}: one slope for every element ({@code weight} of one element) or one
   * per channel, dim 1 of the input.
   *
   * <p>Shape: {@code [*s] -> [*s]}; the weight is 1-D, of size 1 or the input's channel count
   * {@code input.size(1)} (1 for an input of fewer than 2 dims).
   *
   * @throws ShapeException if the weight is not 1-D of size 1 or the channel count
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor prelu(@Shape({"*s"}) Tensor input, @Shape({"K"}) Tensor weight) {
    String op = "Torch.prelu";
    org.bytedeco.pytorch.Tensor x = Natives.h(input, "input");
    org.bytedeco.pytorch.Tensor w = Natives.h(weight, "weight");
    long channels = input.dim() >= 2 ? input.size(1) : 1;
    if (weight.dim() != 1 || (weight.size(0) != 1 && weight.size(0) != channels)) {
      throw new ShapeException(new ShapeMismatch(MessageKeys.MISMATCH_ARGUMENT, op, "weight "
          + weight.shapeOf() + " must be 1-D with 1 element or one per channel (dim 1 of input "
          + input.shapeOf() + ", " + channels + "); use numParameters 1 or " + channels, 1, 0));
    }
    return Natives.call(op, () -> torch.prelu(x, w), input, weight);
  }
}
