package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ContractionRules}: the shapes PyTorch 1.13 gives for {@code tensordot}, {@code kron},
 * {@code cdist}, {@code diag} and {@code meshgrid} (each case was run through it; the runtime's
 * golden test compares values), and the refusals.
 */
class ContractionRulesTest {

  private static TensorShape c(long... sizes) {
    return TensorShape.of(sizes);
  }

  private static String tensordot(TensorShape a, TensorShape b, long dims) {
    return ok(ContractionRules.tensordot("Torch.tensordot", a, b, DimExpr.of(dims)));
  }

  private static String tensordot(TensorShape a, TensorShape b, long[] da, long[] db) {
    return ok(ContractionRules.tensordot("Torch.tensordot", a, b, da, db));
  }

  @Test
  void tensordotContractsTrailingWithLeadingDims() {
    assertEquals("[2, 5]", tensordot(c(2, 3, 4), c(3, 4, 5), 2));
    assertEquals("[2, 3, 4, 5]", tensordot(c(2, 3), c(4, 5), 0));
    assertEquals("[2, 4]", tensordot(c(2, 1), c(3, 4), 1));
    assertEquals("[B, P]", tensordot(s("B", "K"), s("K", "P"), 1));
    assertEquals("[2, 5]", tensordot(c(2, 3, 4), c(4, 3, 5), new long[] {1, 2}, new long[] {1, 0}));
    assertEquals("[2, 5]",
        tensordot(c(2, 3, 4), c(4, 3, 5), new long[] {-2, -1}, new long[] {1, 0}));
  }

