package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Activation functions of {@link F}: {@code relu}, {@code gelu}, {@code silu}, {@code tanh},
 * {@code sigmoid}, {@code leakyRelu}, {@code elu}, {@code softplus}, {@code softmax}, {@code
 * logSoftmax}. Call them as {@code F.relu(x)}.
 *
 * <p>Shape: every function keeps its input's shape.
 */
public abstract class ActivationFunctions {

  ActivationFunctions() {}

  /**
   * {@code max(x, 0)}, as {@code F.relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor input) {
    return Torch.relu(input);
  }

  /**
   * The Gaussian error linear unit (exact), as {@code F.gelu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
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
  public static @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor input, String approximate) {
    return Torch.gelu(input, approximate);
  }

  /**
   * {@code x * sigmoid(x)}, as {@code F.silu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor silu(@Shape({"*s"}) Tensor input) {
    return Torch.silu(input);
  }

  /**
   * The hyperbolic tangent, as {@code F.tanh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor tanh(@Shape({"*s"}) Tensor input) {
    return Torch.tanh(input);
  }

  /**
   * The logistic sigmoid, as {@code F.sigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor sigmoid(@Shape({"*s"}) Tensor input) {
    return Torch.sigmoid(input);
  }

  /**
   * Leaky ReLU with slope 0.01, as {@code F.leaky_relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input) {
    return Torch.leakyRelu(input);
  }

  /**
   * {@code x} where positive, {@code negativeSlope * x} elsewhere, as {@code F.leaky_relu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor input, double negativeSlope) {
    return Torch.leakyRelu(input, negativeSlope);
  }

  /**
   * The exponential linear unit with {@code alpha = 1}, as {@code F.elu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input) {
    return Torch.elu(input);
  }

  /**
   * {@code x} where positive, {@code alpha * (e^x - 1)} elsewhere, as {@code F.elu}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor input, double alpha) {
    return Torch.elu(input, alpha);
  }

  /**
   * {@code log(1 + e^x)}, as {@code F.softplus}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor input) {
    return Torch.softplus(input);
  }

  /**
   * {@code log(1 + e^(beta x)) / beta}, linear above {@code threshold}, as {@code F.softplus}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor softplus(
      @Shape({"*s"}) Tensor input, double beta, double threshold) {
    return Torch.softplus(input, beta, threshold);
  }

  /**
   * Softmax along {@code dim}, as {@code F.softmax}.
   *
   * <p>Shape: unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @ShapeRule(Rule.ALONG_DIM)
  public static Tensor softmax(Tensor input, int dim) {
    try {
      return Torch.softmax(input, dim);
    } catch (ShapeException e) {
      throw Renamed.as("F.softmax", e);
    }
  }

  /**
   * Log-softmax along {@code dim}, as {@code F.log_softmax}.
   *
   * <p>Shape: unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @ShapeRule(Rule.ALONG_DIM)
  public static Tensor logSoftmax(Tensor input, int dim) {
    try {
      return Torch.logSoftmax(input, dim);
    } catch (ShapeException e) {
      throw Renamed.as("F.logSoftmax", e);
    }
  }
}
