package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViewRulesTest {

  private static List<DimExpr> sizes(String... dims) {
    return s(dims).dims();
  }

  @Test
  void reshape_concrete() {
    assertEquals("[4, 6]", ok(ViewRules.reshape("view", TensorShape.of(2, 3, 4), 4, 6)));
    assertEquals("[2, 12]", ok(ViewRules.reshape("view", TensorShape.of(2, 3, 4), 2, -1)));
    assertEquals("[24]", ok(ViewRules.reshape("view", TensorShape.of(2, 3, 4), -1)));
    assertEquals("[1]", ok(ViewRules.reshape("view", TensorShape.of(), 1)));
    assertEquals("[]", ok(ViewRules.reshape("view", TensorShape.of(1))));
    assertEquals("[0, 5]", ok(ViewRules.reshape("view", TensorShape.of(0, 5), 0, 5)));
  }

  @Test
  void reshape_errors() {
    ShapeMismatch m = fails(ViewRules.reshape("Tensor.view", TensorShape.of(3, 7), 2, -1, 5),
        MessageKeys.RESHAPE_NUMEL);
    assertEquals("[shape.reshape.numel] Tensor.view: shape [2, -1, 5] is invalid for input "
        + "[3, 7] of 21 elements", m.render());
    fails(ViewRules.reshape("view", TensorShape.of(6), 4, 2), MessageKeys.RESHAPE_NUMEL);
    fails(ViewRules.reshape("view", TensorShape.of(6), -1, -1), MessageKeys.RESHAPE_INFER);
    fails(ViewRules.reshape("view", TensorShape.of(0, 6), -1, 0), MessageKeys.RESHAPE_INFER);
    fails(ViewRules.reshape("view", TensorShape.of(6), -2, -3), MessageKeys.SIZE_NEGATIVE);
  }

  @Test
  void reshape_symbolic() {
    assertEquals("[B, 784]", ok(ViewRules.reshape("view", s("B", "28", "28"), sizes("-1", "784"))));
    assertEquals("[B, C*H*W]",
        ok(ViewRules.reshape("view", s("B", "C", "H", "W"), sizes("B", "-1"))));
    ShapeMismatch m = fails(ViewRules.reshape("view", s("B", "28", "28"), sizes("B", "400")),
        MessageKeys.RESHAPE_NUMEL);
    assertEquals("[shape.reshape.numel] view: shape [B, 400] is invalid for input [B, 28, 28] "
        + "of 784*B elements", m.render());
    // Valid whenever 3 divides 10*B: the inferred size stays symbolic.
    assertEquals("[(10*B)/3, 3]", ok(ViewRules.reshape("view", s("B", "10"), sizes("-1", "3"))));
    fails(ViewRules.reshape("view", s("2*B", "10"), sizes("-1", "3", "0")),
        MessageKeys.RESHAPE_INFER);
    assertEquals("[_, 3]", ok(ViewRules.reshape("view", s("_", "10"), sizes("-1", "3"))));
    assertEquals("[_, 784]", ok(ViewRules.reshape("view", s("*b", "28", "28"), sizes("-1", "784"))));
  }

  @Test
  void flatten() {
    assertEquals("[N, C*H*W]", ok(ViewRules.flatten("flatten", s("N", "C", "H", "W"), 1, -1)));
    assertEquals("[24]", ok(ViewRules.flatten("flatten", TensorShape.of(2, 3, 4), 0, -1)));
    assertEquals("[2, 12]", ok(ViewRules.flatten("flatten", TensorShape.of(2, 3, 4), 1, 2)));
    assertEquals("[1]", ok(ViewRules.flatten("flatten", TensorShape.of(), 0, -1)));
    assertEquals("[*b, C*H*W]", ok(ViewRules.flatten("flatten", s("*b", "C", "H", "W"), -3, -1)));
    assertEquals("[..., _, W]", ok(ViewRules.flatten("flatten", s("*b", "C", "H", "W"), 1, -2)));
    fails(ViewRules.flatten("flatten", TensorShape.of(2, 3, 4), 2, 1), MessageKeys.DIM_ORDER);
    fails(ViewRules.flatten("flatten", TensorShape.of(2, 3, 4), 0, 3), MessageKeys.DIM_RANGE);
  }

  @Test
  void unflatten() {
    assertEquals("[N, 1, 28, 28]",
        ok(ViewRules.unflatten("unflatten", s("N", "784"), 1, sizes("1", "28", "28"))));
    assertEquals("[N, 4, 196]",
        ok(ViewRules.unflatten("unflatten", s("N", "784"), -1, sizes("4", "-1"))));
    fails(ViewRules.unflatten("unflatten", s("N", "784"), 1, sizes("3", "-1")),
        MessageKeys.RESHAPE_NUMEL);
  }

  @Test
  void expand() {
    assertEquals("[2, 3, 4]", ok(ViewRules.expand("expand", TensorShape.of(3, 1),
        sizes("2", "-1", "4"))));
    assertEquals("[B, 5]", ok(ViewRules.expand("expand", s("1", "5"), sizes("B", "-1"))));
    ShapeMismatch m = fails(ViewRules.expand("expand", TensorShape.of(3, 2), sizes("3", "4")),
        MessageKeys.EXPAND);
    assertEquals(1, m.dim());
    fails(ViewRules.expand("expand", TensorShape.of(3, 1), sizes("4")), MessageKeys.EXPAND);
    fails(ViewRules.expand("expand", TensorShape.of(3), sizes("-1", "3")), MessageKeys.EXPAND);
  }

  @Test
  void repeat() {
    assertEquals("[4, 6, 3]", ok(ViewRules.repeat("repeat", TensorShape.of(3, 1),
        sizes("4", "2", "3"))));
    assertEquals("[2*B, 3]", ok(ViewRules.repeat("repeat", s("B", "3"), sizes("2", "1"))));
    fails(ViewRules.repeat("repeat", TensorShape.of(3, 1), sizes("2")), MessageKeys.REPEAT);
  }

  @Test
  void numel() {
    assertEquals(d("6*B"), ViewRules.numel(s("B", "2", "3")));
    assertEquals(d("_"), ViewRules.numel(s("...", "3")));
  }
}
