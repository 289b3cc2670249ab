package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatmulRulesTest {

  @Test
  void matmul_pytorchCases() {
    assertEquals("[]", ok(MatmulRules.matmul("m", TensorShape.of(3), TensorShape.of(3))));
    assertEquals("[2, 4]", ok(MatmulRules.matmul("m", TensorShape.of(2, 3), TensorShape.of(3, 4))));
    assertEquals("[4]", ok(MatmulRules.matmul("m", TensorShape.of(3), TensorShape.of(3, 4))));
    assertEquals("[2]", ok(MatmulRules.matmul("m", TensorShape.of(2, 3), TensorShape.of(3))));
    assertEquals("[10, 2, 4]",
        ok(MatmulRules.matmul("m", TensorShape.of(10, 2, 3), TensorShape.of(3, 4))));
    assertEquals("[10, 4]",
        ok(MatmulRules.matmul("m", TensorShape.of(3), TensorShape.of(10, 3, 4))));
    assertEquals("[10, 2]",
        ok(MatmulRules.matmul("m", TensorShape.of(10, 2, 3), TensorShape.of(3))));
    assertEquals("[5, 10, 2, 4]",
        ok(MatmulRules.matmul("m", TensorShape.of(10, 2, 3), TensorShape.of(5, 1, 3, 4))));
    assertEquals("[*b, N, 10]", ok(MatmulRules.matmul("m", s("*b", "N", "784"), s("784", "10"))));
  }

  @Test
  void matmul_innerDimsDiffer_reportsBothShapes() {
    ShapeMismatch m = fails(MatmulRules.matmul("Torch.matmul", s("B", "784"), s("128", "10")),
        MessageKeys.MISMATCH_MATMUL);
    assertEquals("[shape.mismatch.matmul] Torch.matmul: inner dimensions differ: a is [B, 784] "
        + "(dim 1 = 784), b is [128, 10] (dim 0 = 128)", m.render());
    assertEquals(1, m.argument());
    assertEquals(0, m.dim());
  }

  @Test
  void matmul_batchDimsMustBroadcast() {
    fails(MatmulRules.matmul("m", TensorShape.of(2, 2, 3), TensorShape.of(5, 3, 4)),
        MessageKeys.MISMATCH_MATMUL_BATCH);
  }

  @Test
  void matmul_batchDimsDoNotBroadcast_namesBothOperandsAndTheirBatchDims() {
    ShapeMismatch m = fails(MatmulRules.matmul("Tensor.matmul", TensorShape.of(2, 2, 3),
        TensorShape.of(3, 3, 4)), MessageKeys.MISMATCH_MATMUL_BATCH);
    assertEquals("[shape.mismatch.matmul.batch] Tensor.matmul: batch dims [2] and [3] cannot be "
        + "broadcast: a is [2, 2, 3] (dim 0 = 2), b is [3, 3, 4] (dim 0 = 3); batch sizes must be "
        + "equal, or one of them 1", m.render());
    assertEquals(1, m.argument());
    assertEquals(0, m.dim());
    ShapeMismatch symbolic = fails(MatmulRules.matmul("m", s("*b", "B", "N", "K"),
        s("7", "C", "K", "M")), MessageKeys.MISMATCH_MATMUL_BATCH);
    assertEquals("[shape.mismatch.matmul.batch] m: batch dims [*b, B] and [7, C] cannot be "
        + "broadcast: a is [*b, B, N, K] (dim -3 = B), b is [7, C, K, M] (dim 1 = C); batch "
        + "sizes must be equal, or one of them 1", symbolic.render());
  }

  @Test
  void matmul_scalarIsARankError() {
    fails(MatmulRules.matmul("m", TensorShape.of(), TensorShape.of(3)), MessageKeys.RANK);
  }

  @Test
  void matmul_vectorWhereAColumnWasMeant_givesAVectorNotAMatrix() {
    // [N, K] @ [K] is [N], not [N, 1]: the checker makes this visible in the type.
    assertEquals("[N]", ok(MatmulRules.matmul("m", s("N", "K"), s("K"))));
  }

  @Test
  void strictVariants() {
    assertEquals("[2, 4]", ok(MatmulRules.mm("mm", TensorShape.of(2, 3), TensorShape.of(3, 4))));
    fails(MatmulRules.mm("mm", TensorShape.of(2, 3), TensorShape.of(3)), MessageKeys.RANK);
    fails(MatmulRules.mm("mm", TensorShape.of(2, 3), TensorShape.of(4, 3)),
        MessageKeys.MISMATCH_MM);
    assertEquals("[7, 2, 4]",
        ok(MatmulRules.bmm("bmm", TensorShape.of(7, 2, 3), TensorShape.of(7, 3, 4))));
    fails(MatmulRules.bmm("bmm", TensorShape.of(7, 2, 3), TensorShape.of(1, 3, 4)),
        MessageKeys.MISMATCH_MATMUL_BATCH);
    assertEquals("[2]", ok(MatmulRules.mv("mv", TensorShape.of(2, 3), TensorShape.of(3))));
    fails(MatmulRules.mv("mv", TensorShape.of(2, 3), TensorShape.of(2)),
        MessageKeys.MISMATCH_MV);
    assertEquals("[]", ok(MatmulRules.dot("dot", TensorShape.of(3), TensorShape.of(3))));
    fails(MatmulRules.dot("dot", TensorShape.of(3), TensorShape.of(4)),
        MessageKeys.MISMATCH_DOT);
    fails(MatmulRules.dot("dot", TensorShape.of(1, 3), TensorShape.of(3)), MessageKeys.RANK);
    assertEquals("[3, 4]", ok(MatmulRules.outer("outer", TensorShape.of(3), TensorShape.of(4))));
  }

  @Test
  void strictVariants_innerDimsDiffer_reportTheirOwnKeyAndBothShapes() {
    assertEquals("[shape.mismatch.matmul.mm] Torch.mm: inner dimensions differ: a is [2, 3] "
        + "(dim 1 = 3), b is [2, 3] (dim 0 = 2)",
        fails(MatmulRules.mm("Torch.mm", TensorShape.of(2, 3), TensorShape.of(2, 3)),
            MessageKeys.MISMATCH_MM).render());
    ShapeMismatch bmm = fails(MatmulRules.bmm("Tensor.bmm", s("B", "N", "M"), s("B", "K", "P")),
        MessageKeys.MISMATCH_BMM);
    assertEquals("[shape.mismatch.matmul.bmm] Tensor.bmm: inner dimensions differ: a is "
        + "[B, N, M] (dim 2 = M), b is [B, K, P] (dim 1 = K)", bmm.render());
    assertEquals(1, bmm.argument());
    assertEquals(1, bmm.dim());
  }

  @Test
  void strictVariants_keepSymbolicSizes() {
    assertEquals("[M, N]", ok(MatmulRules.mm("mm", s("M", "K"), s("K", "N"))));
    assertEquals("[B, N, P]", ok(MatmulRules.bmm("bmm", s("B", "N", "M"), s("_", "M", "P"))));
    assertEquals("[B, N, P]", ok(MatmulRules.bmm("bmm", s("_", "N", "M"), s("B", "M", "P"))));
    assertEquals("[N]", ok(MatmulRules.mv("mv", s("N", "M"), s("M"))));
    assertEquals("[N, M]", ok(MatmulRules.outer("outer", s("N"), s("M"))));
  }

  @Test
  void strictVariants_variadicPrefix_checksAndKeepsTheTrailingDims() {
    // [*s, 3] has rank 2 for mm: its explicit dim is the last one.
    assertEquals("[_, 7]", ok(MatmulRules.mm("mm", s("*s", "3"), s("3", "7"))));
    fails(MatmulRules.mm("mm", s("*s", "3"), s("4", "7")), MessageKeys.MISMATCH_MM);
    assertEquals("[2, _]", ok(MatmulRules.mm("mm", s("2", "3"), s("*s"))));
    assertEquals("[_, 2, 5]", ok(MatmulRules.bmm("bmm", s("*s", "2", "3"), s("*t", "3", "5"))));
    fails(MatmulRules.bmm("bmm", s("*s", "2", "3"), s("*t", "4", "5")), MessageKeys.MISMATCH_BMM);
    fails(MatmulRules.mv("mv", s("*s", "3"), s("4")), MessageKeys.MISMATCH_MV);
    fails(MatmulRules.mm("mm", s("*s", "2", "3", "4"), s("4", "5")), MessageKeys.RANK);
  }

  @Test
  void linear() {
    assertEquals("[B, 10]", ok(MatmulRules.linear("Linear.forward", s("B", "784"),
        s("10", "784"), s("10"))));
    assertEquals("[*batch, 10]", ok(MatmulRules.linear("f", s("*batch", "784"), s("10", "784"),
        null)));
    assertEquals("[B]", ok(MatmulRules.linear("f", s("B", "784"), s("784"), null)));
    ShapeMismatch m = fails(MatmulRules.linear("Linear.forward", s("B", "400"),
        s("120", "256"), null), MessageKeys.MISMATCH_LINEAR);
    assertEquals("[shape.mismatch.linear] Linear.forward: the input's last dim differs from the "
        + "weight's in-features: input is [B, 400] (dim 1 = 400), weight is [120, 256] "
        + "(dim 1 = 256)", m.render());
    fails(MatmulRules.linear("f", s("B", "784"), s("10", "784"), s("11")),
        MessageKeys.MISMATCH_LINEAR_BIAS);
    fails(MatmulRules.linear("f", s(), s("10", "784"), null), MessageKeys.RANK);
  }
}
