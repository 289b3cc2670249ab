package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReductionAndIndexRulesTest {

  @Test
  void reductions() {
    assertEquals("[]", ok(ReductionRules.reduceAll("sum", s("B", "C"))));
    assertEquals("[2, 4]", ok(ReductionRules.reduceDim("sum", TensorShape.of(2, 3, 4), 1, false)));
    assertEquals("[2, 1, 4]", ok(ReductionRules.reduceDim("sum", TensorShape.of(2, 3, 4), -2,
        true)));
    assertEquals("[B]", ok(ReductionRules.reduceDim("sum", s("B", "C"), -1, false)));
    assertEquals("[*b, 1]", ok(ReductionRules.reduceDim("sum", s("*b", "C"), -1, true)));
    assertEquals("[]", ok(ReductionRules.reduceDim("sum", TensorShape.of(), 0, false)));
    fails(ReductionRules.reduceDim("sum", TensorShape.of(2, 3), 2, false), MessageKeys.DIM_RANGE);
    assertEquals("[3]", ok(ReductionRules.reduceDims("sum", TensorShape.of(2, 3, 4),
        new long[] {0, -1}, false)));
    assertEquals("[1, 3, 1]", ok(ReductionRules.reduceDims("sum", TensorShape.of(2, 3, 4),
        new long[] {0, 2}, true)));
    assertEquals("[]", ok(ReductionRules.reduceDims("sum", TensorShape.of(2, 3),
        new long[0], false)));
    fails(ReductionRules.reduceDims("sum", TensorShape.of(2, 3, 4), new long[] {0, -3}, false),
        MessageKeys.DIM_ORDER);
  }

  @Test
  void argmaxOverASizeOneDim_isAMismatch() {
    assertEquals("[N]", ok(ReductionRules.argReduceDim("argmax", s("N", "C"), 1, false)));
    ShapeMismatch m = fails(ReductionRules.argReduceDim("Tensor.argmax", s("N", "1"), 1, false),
        MessageKeys.REDUCE_TRIVIAL);
    assertEquals("[shape.reduce.trivial] Tensor.argmax: dim 1 of [N, 1] has size 1, so the "
        + "result is always 0; reduce another dim, or squeeze it first", m.render());
  }

  @Test
  void indexing() {
    assertEquals("[B, C]", ok(IndexRules.alongDim("softmax", s("B", "C"), -1)));
    fails(IndexRules.alongDim("softmax", s("B", "C"), 2), MessageKeys.DIM_RANGE);
    assertEquals("[2, 4]", ok(IndexRules.select("select", TensorShape.of(2, 3, 4), 1, d("-1"))));
    fails(IndexRules.select("select", TensorShape.of(2, 3, 4), 1, d("3")),
        MessageKeys.INDEX_RANGE);
    fails(IndexRules.select("select", TensorShape.of(), 0, d("0")), MessageKeys.RANK);
    assertEquals("[B, 2]", ok(IndexRules.narrow("narrow", s("B", "10"), 1, d("8"), d("2"))));
    assertEquals("[B, L]", ok(IndexRules.narrow("narrow", s("B", "10"), 1, d("s"), d("L"))));
    fails(IndexRules.narrow("narrow", s("B", "10"), 1, d("9"), d("2")), MessageKeys.INDEX_RANGE);
    fails(IndexRules.narrow("narrow", s("B", "10"), 1, d("11"), d("0")), MessageKeys.INDEX_RANGE);
    assertEquals("[K, 5]", ok(IndexRules.indexSelect("indexSelect", s("N", "5"), 0, s("K"))));
    assertEquals("[1, 5]", ok(IndexRules.indexSelect("indexSelect", s("N", "5"), 0, s())));
    fails(IndexRules.indexSelect("indexSelect", s("N", "5"), 0, s("K", "2")),
        MessageKeys.MISMATCH_INDEX);
    assertEquals("[4, 2]", ok(IndexRules.gather("gather", TensorShape.of(4, 10), 1,
        TensorShape.of(4, 2))));
    fails(IndexRules.gather("gather", TensorShape.of(4, 10), 1, TensorShape.of(4)),
        MessageKeys.MISMATCH_INDEX);
    fails(IndexRules.gather("gather", TensorShape.of(4, 10), 1, TensorShape.of(5, 2)),
        MessageKeys.MISMATCH_INDEX);
    assertEquals("[4, 10]", ok(IndexRules.scatter("scatter", TensorShape.of(4, 10), 1,
        TensorShape.of(4, 2), TensorShape.of(4, 3))));
    assertEquals("[4, 10]", ok(IndexRules.scatter("scatter", TensorShape.of(4, 10), 1,
        TensorShape.of(4, 2), null)));
    ShapeMismatch m = fails(IndexRules.scatter("scatter", TensorShape.of(4, 10), 1,
        TensorShape.of(4, 2), TensorShape.of(4, 1)), MessageKeys.MISMATCH_INDEX);
    assertEquals(3, m.argument());
  }
}
