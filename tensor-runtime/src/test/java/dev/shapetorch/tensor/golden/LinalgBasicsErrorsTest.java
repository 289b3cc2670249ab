package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Linalg;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@code torch.linalg} basics refuse what PyTorch refuses, each with a message that names
 * the op: shapes before libtorch runs ({@code ShapeException} with the rule's key and the
 * shapes), {@code ord} values that are no norm ({@code IllegalArgumentException} listing the
 * allowed ones), singular and non-positive-definite matrices and integer dtypes ({@code
 * TorchException} saying what to do). Empty, 1-D and non-finite inputs never crash the JVM.
 */
class LinalgBasicsErrorsTest {

  private static Tensor zeros(long... sizes) {
    return Torch.zeros(sizes, DType.FLOAT64);
  }

  @Test
  void squareOps_rejectNonSquareMatrices_namingTheOpAndShape() {
    try (var scope = TensorScope.open()) {
      Tensor wide = zeros(2, 3);
      Tensor batch = zeros(4, 2, 3);
      String key = MessageKeys.MISMATCH_ARGUMENT;
      assertShapeError(key, "inv", () -> Linalg.inv(wide), shape(2, 3));
      assertShapeError(key, "inv", () -> Linalg.inv(batch), shape(4, 2, 3));
      assertShapeError(key, "det", () -> Linalg.det(batch), shape(4, 2, 3));
      assertShapeError(key, "cholesky", () -> Linalg.cholesky(wide), shape(2, 3));
      assertShapeError(key, "eigh", () -> Linalg.eigh(wide), shape(2, 3));
      assertShapeError(key, "inverse", () -> Torch.inverse(wide), shape(2, 3));
      assertShapeError(key, "inverse", () -> wide.inverse(), shape(2, 3));
      assertShapeError(key, "det", () -> Torch.det(wide), shape(2, 3));
      assertShapeError(key, "det", () -> batch.det(), shape(4, 2, 3));
    }
  }

  @Test
  void matrixOps_rejectFewerThanTwoDims_beforeLibtorch() {
    try (var scope = TensorScope.open()) {
      Tensor vector = zeros(3);
      Tensor scalar = zeros();
      String key = MessageKeys.RANK;
      assertShapeError(key, "inv", () -> Linalg.inv(vector), shape(3));
      assertShapeError(key, "det", () -> Linalg.det(scalar));
      assertShapeError(key, "cholesky", () -> Linalg.cholesky(vector), shape(3));
      assertShapeError(key, "qr", () -> Linalg.qr(vector), shape(3));
      assertShapeError(key, "eigh", () -> Linalg.eigh(vector), shape(3));
      assertShapeError(key, "svd", () -> Linalg.svd(scalar));
      assertShapeError(key, "matrixNorm", () -> Linalg.matrixNorm(vector), shape(3));
      assertShapeError(key, "matrixNorm", () -> Linalg.matrixNorm(vector, "nuc"), shape(3));
      assertShapeError(key, "matrixNorm", () -> Linalg.matrixNorm(vector, 2), shape(3));
      assertShapeError(key, "inverse", () -> vector.inverse(), shape(3));
    }
  }

