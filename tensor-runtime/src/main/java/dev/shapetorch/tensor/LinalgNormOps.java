package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Norms: {@code Linalg.matrixNorm} and {@code Linalg.vectorNorm}, as {@code
 * torch.linalg.matrix_norm} and {@code torch.linalg.vector_norm}. An {@code ord} that PyTorch
 * does not accept is an {@link IllegalArgumentException} naming the op and the values it takes.
 *
 * <p>Shape: {@code matrixNorm} reduces the last two dims, {@code [*b, m, n] -> [*b]};
 * {@code vectorNorm} is a reduction over all elements ({@link Rule#REDUCE_ALL}) or over the
 * given dims ({@link Rule#REDUCE_DIMS}).
 */
final class LinalgNormOps {
  private LinalgNormOps() {}

  private static final long[] LAST_TWO_DIMS = {-2, -1};

  /**
   * The Frobenius norm of a matrix, or of each matrix of a batch, as {@code
   * torch.linalg.matrix_norm(A)}: the square root of the sum of the squared elements.
   *
   * <p>Shape: {@code [*b, m, n] -> [*b]}.
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b"}) Tensor matrixNorm(@Shape({"*b", "M", "N"}) Tensor a) {
    return matrixNorm(a, "fro");
  }

  /**
   * A matrix norm named by a string, of a matrix or of each matrix of a batch, as {@code
   * torch.linalg.matrix_norm(A, ord)}: {@code "fro"} (Frobenius) or {@code "nuc"} (nuclear, the
   * sum of the singular values).
   *
   * <p>Shape: {@code [*b, m, n] -> [*b]}.
   *
   * @throws IllegalArgumentException if {@code ord} is neither {@code "fro"} nor {@code "nuc"}
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b"}) Tensor matrixNorm(@Shape({"*b", "M", "N"}) Tensor a, String ord) {
    if (!"fro".equals(ord) && !"nuc".equals(ord)) {
      throw new IllegalArgumentException("Linalg.matrixNorm: ord " + quoted(ord) + " is not a"
          + " matrix norm; use \"fro\" or \"nuc\", or a number: 1, -1, 2, -2,"
          + " Double.POSITIVE_INFINITY or Double.NEGATIVE_INFINITY");
    }
    Natives.h(a, "a");
    return LinalgFailures.tensor("Linalg.matrixNorm",
        () -> torch.linalg_matrix_norm(a.h(), ord, LAST_TWO_DIMS, false, Natives.NO_DTYPE), a);
  }

  /**
   * A matrix norm named by a number, of a matrix or of each matrix of a batch, as {@code
   * torch.linalg.matrix_norm(A, ord)}: {@code 1} ({@code -1}) the largest (smallest) absolute
   * column sum, {@code Double.POSITIVE_INFINITY} ({@code NEGATIVE_INFINITY}) the largest
   * (smallest) absolute row sum, {@code 2} ({@code -2}) the largest (smallest) singular value.
   *
   * <p>Shape: {@code [*b, m, n] -> [*b]}.
   *
   * @throws IllegalArgumentException if {@code ord} is not one of those six
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b"}) Tensor matrixNorm(@Shape({"*b", "M", "N"}) Tensor a, double ord) {
    if (Math.abs(ord) != 1 && Math.abs(ord) != 2 && !Double.isInfinite(ord)) {
      throw new IllegalArgumentException("Linalg.matrixNorm: ord " + ord + " is not a matrix"
          + " norm; use 1, -1, 2, -2, Double.POSITIVE_INFINITY or Double.NEGATIVE_INFINITY, or"
          + " the strings \"fro\" or \"nuc\"");
    }
    Natives.h(a, "a");
    return LinalgFailures.tensor("Linalg.matrixNorm", () -> {
      try (Scalar s = Natives.scalar(ord)) {
        return torch.linalg_matrix_norm(a.h(), s, LAST_TWO_DIMS, false, Natives.NO_DTYPE);
      }
    }, a);
  }

  /**
   * The 2-norm of all elements taken as one vector, as {@code torch.linalg.vector_norm(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants(Variant.LINALG)
  @ShapeRule(Rule.REDUCE_ALL)
  static @Shape({}) Tensor vectorNorm(Tensor x) {
    return vectorNorm(x, 2.0, new int[0], false);
  }

  /**
   * The {@code ord}-norm of all elements taken as one vector, as {@code
   * torch.linalg.vector_norm(x, ord)}: {@code sum(|x|^ord)^(1/ord)}; {@code
   * Double.POSITIVE_INFINITY} is the largest absolute value, {@code NEGATIVE_INFINITY} the
   * smallest, {@code 0} the number of non-zero elements.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   *
   * @throws IllegalArgumentException if {@code ord} is NaN
   */
  @Variants(Variant.LINALG)
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"x"})
  static @Shape({}) Tensor vectorNorm(Tensor x, double ord) {
    return vectorNorm(x, ord, new int[0], false);
  }

  /**
   * The {@code ord}-norm along {@code dims} (all dims when empty), kept as size 1 with {@code
   * keepdim}, as {@code torch.linalg.vector_norm(x, ord, dims, keepdim)}: {@code
   * sum(|x|^ord)^(1/ord)}; {@code Double.POSITIVE_INFINITY} is the largest absolute value,
   * {@code NEGATIVE_INFINITY} the smallest, {@code 0} the number of non-zero elements.
   *
   * <p>Shape: the dims removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIMS}).
   *
   * @throws IllegalArgumentException if {@code ord} is NaN
   */
  @Variants(Variant.LINALG)
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"x", "dims", "keepdim"})
  static Tensor vectorNorm(Tensor x, double ord, int[] dims, boolean keepdim) {
    if (Double.isNaN(ord)) {
      throw new IllegalArgumentException("Linalg.vectorNorm: ord is NaN; use a number (2 for"
          + " the Euclidean norm, 1, 0, Double.POSITIVE_INFINITY, ...)");
    }
    if (dims == null) {
      throw new IllegalArgumentException("Linalg.vectorNorm: dims is null; pass the dims to"
          + " reduce, or an empty array for all of them");
    }
    Natives.h(x, "x");
    long[] along = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      along[i] = dims[i];
    }
    return LinalgFailures.tensor("Linalg.vectorNorm", () -> {
      try (Scalar s = Natives.scalar(ord)) {
        if (along.length > 0) {
          return torch.linalg_vector_norm(x.h(), s, along, keepdim, Natives.NO_DTYPE);
        }
        // No dims: libtorch's nullopt, every element (an empty list is not the same in PyTorch).
        try (LongArrayRefOptional all = new LongArrayRefOptional()) {
          return torch.linalg_vector_norm(x.h(), s, all, keepdim, Natives.NO_DTYPE);
        }
      }
    }, x);
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
