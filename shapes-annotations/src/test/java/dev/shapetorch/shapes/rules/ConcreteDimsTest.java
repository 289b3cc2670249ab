package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RuleArg.IntsArg#of(long...)}: the runtime's int arrays, read without boxing (the
 * property that every RESHAPE result equals the boxed path's is in {@link ShapePropertiesTest}).
 */
class ConcreteDimsTest {

  private static List<DimExpr> boxed(long... values) {
    List<DimExpr> out = new ArrayList<>();
    for (long v : values) {
      out.add(DimExpr.of(v));
    }
    return out;
  }

  @Test
  void isTheSameValueAsTheBoxedList() {
    RuleArg.IntsArg literal = RuleArg.IntsArg.of(-1, 784, 5000);
    RuleArg.IntsArg listed = new RuleArg.IntsArg(boxed(-1, 784, 5000));
    assertEquals(listed, literal);
    assertEquals(listed.hashCode(), literal.hashCode());
    assertEquals("[-1, 784, 5000]", literal.values().toString());
    assertEquals(DimExpr.of(5000), literal.values().get(2));
    assertEquals(3, literal.values().size());
  }

  @Test
  void copiesTheValuesAndCannotBeModified() {
    long[] sizes = {2, 3};
    RuleArg.IntsArg arg = RuleArg.IntsArg.of(sizes);
    sizes[0] = 7;
    assertEquals(boxed(2, 3), arg.values());
    assertThrows(UnsupportedOperationException.class, () -> arg.values().set(0, DimExpr.of(1)));
    assertThrows(UnsupportedOperationException.class, () -> arg.values().add(DimExpr.of(1)));
  }

  @Test
  void reshapeReadsThemWithoutChangingThem() {
    RuleArg.IntsArg sizes = RuleArg.IntsArg.of(-1, 784);
    List<RuleArg> args = List.of(new RuleArg.TensorArg(TensorShape.of(64, 1, 28, 28)), sizes);
    assertEquals("[64, 784]", ok(Rule.RESHAPE.apply("view", args)));
    assertEquals("[64, 784]", ok(Rule.RESHAPE.apply("view", args)));
    assertEquals(boxed(-1, 784), sizes.values());
    ShapeMismatch m = fails(Rule.RESHAPE.apply("Tensor.view", List.of(
        new RuleArg.TensorArg(TensorShape.of(3, 7)), RuleArg.IntsArg.of(2, -1, 5))),
        MessageKeys.RESHAPE_NUMEL);
    assertEquals("[shape.reshape.numel] Tensor.view: shape [2, -1, 5] is invalid for input "
        + "[3, 7] of 21 elements", m.render());
  }

  @Test
  void symbolicInputsStillWork() {
    assertEquals("[B, 784]", ok(Rule.RESHAPE.apply("view", List.of(
        new RuleArg.TensorArg(s("B", "28", "28")), RuleArg.IntsArg.of(-1, 784)))));
    assertEquals("[4, 2, 3]", ok(Rule.PERMUTE.apply("permute", List.of(
        new RuleArg.TensorArg(TensorShape.of(2, 3, 4)), RuleArg.IntsArg.of(2, 0, 1)))));
    assertEquals("[2, 1, 4]", ok(Rule.REDUCE_DIMS.apply("sum", List.of(
        new RuleArg.TensorArg(TensorShape.of(2, 3, 4)), RuleArg.IntsArg.of(-2),
        new RuleArg.BoolArg(true)))));
  }
}
