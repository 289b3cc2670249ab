package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinalgRulesTest {

  @Test
  void solve_pytorchCases() {
    assertEquals("[3, 2]", ok(LinalgRules.solve("s", TensorShape.of(3, 3), TensorShape.of(3, 2))));
    assertEquals("[3]", ok(LinalgRules.solve("s", TensorShape.of(3, 3), TensorShape.of(3))));
    // B of exactly A's shape without the last dim: a batch of vectors.
    assertEquals("[4, 3]",
        ok(LinalgRules.solve("s", TensorShape.of(4, 3, 3), TensorShape.of(4, 3))));
    // A 1-D B against a batch of matrices: one vector for every matrix.
    assertEquals("[4, 3]", ok(LinalgRules.solve("s", TensorShape.of(4, 3, 3), TensorShape.of(3))));
    // Otherwise B is a matrix, and the batches broadcast.
    assertEquals("[4, 3, 3]",
        ok(LinalgRules.solve("s", TensorShape.of(4, 3, 3), TensorShape.of(3, 3))));
    assertEquals("[5, 4, 3, 2]",
        ok(LinalgRules.solve("s", TensorShape.of(4, 3, 3), TensorShape.of(5, 1, 3, 2))));
    assertEquals("[B, N, K]", ok(LinalgRules.solve("s", s("B", "N", "N"), s("B", "N", "K"))));
    assertEquals("[B, N]", ok(LinalgRules.solve("s", s("B", "N", "N"), s("B", "N"))));
  }

  @Test
  void solve_unknownKind_orVariadic_givesUnknownRank() {
    TensorShape unknownBatch =
        TensorShape.of(List.of(DimExpr.UNKNOWN, DimExpr.of(3), DimExpr.of(3)));
    assertEquals(TensorShape.unknownRank().toString(),
        ok(LinalgRules.solve("s", unknownBatch, TensorShape.of(4, 3))));
    assertEquals(TensorShape.unknownRank().toString(),
        ok(LinalgRules.solve("s", s("*b", "N", "N"), s("*b", "N"))));
  }

  @Test
  void solve_nonSquareA_isASquareMismatch() {
    ShapeMismatch m = fails(LinalgRules.solve("Linalg.solve", TensorShape.of(2, 3),
        TensorShape.of(2)), MessageKeys.MISMATCH_LINALG_SQUARE);
    assertEquals("[shape.mismatch.linalg.square] Linalg.solve: A must be square, [*b, n, n]: "
        + "A is [2, 3] (dim 0 = 2, dim 1 = 3)", m.render());
    assertEquals(0, m.argument());
  }

  @Test
  void solve_rowsDiffer_namesBothShapes() {
    ShapeMismatch m = fails(LinalgRules.solve("Linalg.solve", TensorShape.of(3, 3),
        TensorShape.of(4, 2)), MessageKeys.MISMATCH_LINALG_SOLVE);
    assertEquals("[shape.mismatch.linalg.solve] Linalg.solve: B's rows differ from A's size: "
        + "A is [3, 3] (dim 1 = 3), B is [4, 2] (dim 0 = 4); B must be [*b, 3, k] or [*b, 3]",
        m.render());
    assertEquals(1, m.argument());
    assertEquals(0, m.dim());
    fails(LinalgRules.solve("s", TensorShape.of(3, 3), TensorShape.of(4)),
        MessageKeys.MISMATCH_LINALG_SOLVE);
  }

  @Test
  void solve_batchesThatDoNotBroadcast_areABatchMismatch() {
    ShapeMismatch m = fails(LinalgRules.solve("s", TensorShape.of(2, 3, 3),
        TensorShape.of(4, 3, 1)), MessageKeys.MISMATCH_LINALG_BATCH);
    assertEquals(1, m.argument());
  }

  @Test
  void solve_ranksTooLow_areRankMismatches() {
    fails(LinalgRules.solve("s", TensorShape.of(3), TensorShape.of(3)), MessageKeys.RANK);
    fails(LinalgRules.solve("s", TensorShape.of(3, 3), TensorShape.of()), MessageKeys.RANK);
  }
}
