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
    assertEquals("[B, 3]", ok(Broadcasting.broadcast("Torch.where", s("B", "1"), s("3"),
        s("B", "3"))));
    ShapeMismatch m = fails(Broadcasting.broadcast("Torch.where", TensorShape.of(3, 1),
        TensorShape.of(3, 4), TensorShape.of(5)), MessageKeys.BROADCAST);
    assertEquals(2, m.argument());
    assertEquals(0, m.dim());
  }

  @Test
  void threeWay_thirdDisagrees_namesEachInputsOwnShapeAndBlamesTheContributingOne() {
    ShapeMismatch m = fails(Broadcasting.broadcast("Torch.where", TensorShape.of(2, 3),
        TensorShape.of(3), TensorShape.of(2, 4)), MessageKeys.BROADCAST);
    assertEquals("[shape.broadcast] Torch.where: shapes [2, 3], [3] and [2, 4] cannot be "
        + "broadcast: dim 1 of the first ([2, 3]) is 3, dim 1 of the third ([2, 4]) is 4 (sizes "
        + "must be equal, or one of them 1)", m.render());
    assertEquals(2, m.argument());
    assertEquals(1, m.dim());
    ShapeMismatch fromSecond = fails(Broadcasting.broadcast("Torch.where", TensorShape.of(1),
        TensorShape.of(2, 3), TensorShape.of(4)), MessageKeys.BROADCAST);
    assertEquals("[shape.broadcast] Torch.where: shapes [1], [2, 3] and [4] cannot be "
        + "broadcast: dim 1 of the second ([2, 3]) is 3, dim 0 of the third ([4]) is 4 (sizes "
        + "must be equal, or one of them 1)", fromSecond.render());
  }

  @Test
  void threeWay_firstTwoDisagree_namesAllThreeShapes() {
    ShapeMismatch m = fails(Broadcasting.broadcast("Torch.where", s("B", "3"), s("4"),
        s("B", "1")), MessageKeys.BROADCAST);
    assertEquals("[shape.broadcast] Torch.where: shapes [B, 3], [4] and [B, 1] cannot be "
        + "broadcast: dim 1 of the first ([B, 3]) is 3, dim 0 of the second ([4]) is 4 (sizes "
        + "must be equal, or one of them 1)", m.render());
    assertEquals(1, m.argument());
    assertEquals(0, m.dim());
  }

  @ParameterizedTest(name = "{0} op= {1} keeps {0}")
  @CsvSource(delimiter = ';', value = {
      "[2, 3]; [2, 3]",
      "[2, 3]; [3]",
      "[2, 3]; [1, 3]",
      "[2, 3]; [2, 1]",
      "[2, 3]; []",
      "[]; []",
      "[B, 784]; [784]",
      "[B, C]; [B, 1]",
      "[_, 3]; [4, 3]",
      "[*b, 3]; [5, 3]",
      "[B, 3]; [*c, 3]",
  })
  void inPlace_otherBroadcastsToReceiver_givesReceiversShape(String self, String other) {
    TensorShape s = parse(self);
    assertSame(s, Broadcasting.broadcastInPlace("Tensor.add_", s, parse(other)).value());
  }

  @ParameterizedTest(name = "{0} op= {1} would grow")
  @CsvSource(delimiter = ';', value = {
      "[3]; [2, 3]",
      "[1]; [4]",
      "[2, 1]; [2, 3]",
      "[]; [2]",
      "[B, 1]; [B, C]",
      "[3]; [*c, 2, 3]",
  })
  void inPlace_broadcastLargerThanReceiver_isAnInPlaceMismatch(String self, String other) {
    ShapeMismatch m = fails(Broadcasting.broadcastInPlace("Tensor.mul_", parse(self),
        parse(other)), MessageKeys.BROADCAST_INPLACE);
    assertEquals(1, m.argument());
  }

  @Test
  void inPlaceWithTwoOperands_keepsTheReceiver_andBlamesTheOperandThatDoesNotFit() {
    TensorShape self = parse("[B, 3]");
    assertSame(self,
        Broadcasting.broadcastInPlace("Tensor.addcmul_", self, parse("[3]"), parse("[B, 1]"))
            .value());
    ShapeMismatch first = fails(Broadcasting.broadcastInPlace("Tensor.addcmul_", self,
        parse("[4]"), parse("[3]")), MessageKeys.BROADCAST);
    assertEquals(1, first.argument());
    ShapeMismatch second = fails(Broadcasting.broadcastInPlace("Tensor.addcdiv_", self,
        parse("[3]"), parse("[2, B, 3]")), MessageKeys.BROADCAST_INPLACE);
    assertEquals(2, second.argument());
    assertEquals(fails(Broadcasting.broadcastInPlace("Tensor.addcdiv_", self, parse("[2, B, 3]")),
        MessageKeys.BROADCAST_INPLACE).render(), second.render());
    ShapeMismatch viaRule = fails(Rule.BROADCAST3_INPLACE.apply("Tensor.addcmul_", java.util.List.of(
        new RuleArg.TensorArg(self), new RuleArg.TensorArg(parse("[3]")),
        new RuleArg.TensorArg(parse("[5]")))),
        MessageKeys.BROADCAST);
    assertEquals(2, viaRule.argument());
  }

  @Test
  void inPlace_growMessageNamesBothShapesAndWhatToDo() {
    assertEquals("[shape.broadcast.inplace] Tensor.mul_: the receiver [3] cannot grow: "
        + "broadcasting it with [2, 3] gives [2, 3] (it has more dims than the receiver), but an "
        + "in-place op writes its result into the receiver; use the out-of-place op (x = x.mul(y)"
        + " gives [2, 3]), or pass an operand that broadcasts to [3]",
        fails(Broadcasting.broadcastInPlace("Tensor.mul_", TensorShape.of(3),
            TensorShape.of(2, 3)), MessageKeys.BROADCAST_INPLACE).render());
    assertEquals("[shape.broadcast.inplace] add_: the receiver [2, 1] cannot grow: "
        + "broadcasting it with [3] gives [2, 3] (dim 1 would become 3), but an in-place op "
        + "writes its result into the receiver; use the out-of-place op (x = x.add(y) gives "
        + "[2, 3]), or pass an operand that broadcasts to [2, 1]",
        fails(Broadcasting.broadcastInPlace("add_", TensorShape.of(2, 1), TensorShape.of(3)),
            MessageKeys.BROADCAST_INPLACE).render());
  }

  @Test
  void inPlace_shapesThatDoNotBroadcastAtAll_keepTheBroadcastKey() {
    ShapeMismatch m = fails(Broadcasting.broadcastInPlace("Tensor.add_", TensorShape.of(2, 3),
        TensorShape.of(4)), MessageKeys.BROADCAST);
    assertEquals("[shape.broadcast] Tensor.add_: shapes [2, 3] and [4] cannot be broadcast: "
        + "dim 1 of a is 3, dim 0 of b is 4 (sizes must be equal, or one of them 1)", m.render());
  }
}
