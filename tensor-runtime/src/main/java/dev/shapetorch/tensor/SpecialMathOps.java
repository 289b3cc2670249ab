package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise functions of one tensor beyond {@link PointwiseOps}'s: the inverse hyperbolic
 * functions, {@code log10}, {@code exp2}, {@code erfc}, rounding parts ({@code trunc}, {@code
 * frac}), signs ({@code sgn}, {@code signbit}), {@code sinc}, angle conversions, the gamma family
 * ({@code digamma}, {@code lgamma}, {@code polygamma}, {@code mvlgamma}), {@code i0}, {@code
 * logit}, infinity tests and {@code bitwiseNot}, each on libtorch's kernel. Declarations ({@link
 * Variants}): {@code Torch.asinh(x)} and {@code x.asinh()} are generated from them.
 *
 * <p>Shape: every op keeps its input's shape ({@code [*s] -> [*s]}); the dtype follows PyTorch's
 * (integer inputs of the floating functions become the default float type; the tests return
 * bool).
 */
final class SpecialMathOps {
  private SpecialMathOps() {}

  /**
   * The inverse hyperbolic sine, elementwise, as {@code torch.asinh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor asinh(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.asinh", x, "x", torch::asinh);
  }

  /**
   * The inverse hyperbolic cosine, elementwise, as {@code torch.acosh}: NaN below 1.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor acosh(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.acosh", x, "x", torch::acosh);
  }

  /**
   * The inverse hyperbolic tangent, elementwise, as {@code torch.atanh}: {@code -inf} and {@code inf} at -1 and 1, NaN outside.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor atanh(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.atanh", x, "x", torch::atanh);
  }

  /**
   * The base-10 logarithm, elementwise, as {@code torch.log10}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor log10(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.log10", x, "x", torch::log10);
  }

  /**
   * {@code 2^x}, elementwise, as {@code torch.exp2}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor exp2(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.exp2", x, "x", torch::exp2);
  }

  /**
   * The complementary error function {@code 1 - erf(x)}, elementwise, as {@code torch.erfc} (accurate where {@code erf(x)} is near 1).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor erfc(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.erfc", x, "x", torch::erfc);
  }

  /**
   * Rounds toward zero, elementwise, as {@code torch.trunc}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor trunc(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.trunc", x, "x", torch::trunc);
  }

  /**
   * The fractional part {@code x - trunc(x)}, elementwise, with the sign of {@code x}, as {@code torch.frac}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor frac(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.frac", x, "x", torch::frac);
  }

  /**
   * The sign, elementwise, as {@code torch.sgn}: {@code sign} for real tensors ({@code x / |x|} for complex ones).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sgn(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sgn", x, "x", torch::sgn);
  }

  /**
   * Whether the sign bit is set, elementwise, as {@code torch.signbit}: a bool tensor, true for {@code -0.0} too.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor signbit(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.signbit", x, "x", torch::signbit);
  }

  /**
   * The normalised sinc {@code sin(pi x) / (pi x)}, elementwise, 1 at 0, as {@code torch.sinc}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sinc(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sinc", x, "x", torch::sinc);
  }

  /**
   * Degrees to radians, elementwise, as {@code torch.deg2rad}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor deg2rad(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.deg2rad", x, "x", torch::deg2rad);
  }

  /**
   * Radians to degrees, elementwise, as {@code torch.rad2deg}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor rad2deg(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.rad2deg", x, "x", torch::rad2deg);
  }

  /**
   * The digamma function (the derivative of {@code lgamma}), elementwise, as {@code torch.digamma}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor digamma(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.digamma", x, "x", torch::digamma);
  }

  /**
   * The log of the absolute gamma function, elementwise, as {@code torch.lgamma}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor lgamma(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.lgamma", x, "x", torch::lgamma);
  }

  /**
   * The modified Bessel function of the first kind of order 0, elementwise, as {@code torch.i0}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor i0(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.i0", x, "x", torch::i0);
  }

  /**
   * Whether each element is positive infinity, as {@code torch.isposinf}: a bool tensor.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor isposinf(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isposinf", x, "x", torch::isposinf);
  }

  /**
   * Whether each element is negative infinity, as {@code torch.isneginf}: a bool tensor.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor isneginf(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isneginf", x, "x", torch::isneginf);
  }

  /**
   * The bitwise NOT of an integer or bool tensor, elementwise, as {@code torch.bitwise_not} (logical NOT for bool); a floating tensor is a {@link TorchException}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bitwiseNot(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.bitwiseNot", x, "x", torch::bitwise_not);
  }

  /**
   * The log-odds {@code log(x / (1 - x))}, elementwise, as {@code torch.logit(x)}: {@code -inf}
   * and {@code inf} at 0 and 1, NaN outside {@code [0, 1]}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor logit(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.logit", x, "x", torch::logit);
  }

  /**
   * The log-odds with the input clamped to {@code [eps, 1 - eps]} first, as {@code
   * torch.logit(x, eps)}: finite everywhere.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @param eps the clamp, in {@code [0, 0.5]}
   * @throws IllegalArgumentException if {@code eps} is outside {@code [0, 0.5]} or NaN
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor logit(@Shape({"*s"}) Tensor x, double eps) {
    if (!(eps >= 0 && eps <= 0.5)) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.logit") + ": eps = " + eps
          + " is outside [0, 0.5]; it clamps the input to [eps, 1 - eps]");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (DoubleOptional e = new DoubleOptional(eps)) {
      return Tensor.wrap(torch.logit(h, e));
    } catch (RuntimeException ex) {
      throw Natives.fail("Torch.logit", ex, x);
    }
  }

  /**
   * The {@code n}-th derivative of {@code digamma}, elementwise, as {@code torch.polygamma(n,
   * x)} ({@code n = 0} is {@code digamma}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*s"}) Tensor polygamma(long n, @Shape({"*s"}) Tensor x) {
    return polygammaOf(n, x);
  }

  /**
   * {@link #polygamma(long, Tensor)} as a method, as {@code x.polygamma(n)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.METHOD)
  static @Shape({"*s"}) Tensor polygamma(@Shape({"*s"}) Tensor x, long n) {
    return polygammaOf(n, x);
  }

  private static Tensor polygammaOf(long n, Tensor x) {
    if (n < 0) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.polygamma") + ": n = " + n
          + " is negative; polygamma is the n-th derivative of digamma, n >= 0");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.polygamma(n, h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.polygamma", e, x);
    }
  }

  /**
   * The multivariate log-gamma function of dimension {@code p}, elementwise, as {@code
   * torch.mvlgamma(x, p)}: every element must exceed {@code (p - 1) / 2} (libtorch's {@link
   * TorchException} otherwise).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code p} is below 1
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor mvlgamma(@Shape({"*s"}) Tensor x, long p) {
    if (p < 1) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.mvlgamma") + ": p = " + p
          + " is below 1; give the dimension p >= 1");
    }
    return Natives.withLong("Torch.mvlgamma", x, "x", p, torch::mvlgamma);
  }
}
