package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The matmul family's shape contracts: inner dimensions, batch dimensions and ranks are checked
 * before libtorch runs, and the message names the op and both shapes.
 */
class LinalgShapeErrorGoldenTest {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  private static Tensor t(long... shape) {
    return Torch.ones(shape, DType.FLOAT64);
  }

  @Test
  void matmul_innerDimsDiffer_reportsBothShapes() {
    Tensor a = t(2, 3);
    Tensor b = t(4, 5);
    assertShapeError(
        MessageKeys.MISMATCH_MATMUL, "matmul", () -> a.matmul(b), shape(2, 3), shape(4, 5));
  }

  @Test
  void staticMatmul_innerDimsDiffer_reportsBothShapes() {
    Tensor a = t(2, 3);
    Tensor b = t(4, 5);
    assertShapeError(
        MessageKeys.MISMATCH_MATMUL, "matmul", () -> Torch.matmul(a, b), shape(2, 3), shape(4, 5));
  }

  @Test
  void matmul_vectorsOfDifferentLength_reportsBothShapes() {
    Tensor a = t(3);
    Tensor b = t(4);
    assertShapeError(MessageKeys.MISMATCH_MATMUL, "matmul", () -> a.matmul(b), shape(3), shape(4));
  }

  @Test
  void matmul_matrixTimesVectorOfWrongLength_reportsBothShapes() {
    Tensor a = t(2, 3);
    Tensor v = t(2);
    assertShapeError(
        MessageKeys.MISMATCH_MATMUL, "matmul", () -> a.matmul(v), shape(2, 3), shape(2));
  }

  @Test
  void matmul_batchDimsDoNotBroadcast_reportsBatchKeyAndBothShapes() {
    Tensor a = t(2, 2, 3);
    Tensor b = t(3, 3, 4);
    assertShapeError(
        MessageKeys.MISMATCH_MATMUL_BATCH,
        "matmul",
        () -> a.matmul(b),
        shape(2, 2, 3),
        shape(3, 3, 4));
  }

  @Test
  void matmul_batchedInnerDimsDiffer_reportsBothShapes() {
    Tensor a = t(2, 2, 3);
    Tensor b = t(2, 4, 1);
    assertShapeError(
        MessageKeys.MISMATCH_MATMUL, "matmul", () -> a.matmul(b), shape(2, 2, 3), shape(2, 4, 1));
  }

  @Test
  void matmul_zeroDimOperand_reportsRank() {
    Tensor a = Torch.full(new long[0], 2.0, DType.FLOAT64);
    Tensor b = t(3);
    assertShapeError(MessageKeys.RANK, "matmul", () -> a.matmul(b), shape(), shape(3));
  }

  @Test
  void mm_innerDimsDiffer_reportsItsOwnKeyAndBothShapes() {
    Tensor a = t(2, 3);
    Tensor b = t(2, 3);
    var e = assertShapeError(MessageKeys.MISMATCH_MM, "mm", () -> a.mm(b), shape(2, 3));
    assertEquals("[shape.mismatch.matmul.mm] Tensor.mm: inner dimensions differ: a is [2, 3] "
        + "(dim 1 = 3), b is [2, 3] (dim 0 = 2)", e.getMessage());
  }

  @Test
  void mm_batchedOperand_reportsRank() {
    Tensor a = t(2, 2, 3);
    Tensor b = t(3, 2);
    assertShapeError(MessageKeys.RANK, "mm", () -> a.mm(b), shape(2, 2, 3));
  }

  @Test
  void bmm_batchSizesDiffer_reportsBatchKeyAndBothShapes() {
    Tensor a = t(2, 2, 3);
    Tensor b = t(3, 3, 2);
    assertShapeError(MessageKeys.MISMATCH_MATMUL_BATCH, "bmm", () -> a.bmm(b), shape(2, 2, 3),
        shape(3, 3, 2));
  }

  @Test
  void bmm_innerDimsDiffer_reportsItsOwnKeyAndBothShapes() {
    Tensor a = t(2, 2, 3);
    Tensor b = t(2, 2, 3);
    assertShapeError(MessageKeys.MISMATCH_BMM, "bmm", () -> a.bmm(b), shape(2, 2, 3));
  }

  @Test
  void bmm_matrixOperand_reportsRank() {
    Tensor a = t(2, 3);
    Tensor b = t(2, 3, 2);
    assertShapeError(MessageKeys.RANK, "bmm", () -> a.bmm(b), shape(2, 3));
  }

  @Test
  void mv_vectorLengthDiffers_reportsItsOwnKeyAndBothShapes() {
    Tensor a = t(2, 3);
    Tensor v = t(4);
    assertShapeError(MessageKeys.MISMATCH_MV, "mv", () -> a.mv(v), shape(2, 3), shape(4));
  }

  @Test
  void mv_matrixAsVector_reportsRank() {
    Tensor a = t(2, 3);
    Tensor v = t(3, 1);
    assertShapeError(MessageKeys.RANK, "mv", () -> a.mv(v), shape(3, 1));
  }

  @Test
  void dot_lengthsDiffer_reportsItsOwnKeyAndBothShapes() {
    Tensor a = t(3);
    Tensor b = t(4);
    assertShapeError(MessageKeys.MISMATCH_DOT, "dot", () -> a.dot(b), shape(3), shape(4));
  }

  @Test
  void staticForms_nameTheStaticOp() {
    assertShapeError(MessageKeys.MISMATCH_MM, "Torch.mm", () -> Torch.mm(t(2, 3), t(2, 3)),
        shape(2, 3));
    assertShapeError(MessageKeys.MISMATCH_DOT, "Torch.dot", () -> Torch.dot(t(3), t(4)),
        shape(3), shape(4));
  }

  @Test
  void dot_matrixOperand_reportsRank() {
    Tensor a = t(3);
    Tensor b = t(3, 1);
    assertShapeError(MessageKeys.RANK, "dot", () -> a.dot(b), shape(3, 1));
  }

  @Test
  void outer_matrixOperand_reportsRank() {
    Tensor a = t(2, 2);
    Tensor b = t(3);
    assertShapeError(MessageKeys.RANK, "outer", () -> a.outer(b), shape(2, 2));
  }

  @Test
  void t_threeDims_reportsRank() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.RANK, "t", a::t, shape(2, 3, 4));
  }

  @Test
  void transpose_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 3);
    assertShapeError(MessageKeys.DIM_RANGE, "transpose", () -> a.transpose(0, 2), shape(2, 3));
  }
}
