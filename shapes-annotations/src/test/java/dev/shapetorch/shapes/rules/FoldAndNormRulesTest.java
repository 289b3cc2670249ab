package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** unfold/fold (im2col/col2im), instance norm's ranks and channels, local response norm. */
class FoldAndNormRulesTest {

  private static List<DimExpr> v(long... values) {
    return java.util.Arrays.stream(values).mapToObj(DimExpr::of).toList();
  }

  @Test
  void unfold_countsColumnsAndBlocks() {
    // [2, 3, 5, 6], kernel 2x3, padding 1, stride (2, 1): oh = (5+2-1-1)/2+1 = 3, ow = 6.
    assertEquals("[2, 18, 18]", ok(FoldRules.unfold("F.unfold", TensorShape.of(2, 3, 5, 6),
        v(2, 3), v(1), v(1), v(2, 1))));
    assertEquals("[12, 20]", ok(FoldRules.unfold("F.unfold", TensorShape.of(3, 6, 5), v(2),
        v(1), v(0), v(1))));
    // dilation 2: effective kernel 3.
    assertEquals("[1, 4, 9]", ok(FoldRules.unfold("F.unfold", TensorShape.of(1, 1, 5, 5),
        v(2), v(2), v(0), v(1))));
    assertEquals(s("N", "4*C", "(H - 1)*(W - 1)").toString(), ok(FoldRules.unfold("F.unfold",
        s("N", "C", "H", "W"), v(2), v(1), v(0), v(1))));
  }

  @Test
  void unfold_refusesRanksParametersAndSmallImages() {
    fails(FoldRules.unfold("F.unfold", TensorShape.of(3, 4), v(2), v(1), v(0), v(1)),
        MessageKeys.RANK);
    fails(FoldRules.unfold("F.unfold", TensorShape.of(1, 3, 4, 4), v(0), v(1), v(0), v(1)),
        MessageKeys.CONV_PARAMS);
    fails(FoldRules.unfold("F.unfold", TensorShape.of(1, 3, 4, 4), v(2), v(1), v(-1), v(1)),
        MessageKeys.CONV_PARAMS);
    fails(FoldRules.unfold("F.unfold", TensorShape.of(1, 3, 4, 4), v(2), v(1), v(0), v(1, 2, 3)),
        MessageKeys.CONV_PARAMS);
    ShapeMismatch m = fails(FoldRules.unfold("F.unfold", TensorShape.of(1, 3, 6, 6), v(7),
        v(1), v(0), v(1)), MessageKeys.CONV_SIZE);
    assertTrue(m.render().contains("smaller than the dilated kernel size 7"), m.render());
    assertEquals(2, m.dim());
  }

  @Test
  void fold_givesTheImage_andChecksColumnsAndBlocks() {
    assertEquals("[1, 3, 4, 5]", ok(FoldRules.fold("F.fold", TensorShape.of(1, 12, 12),
        v(4, 5), v(2), v(1), v(0), v(1))));
    assertEquals("[3, 3, 3]", ok(FoldRules.fold("F.fold", TensorShape.of(12, 4), v(3),
        v(2), v(1), v(0), v(1))));
    ShapeMismatch l = fails(FoldRules.fold("F.fold", TensorShape.of(1, 12, 5), v(3), v(2),
        v(1), v(0), v(1)), MessageKeys.MISMATCH_ARGUMENT);
    assertEquals("[shape.mismatch.argument] F.fold: input [1, 12, 5] has 5 blocks (dim 2), but"
        + " outputSize [3, 3] holds 4 blocks of kernelSize [2, 2] (dilation [1, 1], padding"
        + " [0, 0], stride [1, 1])", l.render());
    fails(FoldRules.fold("F.fold", TensorShape.of(1, 10, 4), v(3), v(2), v(1), v(0), v(1)),
        MessageKeys.SPLIT_SIZE);
    fails(FoldRules.fold("F.fold", TensorShape.of(1, 2, 3, 4), v(3), v(2), v(1), v(0), v(1)),
        MessageKeys.RANK);
    fails(FoldRules.fold("F.fold", TensorShape.of(1, 4, 4), v(0), v(2), v(1), v(0), v(1)),
        MessageKeys.CONV_PARAMS);
    fails(FoldRules.fold("F.fold", TensorShape.of(1, 4, 4), v(1), v(2), v(1), v(0), v(1)),
        MessageKeys.CONV_SIZE);
  }

  @Test
  void instanceNorm_takesBatchedAndUnbatchedInputs() {
    assertEquals("[2, 3, 5]", ok(LayerRules.instanceNorm("InstanceNorm1d.forward", 1, s("3"),
        TensorShape.of(2, 3, 5))));
    assertEquals("[3, 5]", ok(LayerRules.instanceNorm("InstanceNorm1d.forward", 1, s("3"),
        TensorShape.of(3, 5))));
    assertEquals("[3, 4, 5, 6]", ok(LayerRules.instanceNorm("InstanceNorm3d.forward", 3,
        s("3"), TensorShape.of(3, 4, 5, 6))));
    ShapeMismatch c = fails(LayerRules.instanceNorm("InstanceNorm2d.forward", 2, s("3"),
        TensorShape.of(4, 5, 6)), MessageKeys.MISMATCH_NORM_CHANNELS);
    assertEquals(0, c.dim());
    fails(LayerRules.instanceNorm("InstanceNorm2d.forward", 2, s("3"),
        TensorShape.of(2, 4, 5, 6)), MessageKeys.MISMATCH_NORM_CHANNELS);
    fails(LayerRules.instanceNorm("InstanceNorm2d.forward", 2, s("3"), TensorShape.of(3, 5)),
        MessageKeys.RANK);
  }

  @Test
  void localResponseNorm_wantsThreeDimsAndAPositiveSize() {
    assertEquals("[2, 3, 4]", ok(LayerRules.localResponseNorm("F.localResponseNorm",
        TensorShape.of(2, 3, 4), DimExpr.of(2))));
    fails(LayerRules.localResponseNorm("F.localResponseNorm", TensorShape.of(2, 3),
        DimExpr.of(2)), MessageKeys.RANK);
    fails(LayerRules.localResponseNorm("F.localResponseNorm", TensorShape.of(2, 3, 4),
        DimExpr.of(0)), MessageKeys.MODULE_PARAMS);
  }
}
