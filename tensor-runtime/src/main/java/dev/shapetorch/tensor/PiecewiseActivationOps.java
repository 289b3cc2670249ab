package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Piecewise-linear activations ({@code hardswish}, {@code hardsigmoid}, {@code hardtanh},
 * {@code relu6}, {@code hardshrink}, {@code softshrink}, {@code threshold}), as in {@code
 * torch.nn.functional}: each declaration gives {@code Torch.x(input, ...)} and {@code F.x(input,
 * ...)}, computed (and differentiated) by libtorch's kernels.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
final class PiecewiseActivationOps {

  private PiecewiseActivationOps() {}

  /**
   * {@code x * relu6(x + 3) / 6}, elementwise, as {@code F.hardswish}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardswish(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.hardswish", input, "input", torch::hardswish);
  }

  /**
   * {@code relu6(x + 3) / 6}, elementwise, as {@code F.hardsigmoid}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardsigmoid(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.hardsigmoid", input, "input", torch::hardsigmoid);
  }

  /**
   * {@code x} clamped to {@code [minVal, maxVal]}, elementwise, as {@code F.hardtanh(input,
   * min_val, max_val)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param minVal the lower bound
   * @param maxVal the upper bound, above {@code minVal}
   * @throws IllegalArgumentException if {@code maxVal <= minVal}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardtanh(
      @Shape({"*s"}) Tensor input, double minVal, double maxVal) {
    String op = "Torch.hardtanh";
    if (!(maxVal > minVal)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": maxVal must be greater than"
          + " minVal, got minVal " + minVal + " and maxVal " + maxVal);
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar lo = Natives.scalar(minVal); Scalar hi = Natives.scalar(maxVal)) {
      return Tensor.wrap(torch.hardtanh(h, lo, hi));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * {@link #hardtanh(Tensor, double, double)} with PyTorch's defaults {@code minVal = -1},
   * {@code maxVal = 1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardtanh(@Shape({"*s"}) Tensor input) {
    return hardtanh(input, -1.0, 1.0);
  }

  /**
   * {@code min(max(x, 0), 6)}, elementwise, as {@code F.relu6}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor relu6(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.relu6", input, "input", torch::relu6);
  }

  /**
   * {@code x} where {@code |x| > lambd}, 0 elsewhere, as {@code F.hardshrink(input, lambd)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param lambd the threshold, not negative
   * @throws IllegalArgumentException if {@code lambd} is negative
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardshrink(@Shape({"*s"}) Tensor input, double lambd) {
    String op = "Torch.hardshrink";
    nonNegative(op, lambd);
    return Natives.withScalar(op, input, "input", lambd, torch::hardshrink);
  }

  /**
   * {@link #hardshrink(Tensor, double)} with PyTorch's default {@code lambd = 0.5}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardshrink(@Shape({"*s"}) Tensor input) {
    return hardshrink(input, 0.5);
  }

  /**
   * {@code x - lambd} above {@code lambd}, {@code x + lambd} below {@code -lambd}, 0 between, as
   * {@code F.softshrink(input, lambd)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param lambd the threshold, not negative
   * @throws IllegalArgumentException if {@code lambd} is negative
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor softshrink(@Shape({"*s"}) Tensor input, double lambd) {
    String op = "Torch.softshrink";
    nonNegative(op, lambd);
    return Natives.withScalar(op, input, "input", lambd, torch::softshrink);
  }

  /**
   * {@link #softshrink(Tensor, double)} with PyTorch's default {@code lambd = 0.5}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor softshrink(@Shape({"*s"}) Tensor input) {
    return softshrink(input, 0.5);
  }

  /**
   * {@code x} where {@code x > threshold}, {@code value} elsewhere, as {@code F.threshold(input,
   * threshold, value)} (no defaults, as in PyTorch).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor threshold(
      @Shape({"*s"}) Tensor input, double threshold, double value) {
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar t = Natives.scalar(threshold); Scalar v = Natives.scalar(value)) {
      return Tensor.wrap(torch.threshold(h, t, v));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.threshold", e, input);
    }
  }

  private static void nonNegative(String op, double lambd) {
    if (!(lambd >= 0)) {
      throw new IllegalArgumentException(UserCall.attribute(op)
          + ": lambd must be greater than or equal to 0, got " + lambd);
    }
  }
}
