package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Functions of matrices: {@code trace}, {@code matrixPower}, {@code matrixExp}, {@code logdet},
 * the statistics {@code cov} and {@code corrcoef}, and {@code renorm}, each on libtorch's kernel.
 * Declarations ({@link Variants}): {@code Torch.trace(x)} and {@code x.trace()} are generated
 * from them.
 *
 * <p>Shape: each op's {@code @Shape} patterns (square matrices where the math needs them), so a
 * non-square input is a compile error and a {@link ShapeException} before libtorch runs.
 */
final class MatrixFunctionOps {
  private MatrixFunctionOps() {}

  /**
   * The sum of the main diagonal, as {@code torch.trace(x)}.
   *
   * <p>Shape: {@code [N, M] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({}) Tensor trace(@Shape({"N", "M"}) Tensor x) {
    return Natives.unary("Torch.trace", x, "x", torch::trace);
  }

  /**
   * The matrix raised to the integer power {@code n} by repeated products, as {@code
   * torch.matrix_power(x, n)}: {@code n = 0} gives the identity, a negative {@code n} the inverse's
   * power (a singular matrix is then libtorch's {@link TorchException}).
   *
   * <p>Shape: {@code [*b, N, N] -> [*b, N, N]}.
   *
   * @throws IllegalArgumentException if {@code n} is {@code Long.MIN_VALUE}, whose magnitude has
   *     no 64-bit value (libtorch's kernel loops on it without end)
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b", "N", "N"}) Tensor matrixPower(@Shape({"*b", "N", "N"}) Tensor x, long n) {
    if (n == Long.MIN_VALUE) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.matrixPower") + ": n = " + n
          + " has no 64-bit magnitude; give |n| <= " + Long.MAX_VALUE);
    }
    return Natives.withLong("Torch.matrixPower", x, "x", n, torch::matrix_power);
  }

  /**
   * The matrix exponential, as {@code torch.matrix_exp(x)}.
   *
   * <p>Shape: {@code [*b, N, N] -> [*b, N, N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b", "N", "N"}) Tensor matrixExp(@Shape({"*b", "N", "N"}) Tensor x) {
    return Natives.unary("Torch.matrixExp", x, "x", torch::matrix_exp);
  }

  /**
   * The log of the determinant, as {@code torch.logdet(x)}: NaN for a negative determinant,
   * {@code -inf} for a singular matrix.
   *
   * <p>Shape: {@code [*b, N, N] -> [*b]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b"}) Tensor logdet(@Shape({"*b", "N", "N"}) Tensor x) {
    return Natives.unary("Torch.logdet", x, "x", torch::logdet);
  }

  /**
   * The covariance matrix of {@code V} variables observed {@code N} times (one row per variable),
   * as {@code torch.cov(x)} with Bessel's correction. A single variable is a row: {@code
   * x.unsqueeze(0)}.
   *
   * <p>Shape: {@code [V, N] -> [V, V]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"V", "V"}) Tensor cov(@Shape({"V", "N"}) Tensor x) {
    return Natives.unary("Torch.cov", x, "x", torch::cov);
  }

  /**
   * The Pearson correlation matrix of {@code V} variables observed {@code N} times, as {@code
   * torch.corrcoef(x)}.
   *
   * <p>Shape: {@code [V, N] -> [V, V]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"V", "V"}) Tensor corrcoef(@Shape({"V", "N"}) Tensor x) {
    return Natives.unary("Torch.corrcoef", x, "x", torch::corrcoef);
  }

  /**
   * Each slice along {@code dim} rescaled so that its {@code p}-norm is at most {@code maxnorm},
   * as {@code torch.renorm(x, p, dim, maxnorm)} (slices already within it are unchanged).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code p} is not positive or {@code maxnorm} is negative
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor renorm(@Shape({"*s"}) Tensor x, double p, int dim, double maxnorm) {
    if (!(p > 0) || !(maxnorm >= 0)) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.renorm") + ": p = " + p
          + " and maxnorm = " + maxnorm + "; give p > 0 and maxnorm >= 0");
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (Scalar ps = Natives.scalar(p); Scalar ms = Natives.scalar(maxnorm)) {
      return Tensor.wrap(torch.renorm(h, ps, dim, ms));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.renorm", e, x);
    }
  }
}
