package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.shapes.rules.IndexingRules;
import dev.shapetorch.shapes.rules.TensorShape;
import org.junit.jupiter.api.Test;

/**
 * The errors of {@code Tensor.index} and {@code indexPut_}: each names the op, the index string
 * and the shape, with the rule's own text (the text the checker reports for a constant string),
 * and nothing is written when the index is refused.
 */
class IndexStringErrorsTest {

  private static String ruleText(String op, TensorShape shape, String spec) {
    return IndexingRules.index(op, shape, spec).mismatch().render();
  }

  @Test
  void anIntegerOutOfRange() {
    Tensor x = Torch.zeros(2, 10);
    ShapeException e = assertThrows(ShapeException.class, () -> x.index(":, 10"));
    assertEquals("[shape.index.range] Tensor.index: index 10 at item 1 of \":, 10\" is out of"
        + " range for dim 1 of [2, 10] (size 10); use an index in [-10, 9]", e.getMessage());
    assertEquals(ruleText("Tensor.index", TensorShape.of(2, 10), ":, 10"), e.getMessage());
    ShapeException neg = assertThrows(ShapeException.class, () -> x.index("-3"));
    assertEquals("[shape.index.range] Tensor.index: index -3 at item 0 of \"-3\" is out of range"
        + " for dim 0 of [2, 10] (size 2); use an index in [-2, 1]", neg.getMessage());
  }

  @Test
  void aPlaceholderOutOfRangeIsCheckedWithItsValue() {
    Tensor x = Torch.zeros(2, 10);
    ShapeException e = assertThrows(ShapeException.class, () -> x.index(":, ?", 12));
    assertEquals("[shape.index.range] Tensor.index: index 12 at item 1 of \":, ?\" is out of"
        + " range for dim 1 of [2, 10] (size 10); use an index in [-10, 9]", e.getMessage());
  }

  @Test
  void tooManyIndices() {
    Tensor x = Torch.zeros(2, 10);
    ShapeException e = assertThrows(ShapeException.class, () -> x.index("0, 1, 2"));
    assertEquals("[shape.rank] Tensor.index: too many indices for [2, 10] (rank 2): the index"
        + " \"0, 1, 2\" indexes 3 dims; index at most 2", e.getMessage());
  }

  @Test
  void aStringThatIsNoIndex() {
    Tensor x = Torch.zeros(2, 10);
    ShapeException e = assertThrows(ShapeException.class, () -> x.index("0:1:2:3"));
    assertEquals(ruleText("Tensor.index", TensorShape.of(2, 10), "0:1:2:3"), e.getMessage());
    assertEquals("shape.index.syntax", e.key());
    ShapeException count = assertThrows(ShapeException.class, () -> x.index(":, ?"));
    assertEquals("[shape.index.syntax] Tensor.index: the index \":, ?\" has 1 placeholder (?),"
        + " got 0 values; pass one int or index tensor after the string per ?",
        count.getMessage());
  }

  @Test
  void aMaskOfTheWrongShape() {
    Tensor x = Torch.zeros(3, 4);
    Tensor mask = Torch.fromArray(new boolean[4], 4);
    ShapeException e = assertThrows(ShapeException.class, () -> x.index("?", mask));
    assertEquals("[shape.mismatch.index] Tensor.index: the mask [4] at item 0 of \"?\" does not"
        + " fit dims 0..0 of [3, 4]: its dim 0 is 4, the tensor's dim 0 is 3; a mask has the"
        + " sizes of the dims it covers", e.getMessage());
  }

  @Test
  void aValueThatDoesNotFitThePartIsRefusedBeforeAnythingIsWritten() {
    Tensor x = Torch.zeros(2, 10);
    ShapeException e = assertThrows(ShapeException.class,
        () -> x.indexPut_(":, 1:3", Torch.ones(3)));
    assertEquals("[shape.mismatch.index] Tensor.indexPut_: the value [3] does not broadcast to"
        + " [2, 2], the part \":, 1:3\" of [2, 10]; give a value of shape [2, 2] or one that"
        + " broadcasts to it", e.getMessage());
    assertEquals(0.0, x.sum().item(), 0.0);
    ShapeException range = assertThrows(ShapeException.class, () -> x.indexPut_("5", 1.0));
    assertEquals(ruleText("Tensor.indexPut_", TensorShape.of(2, 10), "5"), range.getMessage());
  }

  @Test
  void aPlaceholderValueOfTheWrongType() {
    Tensor x = Torch.zeros(2, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> x.index(":, ?", "1"));
    assertEquals("Tensor.index: the value of ? 0 in \":, ?\" is a String; pass an int, a long or"
        + " an index tensor (int64/int32 positions or a bool mask)", e.getMessage());
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> x.index("?", Torch.zeros(2)));
    assertEquals("Tensor.index: the value of ? 0 in \"?\" is a torch.float32 tensor; an index tensor"
        + " holds int64 or int32 positions, or is a bool mask; convert it with to(DType.INT64)",
        f.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> x.index("0:?", Torch.zeros(1).to(DType.INT64)));
    assertEquals("[shape.index.syntax] Tensor.index: a slice bound ? at item 0 of \"0:?\" takes"
        + " an int, got a tensor", t.getMessage());
  }

  @Test
  void maskedFillNeedsABoolMask() {
    Tensor x = Torch.zeros(2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> x.maskedFill_(Torch.zeros(2, 3), 1));
    assertEquals("Tensor.maskedFill_: the mask must be a bool tensor, got torch.float32; compare first"
        + " (x.gt(0)) or convert with to(DType.BOOL)", e.getMessage());
    ShapeException s = assertThrows(ShapeException.class,
        () -> x.maskedFill_(Torch.fromArray(new boolean[4], 4), 1));
    assertEquals("shape.broadcast", s.key());
    ShapeException grows = assertThrows(ShapeException.class,
        () -> x.maskedFill_(Torch.fromArray(new boolean[12], 2, 2, 3), 1));
    assertEquals("shape.broadcast.inplace", grows.key());
  }
}