  @Test
  void tensordotRefusals() {
    ShapeMismatch m = fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3, 4), c(4, 4, 5),
        DimExpr.of(2)), MessageKeys.MISMATCH_CONTRACTION);
    assertEquals("contracted dims differ: a is [2, 3, 4] (dim 1 = 3), b is [4, 4, 5] (dim 0 = 4);"
        + " contracted sizes must be equal (or 1)", m.detail());
    fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3), c(3, 4), DimExpr.of(-1)),
        MessageKeys.DIM_RANGE);
    fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3), c(3, 4), DimExpr.of(3)),
        MessageKeys.DIM_RANGE);
    fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3, 4), c(4, 3, 5), new long[] {1},
        new long[] {1, 0}), MessageKeys.DIM_RANGE);
    fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3, 3), c(3, 3, 5), new long[] {1, 1},
        new long[] {0, 1}), MessageKeys.DIM_ORDER);
    fails(ContractionRules.tensordot("Torch.tensordot", c(2, 3), c(3, 4), new long[] {2},
        new long[] {0}), MessageKeys.DIM_RANGE);
  }

  @Test
  void tensordotWithUnknownsNeverErrs() {
    assertTrue(ContractionRules.tensordot("t", c(2, 3), c(3, 4), DimExpr.UNKNOWN).value()
        .hasVariadic());
    assertTrue(ContractionRules.tensordot("t", TensorShape.unknownRank(), c(3, 4), DimExpr.of(1))
        .value().hasVariadic());
    assertTrue(ContractionRules.tensordot("t", c(2, 3), c(3, 4), null, new long[] {0}).value()
        .hasVariadic());
  }

  @Test
  void kronMultipliesAlignedSizes() {
    assertEquals("[8, 15]", ok(ContractionRules.kron("Torch.kron", c(2, 3), c(4, 5))));
    assertEquals("[4, 10, 18]", ok(ContractionRules.kron("Torch.kron", c(2, 3), c(4, 5, 6))));
    assertEquals("[4, 5]", ok(ContractionRules.kron("Torch.kron", c(), c(4, 5))));
    assertEquals("[2*N, 3]", ok(ContractionRules.kron("Torch.kron", s("N", "1"), c(2, 3))));
  }

  @Test
  void cdistGivesRowsByRowsWithBroadcastBatches() {
    assertEquals("[3, 5]", ok(ContractionRules.cdist("Torch.cdist", c(3, 4), c(5, 4))));
    assertEquals("[2, 3, 5]", ok(ContractionRules.cdist("Torch.cdist", c(2, 3, 4), c(1, 5, 4))));
    assertEquals("[B, P, R]",
        ok(ContractionRules.cdist("Torch.cdist", s("B", "P", "M"), s("B", "R", "M"))));
    ShapeMismatch m = fails(ContractionRules.cdist("Torch.cdist", c(3, 4), c(5, 3)),
        MessageKeys.MISMATCH_CONTRACTION);
    assertEquals("x1 and x2 need the same number of columns: x1 is [3, 4] (dim 1 = 4), x2 is"
        + " [5, 3] (dim 1 = 3)", m.detail());
    fails(ContractionRules.cdist("Torch.cdist", c(4), c(4)), MessageKeys.RANK);
    fails(ContractionRules.cdist("Torch.cdist", c(2, 3, 4), c(3, 5, 4)), MessageKeys.BROADCAST);
  }

  @Test
  void diagMakesAMatrixOrTakesADiagonal() {
    assertEquals("[3, 3]", ok(ContractionRules.diag("Torch.diag", c(3), DimExpr.of(0))));
    assertEquals("[5, 5]", ok(ContractionRules.diag("Torch.diag", c(3), DimExpr.of(2))));
    assertEquals("[4, 4]", ok(ContractionRules.diag("Torch.diag", c(3), DimExpr.of(-1))));
    assertEquals("[N+1, N+1]", ok(ContractionRules.diag("Torch.diag", s("N"), DimExpr.of(1))));
    assertEquals("[3]", ok(ContractionRules.diag("Torch.diag", c(3, 5), DimExpr.of(0))));
    assertEquals("[3]", ok(ContractionRules.diag("Torch.diag", c(3, 5), DimExpr.of(2))));
    assertEquals("[1]", ok(ContractionRules.diag("Torch.diag", c(3, 5), DimExpr.of(-2))));
    assertEquals("[0]", ok(ContractionRules.diag("Torch.diag", c(3, 5), DimExpr.of(7))));
    assertEquals("[0]", ok(ContractionRules.diag("Torch.diag", c(3, 5), DimExpr.of(-4))));
    assertEquals("[_]", ok(ContractionRules.diag("Torch.diag", s("M", "N"), DimExpr.of(0))));
    fails(ContractionRules.diag("Torch.diag", c(3, 5, 2), DimExpr.of(0)), MessageKeys.RANK);
    fails(ContractionRules.diag("Torch.diag", c(), DimExpr.of(0)), MessageKeys.RANK);
  }

  @Test
  void meshgridGivesEveryOutputTheGridShape() {
    assertEquals("[2, 3]",
        ok(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(2), c(3)), "ij")));
    assertEquals("[3, 2, 4]",
        ok(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(2), c(3), c(4)), "xy")));
    assertEquals("[2]", ok(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(2)), "xy")));
    assertEquals("[1, 3]",
        ok(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(), c(3)), "ij")));
    assertEquals("[_, _]",
        ok(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(2), c(3)), null)));
    fails(ContractionRules.meshgrid("Torch.meshgrid", List.of(c(2, 2), c(3)), "ij"),
        MessageKeys.RANK);
    fails(ContractionRules.meshgrid("Torch.meshgrid", List.of(), "ij"), MessageKeys.JOIN_EMPTY);
  }

  @Test
  void theRulesAreReachableThroughTheirConstants() {
    assertEquals("[2, 5]", ok(Rule.TENSORDOT_DIMS.apply("t", List.of(
        new RuleArg.TensorArg(c(2, 3, 4)), new RuleArg.TensorArg(c(4, 3, 5)),
        new RuleArg.IntsArg(List.of(DimExpr.of(1), DimExpr.of(2))),
        new RuleArg.IntsArg(List.of(DimExpr.of(1), DimExpr.of(0)))))));
    assertEquals("[2, 3]", ok(Rule.MESHGRID.apply("t", List.of(
        new RuleArg.TensorsArg(List.of(c(2), c(3))), new RuleArg.StringArg("ij")))));
  }
}
