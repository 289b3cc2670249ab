package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/** Argument checks and dtype helpers shared by the functional transforms. */
final class Images {

  private Images() {}

  /** Checks that {@code image} has at least {@code [H, W]}; returns it. */
  static Tensor image(Tensor image, String op) {
    if (Arguments.requireNonNull(image, "image").dim() < 2) {
      throw new IllegalArgumentException(
          op + ": expects an image [..., H, W], got shape " + Arrays.toString(image.shape()));
    }
    return image;
  }

  /** Checks that {@code image} is {@code [..., C, H, W]} with C in {@code channels}. */
  static Tensor channels(Tensor image, String op, int... channels) {
    if (Arguments.requireNonNull(image, "image").dim() < 3) {
      throw new IllegalArgumentException(
          op + ": expects an image [..., C, H, W], got shape " + Arrays.toString(image.shape())
              + "; add a channel dimension with unsqueeze(0)");
    }
    long c = image.size(-3);
    for (int allowed : channels) {
      if (c == allowed) {
        return image;
      }
    }
    throw new IllegalArgumentException(
        op + ": expects " + Arrays.toString(channels).replace(", ", " or ")
            + " channels, got shape " + Arrays.toString(image.shape()));
  }

  /** 1 for floating point images, the dtype's maximum for integer ones (torchvision's bound). */
  static double maxValue(DType dtype) {
    return switch (dtype) {
      case UINT8 -> 255;
      case INT8 -> 127;
      case INT16 -> 32767;
      case INT32 -> 2147483647;
      case INT64 -> 9.223372036854775807e18;
      default -> 1;
    };
  }

  /** The dtype computations on {@code image} run in: its own if floating point, else float32. */
  static DType computeType(Tensor image) {
    return image.dtype().isFloatingPoint() ? image.dtype() : DType.FLOAT32;
  }

  /** {@code ratio * a + (1 - ratio) * b}, clamped to the image range, in {@code a}'s dtype. */
  static Tensor blend(Tensor a, Tensor b, double ratio) {
    DType t = computeType(a);
    double bound = a.dtype().isFloatingPoint() ? 1.0 : 255.0;
    return a.to(t).mul(ratio).add(b.to(t).mul(1.0 - ratio)).clamp(0, bound).to(a.dtype());
  }

  /** Back from float computation: rounds for integer dtypes, then casts. */
  static Tensor castBack(Tensor y, DType dtype) {
    if (y.dtype() == dtype) {
      return y;
    }
    return dtype.isFloatingPoint() ? y.to(dtype) : y.round().to(dtype);
  }

  /** Python's {@code int(round(x))}: halves to even. */
  static long roundHalfEven(double x) {
    return (long) Math.rint(x);
  }

  /**
   * Runs {@code call}, renaming its argument errors from {@code from} ("TF.rotate: ...", the
   * functional form a class calls, or a class TF delegates to) to {@code op}, the name the user
   * called.
   */
  static Tensor as(String op, String from, java.util.function.Supplier<Tensor> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      if (m != null && m.startsWith(from)) {
        int colon = m.indexOf(": ");
        throw new IllegalArgumentException(op + m.substring(colon < 0 ? from.length() : colon), e);
      }
      throw e;
    }
  }

  /** Checks a probability. */
  static double probability(double p, String op) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(op + ": p must be a probability in [0, 1], got " + p);
    }
    return p;
  }
}
