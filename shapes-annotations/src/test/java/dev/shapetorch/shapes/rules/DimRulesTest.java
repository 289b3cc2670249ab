package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DimRulesTest {

  @Test
  void normalizeDim() {
    assertEquals(1, DimRules.normalizeDim("op", TensorShape.of(2, 3), -1, 1).value());
    assertEquals(0, DimRules.normalizeDim("op", TensorShape.of(2, 3), -2, 1).value());
    assertEquals(0, DimRules.normalizeDim("op", TensorShape.of(), -1, 1).value());
    assertEquals(1, DimRules.normalizeDim("op", s("*b", "C", "H"), -1, 1).value());
    assertEquals(-1, DimRules.normalizeDim("op", s("*b", "C", "H"), 0, 1).value());
    ShapeMismatch m = fails(DimRules.normalizeDim("Tensor.sum", TensorShape.of(2, 3), 2, 1),
        MessageKeys.DIM_RANGE);
    assertEquals("[shape.dim.range] Tensor.sum: dimension 2 is out of range for [2, 3] (rank 2): "
        + "expected a dim in [-2, 1]", m.render());
    fails(DimRules.normalizeDim("op", TensorShape.of(2, 3), -3, 1), MessageKeys.DIM_RANGE);
    fails(DimRules.normalizeDim("op", TensorShape.of(), 1, 1), MessageKeys.DIM_RANGE);
  }

  @Test
  void transposeAndT() {
    assertEquals("[4, 3, 2]", ok(DimRules.transpose("op", TensorShape.of(2, 3, 4), 0, -1)));
    assertEquals("[B, W, H]", ok(DimRules.transpose("op", s("B", "H", "W"), 1, 2)));
    assertEquals("[*b, W, H]", ok(DimRules.transpose("op", s("*b", "H", "W"), -1, -2)));
    assertEquals("[..., _, _]", ok(DimRules.transpose("op", s("*b", "H", "W"), 0, -1)));
    fails(DimRules.transpose("op", TensorShape.of(2, 3), 0, 2), MessageKeys.DIM_RANGE);
    assertEquals("[3, 2]", ok(DimRules.t("t", TensorShape.of(2, 3))));
    assertEquals("[5]", ok(DimRules.t("t", TensorShape.of(5))));
    fails(DimRules.t("t", TensorShape.of(2, 3, 4)), MessageKeys.RANK);
  }

  @Test
  void permute() {
    assertEquals("[W, N, C, H]", ok(DimRules.permute("op", s("N", "C", "H", "W"), 3, 0, 1, 2)));
    assertEquals("[4, 2, 3]", ok(DimRules.permute("op", TensorShape.of(2, 3, 4), -1, 0, 1)));
    fails(DimRules.permute("op", TensorShape.of(2, 3, 4), 0, 1), MessageKeys.RANK);
    fails(DimRules.permute("op", TensorShape.of(2, 3, 4), 0, 1, -3), MessageKeys.DIM_ORDER);
    fails(DimRules.permute("op", TensorShape.of(2, 3, 4), 0, 1, 3), MessageKeys.DIM_RANGE);
  }

  @Test
  void squeezeAndUnsqueeze() {
    assertEquals("[B, 784]", ok(DimRules.squeeze("op", s("B", "1", "784"))));
    assertEquals("[]", ok(DimRules.squeeze("op", TensorShape.of(1, 1))));
    assertEquals("[...]", ok(DimRules.squeeze("op", s("B", "_"))));
    assertEquals("[B, 784]", ok(DimRules.squeezeDim("op", s("B", "1", "784"), 1)));
    assertEquals("[B, 784]", ok(DimRules.squeezeDim("op", s("B", "784"), 1)));
    assertEquals("[]", ok(DimRules.squeezeDim("op", TensorShape.of(), 0)));
    fails(DimRules.squeezeDim("op", TensorShape.of(2), 1), MessageKeys.DIM_RANGE);
    assertEquals("[B, 1, 784]", ok(DimRules.unsqueeze("op", s("B", "784"), 1)));
    assertEquals("[2, 3, 1]", ok(DimRules.unsqueeze("op", TensorShape.of(2, 3), -1)));
    assertEquals("[1]", ok(DimRules.unsqueeze("op", TensorShape.of(), 0)));
    assertEquals("[*b, C, 1]", ok(DimRules.unsqueeze("op", s("*b", "C"), -1)));
    fails(DimRules.unsqueeze("op", TensorShape.of(2, 3), 3), MessageKeys.DIM_RANGE);
    fails(DimRules.unsqueeze("op", TensorShape.of(2, 3), -4), MessageKeys.DIM_RANGE);
  }
}
