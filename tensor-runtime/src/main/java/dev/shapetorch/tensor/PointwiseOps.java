package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.Shape;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise functions of one tensor: math ({@code exp}, {@code log}, {@code sqrt}, the
 * trigonometric and hyperbolic functions, rounding), activations ({@code relu}, {@code gelu},
 * {@code silu}, {@code leakyRelu}, {@code elu}, {@code softplus}) and {@code clamp}. Part of the
 * {@link Torch} chain: call them as {@code Torch.exp(x)} or {@code x.exp()}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}), so none can fail a
 * shape check. Integer inputs of the floating functions are promoted to float32, as in PyTorch.
 */
final class PointwiseOps {

  private PointwiseOps() {}

  /**
   * The negation {@code -x}, elementwise, as {@code torch.neg}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor neg(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.neg(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.neg", e, x);
    }
  }

  /**
   * The absolute value, elementwise, as {@code torch.abs}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor abs(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.abs(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.abs", e, x);
    }
  }

  /**
   * {@code e^x}, elementwise, as {@code torch.exp}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor exp(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.exp(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.exp", e, x);
    }
  }

  /**
   * {@code e^x - 1}, accurate near 0, elementwise, as {@code torch.expm1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor expm1(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.expm1(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.expm1", e, x);
    }
  }

  /**
   * The natural logarithm, elementwise, as {@code torch.log}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor log(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.log(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.log", e, x);
    }
  }

  /**
   * The base-2 logarithm, elementwise, as {@code torch.log2}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor log2(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.log2(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.log2", e, x);
    }
  }

  /**
   * {@code log(1 + x)}, accurate near 0, elementwise, as {@code torch.log1p}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor log1p(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.log1p(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.log1p", e, x);
    }
  }

  /**
   * The square root, elementwise, as {@code torch.sqrt}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sqrt(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.sqrt(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.sqrt", e, x);
    }
  }

  /**
   * The reciprocal square root {@code 1/sqrt(x)}, elementwise, as {@code torch.rsqrt}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor rsqrt(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.rsqrt(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.rsqrt", e, x);
    }
  }

  /**
   * {@code 1/x}, elementwise, as {@code torch.reciprocal}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor reciprocal(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.reciprocal(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.reciprocal", e, x);
    }
  }

  /**
   * {@code x*x}, elementwise, as {@code torch.square}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor square(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.square(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.square", e, x);
    }
  }

  /**
   * The sine, elementwise, as {@code torch.sin}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sin(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.sin(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.sin", e, x);
    }
  }

  /**
   * The cosine, elementwise, as {@code torch.cos}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor cos(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.cos(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.cos", e, x);
    }
  }

  /**
   * The tangent, elementwise, as {@code torch.tan}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor tan(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.tan(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.tan", e, x);
    }
  }

  /**
   * The arcsine, elementwise, as {@code torch.asin}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor asin(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.asin(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.asin", e, x);
    }
  }

  /**
   * The arccosine, elementwise, as {@code torch.acos}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor acos(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.acos(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.acos", e, x);
    }
  }

  /**
   * The arctangent, elementwise, as {@code torch.atan}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor atan(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.atan(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.atan", e, x);
    }
  }

  /**
   * The hyperbolic sine, elementwise, as {@code torch.sinh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sinh(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.sinh(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.sinh", e, x);
    }
  }

  /**
   * The hyperbolic cosine, elementwise, as {@code torch.cosh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor cosh(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.cosh(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.cosh", e, x);
    }
  }

  /**
   * The hyperbolic tangent, elementwise, as {@code torch.tanh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor tanh(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.tanh(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.tanh", e, x);
    }
  }

  /**
   * Rounds down, elementwise, as {@code torch.floor}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor floor(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.floor(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.floor", e, x);
    }
  }

  /**
   * Rounds up, elementwise, as {@code torch.ceil}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor ceil(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.ceil(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.ceil", e, x);
    }
  }

  /**
   * Rounds to the nearest integer, halves to even, elementwise, as {@code torch.round}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor round(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.round(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.round", e, x);
    }
  }

  /**
   * -1, 0 or 1 by the sign, elementwise, as {@code torch.sign}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor sign(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.sign(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.sign", e, x);
    }
  }

  /**
   * Logical NOT (zero is false); a bool tensor, elementwise, as {@code torch.logical_not}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor logicalNot(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return Tensor.wrap(torch.logical_not(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.logicalNot", e, x);
    }
  }

  /**
   * Clamps every value into {@code [min, max]}, as {@code torch.clamp(x, min, max)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor clamp(@Shape({"*s"}) Tensor x, double min, double max) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (Scalar lo = Natives.scalar(min); Scalar hi = Natives.scalar(max);
        ScalarOptional lop = new ScalarOptional(lo); ScalarOptional hip = new ScalarOptional(hi)) {
      return Tensor.wrap(torch.clamp(h, lop, hip));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.clamp", e, x);
    }
  }

  /**
   * Raises every value below {@code min} to {@code min}, as {@code torch.clamp(x, min=min)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor clampMin(@Shape({"*s"}) Tensor x, double min) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (Scalar lo = Natives.scalar(min)) {
      return Tensor.wrap(torch.clamp_min(h, lo));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.clampMin", e, x);
    }
  }

  /**
   * Lowers every value above {@code max} to {@code max}, as {@code torch.clamp(x, max=max)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor clampMax(@Shape({"*s"}) Tensor x, double max) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (Scalar hi = Natives.scalar(max)) {
      return Tensor.wrap(torch.clamp_max(h, hi));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.clampMax", e, x);
    }
  }
}