  @Test
  void solve_rejectsMismatchedOperands_withItsOwnKeys() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.MISMATCH_LINALG_SQUARE, "solve",
          () -> Linalg.solve(zeros(2, 3), zeros(2)), shape(2, 3));
      assertShapeError(MessageKeys.MISMATCH_LINALG_SOLVE, "solve",
          () -> Linalg.solve(zeros(3, 3), zeros(4, 2)), shape(3, 3), shape(4, 2));
      assertShapeError(MessageKeys.MISMATCH_LINALG_SOLVE, "solve",
          () -> Linalg.solve(zeros(3, 3), zeros(4)), shape(3, 3), shape(4));
      assertShapeError(MessageKeys.MISMATCH_LINALG_BATCH, "solve",
          () -> Linalg.solve(zeros(2, 3, 3), zeros(4, 3, 1)), shape(2, 3, 3), shape(4, 3, 1));
      assertShapeError(MessageKeys.RANK, "solve",
          () -> Linalg.solve(zeros(3), zeros(3)), shape(3));
    }
  }

  @Test
  void vectorNorm_rejectsBadDims_likeOtherReductions() {
    try (var scope = TensorScope.open()) {
      Tensor x = zeros(2, 3);
      assertShapeError(MessageKeys.DIM_RANGE, "vectorNorm",
          () -> Linalg.vectorNorm(x, 2, new int[] {2}, false), shape(2, 3));
      assertShapeError(MessageKeys.DIM_ORDER, "vectorNorm",
          () -> Linalg.vectorNorm(x, 2, new int[] {1, -1}, false), shape(2, 3));
    }
  }

  @Test
  void badOrd_isAnIllegalArgumentNamingTheOpAndTheAllowedValues() {
    try (var scope = TensorScope.open()) {
      Tensor a = zeros(2, 2);
      for (Executable call : new Executable[] {() -> Linalg.matrixNorm(a, "frobenius"),
          () -> Linalg.matrixNorm(a, (String) null), () -> Linalg.matrixNorm(a, "FRO")}) {
        String m = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(m.startsWith("Linalg.matrixNorm: ord "), m);
        assertTrue(m.contains("\"fro\"") && m.contains("\"nuc\"") && m.contains("-2"), m);
      }
      for (double ord : new double[] {0, 3, 0.5, -1.5, Double.NaN}) {
        String m = assertThrows(IllegalArgumentException.class,
            () -> Linalg.matrixNorm(a, ord)).getMessage();
        assertTrue(m.startsWith("Linalg.matrixNorm: ord "), m);
        assertTrue(m.contains("POSITIVE_INFINITY") && m.contains("\"nuc\""), m);
      }
      String m = assertThrows(IllegalArgumentException.class,
          () -> Linalg.vectorNorm(a, Double.NaN)).getMessage();
      assertTrue(m.startsWith("Linalg.vectorNorm: ord is NaN"), m);
    }
  }

  @Test
  void singularMatrix_isATorchExceptionNamingTheOp_andSayingWhatToDo() {
    try (var scope = TensorScope.open()) {
      Tensor singular = Torch.tensor(new double[] {1, 2, 2, 4}).reshape(2, 2);
      for (String op : new String[] {"Linalg.inv", "Torch.inverse", "Linalg.solve"}) {
        Supplier<Tensor> call = switch (op) {
          case "Linalg.inv" -> () -> Linalg.inv(singular);
          case "Torch.inverse" -> () -> Torch.inverse(singular);
          default -> () -> Linalg.solve(singular, Torch.zeros(2));
        };
        TorchException e = assertThrows(TorchException.class, call::get);
        assertTrue(e.getMessage().startsWith(op + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        assertTrue(e.getMessage().contains("small multiple of the identity"), e.getMessage());
        assertTrue(e.getMessage().contains("float32[2, 2]"), e.getMessage());
      }
    }
  }

  @Test
  void notPositiveDefinite_isATorchExceptionNamingCholesky_andSayingWhatToDo() {
    try (var scope = TensorScope.open()) {
      Tensor indefinite = Torch.tensor(new double[] {1, 2, 2, 1}).reshape(2, 2);
      TorchException e = assertThrows(TorchException.class, () -> Linalg.cholesky(indefinite));
      assertTrue(e.getMessage().startsWith("Linalg.cholesky: "), e.getMessage());
      assertTrue(e.getMessage().contains("positive-definite"), e.getMessage());
      assertTrue(e.getMessage().contains("symmetric positive-definite matrix"), e.getMessage());
    }
  }

  @Test
  void integerInput_isATorchExceptionAskingForAFloatingDtype() {
    try (var scope = TensorScope.open()) {
      Tensor ints = Torch.zeros(new long[] {2, 2}, DType.INT64);
      TorchException e = assertThrows(TorchException.class, () -> Linalg.inv(ints));
      assertTrue(e.getMessage().startsWith("Linalg.inv: "), e.getMessage());
      assertTrue(e.getMessage().contains(". Convert the input to a floating dtype first, e.g."
          + " x.to(DType.FLOAT32)."), e.getMessage());
    }
  }

  @Test
  void operandsOfTwoDtypes_areATorchExceptionAskingForOneDtype() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.eye(2);
      TorchException e = assertThrows(TorchException.class, () -> Linalg.solve(a, zeros(2)));
      assertTrue(e.getMessage().startsWith("Linalg.solve: "), e.getMessage());
      assertTrue(e.getMessage().contains("Convert both to one dtype first"), e.getMessage());
      assertTrue(e.getMessage().contains("float32[2, 2], float64[2]"), e.getMessage());
    }
  }

  @Test
  void emptyMatrices_giveEmptyResults() {
    try (var scope = TensorScope.open()) {
      Tensor empty = zeros(0, 0);
      assertArrayEquals(new long[] {0, 0}, Linalg.inv(empty).shape());
      assertArrayEquals(new long[] {0, 0}, Linalg.cholesky(empty).shape());
      assertArrayEquals(new long[] {0}, Linalg.eigh(empty).eigenvalues().shape());
      assertArrayEquals(new long[] {3, 0}, Linalg.qr(zeros(3, 0)).q().shape());
      assertArrayEquals(new long[] {0}, Linalg.svd(zeros(0, 4)).s().shape());
      assertArrayEquals(new long[] {0, 2}, Linalg.solve(empty, zeros(0, 2)).shape());
      assertArrayEquals(new long[] {5}, Linalg.det(zeros(5, 0, 0)).shape());
      assertArrayEquals(new long[] {}, Linalg.matrixNorm(zeros(0, 3)).shape());
      assertArrayEquals(new long[] {}, Linalg.vectorNorm(zeros(0)).shape());
    }
  }

  @Test
  void nonFiniteInputs_giveNaNOrATorchException_neverACrash() {
    try (var scope = TensorScope.open()) {
      Tensor nan = Torch.full(new long[] {3, 3}, Double.NaN, DType.FLOAT64);
      for (Supplier<Tensor> call : java.util.List.<Supplier<Tensor>>of(
          () -> Linalg.inv(nan), () -> Linalg.det(nan), () -> Linalg.solve(nan, zeros(3)),
          () -> Linalg.cholesky(nan), () -> Linalg.qr(nan).r(), () -> Linalg.eigh(nan).eigenvalues(),
          () -> Linalg.svd(nan).s(), () -> Linalg.matrixNorm(nan, 2), () -> Linalg.vectorNorm(nan))) {
        try {
          Tensor r = call.get();
          assertTrue(r.isnan().any().itemBoolean() || r.numel() == 0, "a NaN input gives NaN");
        } catch (TorchException e) {
          assertTrue(e.getMessage().startsWith("Linalg."), e.getMessage());
        }
      }
    }
  }
}
