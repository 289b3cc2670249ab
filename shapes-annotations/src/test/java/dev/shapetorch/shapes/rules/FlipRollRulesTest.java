package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link DimRules#flip} and {@link DimRules#roll}: shapes kept, dims checked as PyTorch does. */
class FlipRollRulesTest {

  @Test
  void flipKeepsTheShapeAndChecksItsDims() {
    assertEquals("[B, 3, 4]", ok(DimRules.flip("Torch.flip", s("B", "3", "4"), new long[] {0, -1})));
    assertEquals("[2, 3]", ok(DimRules.flip("Torch.flip", TensorShape.of(2, 3), new long[] {})));
    assertEquals("[2, 3]", ok(DimRules.flip("Torch.flip", TensorShape.of(2, 3), null)));
    fails(DimRules.flip("Torch.flip", TensorShape.of(2, 3), new long[] {2}), MessageKeys.DIM_RANGE);
    ShapeMismatch twice = fails(DimRules.flip("Torch.flip", TensorShape.of(2, 3),
        new long[] {1, -1}), MessageKeys.DIM_ORDER);
    assertEquals("dim -1 appears more than once in [1, -1] for [2, 3]; name each dim once",
        twice.detail());
  }

  @Test
  void rollNeedsOneShiftPerDim() {
    assertEquals("[2, 3, 4]", ok(DimRules.roll("Torch.roll", TensorShape.of(2, 3, 4),
        new long[] {1, -2}, new long[] {0, 2})));
    assertEquals("[2, 3]", ok(DimRules.roll("Torch.roll", TensorShape.of(2, 3), new long[] {5},
        new long[] {})));
    fails(DimRules.roll("Torch.roll", TensorShape.of(2, 3), new long[] {1, 2}, new long[] {}),
        MessageKeys.DIM_ORDER);
    fails(DimRules.roll("Torch.roll", TensorShape.of(2, 3), new long[] {1, 2}, new long[] {0}),
        MessageKeys.DIM_ORDER);
    fails(DimRules.roll("Torch.roll", TensorShape.of(2, 3), new long[] {1}, new long[] {3}),
        MessageKeys.DIM_RANGE);
    assertEquals("[2, 3]",
        ok(DimRules.roll("Torch.roll", TensorShape.of(2, 3), null, new long[] {0})));
  }
}
