package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * The in-place activations of {@code torch.nn.functional} ({@code hardtanh_}, {@code celu_},
 * {@code selu_}, {@code threshold_}, {@code rrelu_}) and the randomized leaky ReLU {@code
 * rrelu}, computed by libtorch's kernels. An in-place op overwrites its input and returns it,
 * as PyTorch's does; autograd refuses it on a leaf that requires grad, as PyTorch does.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
final class InPlaceActivationOps {

  private InPlaceActivationOps() {}

  /** PyTorch's default lower bound of rrelu's slopes, {@code 1/8}. */
  private static final double RRELU_LOWER = 1.0 / 8;
  /** PyTorch's default upper bound of rrelu's slopes, {@code 1/3}. */
  private static final double RRELU_UPPER = 1.0 / 3;

  /**
   * {@link dev.shapetorch.tensor.Torch#hardtanh(Tensor, double, double)} in place, as {@code
   * F.hardtanh_(input, min_val, max_val)} (also {@code Torch.hardtanh_}, beside {@code
   * Torch.hardtanh}).
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   *
   * @throws IllegalArgumentException if {@code maxVal <= minVal}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardtanh_(
      @Shape({"*s"}) Tensor input, double minVal, double maxVal) {
    String op = "Torch.hardtanh_";
    if (!(maxVal > minVal)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": maxVal must be greater than"
          + " minVal, got minVal " + minVal + " and maxVal " + maxVal);
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar lo = Natives.scalar(minVal); Scalar hi = Natives.scalar(maxVal)) {
      torch.hardtanh_(h, lo, hi);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
    return input;
  }

  /**
   * {@link #hardtanh_(Tensor, double, double)} with PyTorch's defaults {@code minVal = -1},
   * {@code maxVal = 1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor hardtanh_(@Shape({"*s"}) Tensor input) {
    return hardtanh_(input, -1.0, 1.0);
  }

  /**
   * {@link dev.shapetorch.tensor.Torch#celu(Tensor, double)} in place, as {@code torch.celu_} and {@code
   * F.celu_(input, alpha)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   *
   * @param alpha not 0
   * @throws IllegalArgumentException if {@code alpha} is 0
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor celu_(@Shape({"*s"}) Tensor input, double alpha) {
    String op = "Torch.celu_";
    if (alpha == 0) {
      throw new IllegalArgumentException(UserCall.attribute(op)
          + ": alpha must not be 0 (it divides x); PyTorch's default is 1.0");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar a = Natives.scalar(alpha)) {
      torch.celu_(h, a);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
    return input;
  }

  /**
   * {@link #celu_(Tensor, double)} with PyTorch's default {@code alpha = 1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor celu_(@Shape({"*s"}) Tensor input) {
    return celu_(input, 1.0);
  }

  /**
   * {@link dev.shapetorch.tensor.Torch#selu(Tensor)} in place, as {@code torch.selu_} and {@code
   * F.selu_}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor selu_(@Shape({"*s"}) Tensor input) {
    String op = "Torch.selu_";
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try {
      torch.selu_(h);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
    return input;
  }

  /**
   * {@link dev.shapetorch.tensor.Torch#threshold(Tensor, double, double)} in place: {@code x} where
   * {@code x > threshold}, {@code value} elsewhere, as {@code torch.threshold_} and {@code
   * F.threshold_(input, threshold, value)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor threshold_(
      @Shape({"*s"}) Tensor input, double threshold, double value) {
    String op = "Torch.threshold_";
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar t = Natives.scalar(threshold); Scalar v = Natives.scalar(value)) {
      torch.threshold_(h, t, v);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
    return input;
  }

  /**
   * The randomized leaky ReLU, as {@code torch.rrelu} and {@code F.rrelu(input, lower, upper,
   * training)}: {@code x} where {@code x >= 0}, {@code a * x} elsewhere, where in training each
   * element draws its slope {@code a} uniformly from {@code [lower, upper]} (the default
   * generator), and out of training {@code a = (lower + upper) / 2}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code lower > upper}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor rrelu(
      @Shape({"*s"}) Tensor input, double lower, double upper, boolean training) {
    return rrelu("Torch.rrelu", input, lower, upper, training, false);
  }

  /**
   * {@link #rrelu(Tensor, double, double, boolean)} with PyTorch's defaults {@code lower = 1/8},
   * {@code upper = 1/3}, {@code training = false}: a leaky ReLU of slope {@code 11/48}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor rrelu(@Shape({"*s"}) Tensor input) {
    return rrelu("Torch.rrelu", input, RRELU_LOWER, RRELU_UPPER, false, false);
  }

  /**
   * {@link #rrelu(Tensor, double, double, boolean)} in place, as {@code torch.rrelu_} and {@code
   * F.rrelu_(input, lower, upper, training)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   *
   * @throws IllegalArgumentException if {@code lower > upper}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor rrelu_(
      @Shape({"*s"}) Tensor input, double lower, double upper, boolean training) {
    return rrelu("Torch.rrelu_", input, lower, upper, training, true);
  }

  /**
   * {@link #rrelu_(Tensor, double, double, boolean)} with PyTorch's defaults {@code lower =
   * 1/8}, {@code upper = 1/3}, {@code training = false}.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the input itself.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*s"}) Tensor rrelu_(@Shape({"*s"}) Tensor input) {
    return rrelu("Torch.rrelu_", input, RRELU_LOWER, RRELU_UPPER, false, true);
  }

  private static Tensor rrelu(String op, Tensor input, double lower, double upper,
      boolean training, boolean inPlace) {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": lower must be <= upper,"
          + " got lower " + lower + " and upper " + upper + "; PyTorch's defaults are 1/8 and 1/3");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (Scalar lo = Natives.scalar(lower); Scalar hi = Natives.scalar(upper);
        GeneratorOptional g = new GeneratorOptional()) {
      if (inPlace) {
        torch.rrelu_(h, lo, hi, training, g);
        return input;
      }
      return Tensor.wrap(torch.rrelu(h, lo, hi, training, g));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }
}
