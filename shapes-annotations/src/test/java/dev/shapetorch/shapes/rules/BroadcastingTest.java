package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BroadcastingTest {

  private static TensorShape parse(String text) {
    String t = text.strip();
    t = t.substring(1, t.length() - 1).strip();
    return t.isEmpty() ? s() : s(t.split(","));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = ';', value = {
      "[3, 4]; [3, 4]; [3, 4]",
      "[3, 4]; [4]; [3, 4]",
      "[3, 1]; [1, 4]; [3, 4]",
      "[]; [2, 3]; [2, 3]",
      "[2, 3]; []; [2, 3]",
      "[5, 1, 4]; [3, 1]; [5, 3, 4]",
      "[0]; [1]; [0]",
      "[B, 784]; [784]; [B, 784]",
      "[B, 1]; [1, C]; [B, C]",
      "[B, _]; [B, 3]; [B, 3]",
      "[_]; [1]; [_]",
      "[_]; [C]; [_]",
      "[*b, 3]; [3]; [*b, 3]",
      "[*b, 3]; [*b, 3]; [*b, 3]",
      "[*b, 3]; [4, 3]; [..., 4, 3]",
      "[*b, 3]; [*c, 3]; [..., 3]",
      "[2*B]; [B+B]; [2*B]",
  })
  void broadcasts(String a, String b, String out) {
    assertEquals(out, ok(Broadcasting.broadcast("Torch.add", parse(a), parse(b))));
  }

  @Test
  void mismatchNamesBothShapesAndDims() {
    ShapeMismatch m = fails(Broadcasting.broadcast("Torch.add", TensorShape.of(3, 4),
        TensorShape.of(5)), MessageKeys.BROADCAST);
    assertEquals("[shape.broadcast] Torch.add: shapes [3, 4] and [5] cannot be broadcast: "
        + "dim 1 of a is 4, dim 0 of b is 5 (sizes must be equal, or one of them 1)",
        m.render());
    assertEquals(1, m.argument());
    assertEquals(0, m.dim());
  }

  @Test
  void distinctSymbolsDoNotBroadcast() {
    fails(Broadcasting.broadcast("Torch.mul", s("B"), s("C")), MessageKeys.BROADCAST);
    fails(Broadcasting.broadcast("Torch.mul", s("B", "3"), s("4")), MessageKeys.BROADCAST);
  }

  @Test
  void equalConcreteShapesReturnTheSameInstance() {
    TensorShape a = TensorShape.of(2, 3);
    assertSame(a, Broadcasting.broadcast("add", a, TensorShape.of(2, 3)).value());
  }

  @Test
  void threeWay() {
    assertEquals("[2, 3, 4]", ok(Broadcasting.broadcast("Torch.where", TensorShape.of(3, 1),
        TensorShape.of(2, 1, 1), TensorShape.of(4))));
    ShapeMismatch m = fails(Broadcasting.broadcast("Torch.where", TensorShape.of(3, 1),
        TensorShape.of(3, 4), TensorShape.of(5)), MessageKeys.BROADCAST);
    assertEquals(2, m.argument());
  }
}
