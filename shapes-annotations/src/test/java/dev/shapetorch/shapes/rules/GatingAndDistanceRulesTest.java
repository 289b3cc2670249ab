package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GLU's halving (function and layer) and the broadcast-then-reduce rule of the distances. */
class GatingAndDistanceRulesTest {

  @Test
  void glu_halvesTheDim_concreteAndSymbolic() {
    assertEquals("[3, 2]", ok(GatingRules.glu("F.glu", TensorShape.of(3, 4), -1)));
    assertEquals("[2, 6]", ok(GatingRules.glu("F.glu", TensorShape.of(4, 6), 0)));
    assertEquals("[B, H, 5]", ok(GatingRules.glu("F.glu", s("B", "2*H", "5"), 1)));
    assertEquals("[*b, 3]", ok(GatingRules.glu("F.glu", s("*b", "6"), -1)));
  }

  @Test
  void glu_oddSize_namesTheOpTheDimAndTheSize() {
    ShapeMismatch m = fails(GatingRules.glu("F.glu", TensorShape.of(3, 5), -1),
        MessageKeys.SPLIT_SIZE);
    assertEquals("[shape.split.size] F.glu: dim -1 of [3, 5] has odd size 5; glu halves it, so"
        + " it must be even", m.render());
    assertEquals(1, m.dim());
    fails(GatingRules.glu("F.glu", TensorShape.of(4), 1), MessageKeys.DIM_RANGE);
    fails(GatingRules.glu("F.glu", TensorShape.of(), 0), MessageKeys.RANK);
  }

  @Test
  void gluLayer_readsTheDimFromTheModuleVector() {
    assertEquals("[3, 2]", ok(GatingRules.gluLayer("GLU.forward", s("-1"),
        TensorShape.of(3, 4))));
    fails(GatingRules.gluLayer("GLU.forward", s("0"), TensorShape.of(3, 4)),
        MessageKeys.SPLIT_SIZE);
    assertEquals(2, GatingRules.gluLayer("GLU.forward", s("D"), TensorShape.of(3, 4)).value()
        .rank());
  }

  @Test
  void broadcastReduceDim_broadcastsThenRemovesTheDim() {
    assertEquals("[3]", ok(ReductionRules.broadcastReduceDim("F.cosineSimilarity",
        TensorShape.of(3, 4), TensorShape.of(1, 4), 1, false)));
    assertEquals("[3, 1]", ok(ReductionRules.broadcastReduceDim("F.pairwiseDistance",
        TensorShape.of(3, 4), TensorShape.of(4), -1, true)));
    assertEquals("[N]", ok(ReductionRules.broadcastReduceDim("F.cosineSimilarity",
        s("N", "D"), s("N", "D"), 1, false)));
    fails(ReductionRules.broadcastReduceDim("F.cosineSimilarity", TensorShape.of(3, 4),
        TensorShape.of(2, 4), 1, false), MessageKeys.BROADCAST);
    ShapeMismatch range = fails(ReductionRules.broadcastReduceDim("F.cosineSimilarity",
        TensorShape.of(4), TensorShape.of(4), 1, false), MessageKeys.DIM_RANGE);
    assertEquals(2, range.argument());
  }
}
