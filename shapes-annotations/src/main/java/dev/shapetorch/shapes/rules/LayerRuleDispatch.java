package dev.shapetorch.shapes.rules;

import java.util.List;

/** {@link RuleDispatch} continued: indexing, convolution, losses, layers, factories. */
final class LayerRuleDispatch {
  private LayerRuleDispatch() {}

  static ShapeResult<TensorShape> run(RuleArgs a) {
    String op = a.op;
    switch (a.rule) {
      case ALONG_DIM: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        return d == null ? ShapeResult.ok(in) : IndexRules.alongDim(op, in, d);
      }
      case SELECT: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        DimExpr index = a.integer(2);
        return d == null ? unknown(in, in.rank() - 1) : IndexRules.select(op, in, d, index);
      }
      case NARROW: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        DimExpr start = a.integer(2);
        DimExpr length = a.integer(3);
        return d == null ? unknown(in, in.rank()) : IndexRules.narrow(op, in, d, start, length);
      }
      case INDEX_SELECT:
      case GATHER: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        TensorShape index = a.tensor(2);
        if (d == null) {
          return a.rule == Rule.GATHER ? ShapeResult.ok(index) : unknown(in, in.rank());
        }
        return a.rule == Rule.GATHER ? IndexRules.gather(op, in, d, index)
            : IndexRules.indexSelect(op, in, d, index);
      }
      case SCATTER: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        TensorShape index = a.tensor(2);
        TensorShape src = a.optionalTensor(3);
        return d == null ? ShapeResult.ok(in) : IndexRules.scatter(op, in, d, index, src);
      }
      case CONV1D:
      case CONV2D:
        return ConvRules.conv(op, a.rule == Rule.CONV1D ? 1 : 2, a.tensor(0), a.tensor(1),
            a.ints(2), a.ints(3), a.ints(4), a.integer(5));
      case CONV1D_SAME:
      case CONV2D_SAME:
        return ConvRules.convSame(op, a.rule == Rule.CONV1D_SAME ? 1 : 2, a.tensor(0),
            a.tensor(1), a.ints(2), a.ints(3), a.integer(4));
      case CONV1D_VALID:
      case CONV2D_VALID:
        return ConvRules.convValid(op, a.rule == Rule.CONV1D_VALID ? 1 : 2, a.tensor(0),
            a.tensor(1), a.ints(2), a.ints(3), a.integer(4));
      case CONV_TRANSPOSE1D:
      case CONV_TRANSPOSE2D:
        return ConvTransposeRules.convTranspose(op, a.rule == Rule.CONV_TRANSPOSE1D ? 1 : 2,
            a.tensor(0), a.tensor(1), a.ints(2), a.ints(3), a.ints(4), a.integer(5), a.ints(6));
      case CONV_TRANSPOSE1D_MODULE:
      case CONV_TRANSPOSE2D_MODULE:
        return ConvTransposeRules.convTransposeModule(op,
            a.rule == Rule.CONV_TRANSPOSE1D_MODULE ? 1 : 2, a.tensor(0), a.tensor(1));
      case CONV1D_MODULE:
      case CONV2D_MODULE:
        return ConvRules.convModule(op, a.rule == Rule.CONV1D_MODULE ? 1 : 2, a.tensor(0),
            a.tensor(1));
      case POOL1D:
      case POOL2D: {
        int spatial = a.rule == Rule.POOL1D ? 1 : 2;
        Boolean ceil = a.bool(5);
        TensorShape in = a.tensor(0);
        if (ceil == null) {
          ShapeResult<TensorShape> floor = ConvRules.pool(op, spatial, in, a.ints(1), a.ints(2),
              a.ints(3), a.ints(4), false);
          return floor.isOk() ? ShapeResult.ok(blurSpatial(floor.value(), spatial)) : floor;
        }
        return ConvRules.pool(op, spatial, in, a.ints(1), a.ints(2), a.ints(3), a.ints(4), ceil);
      }
      case ADAPTIVE_POOL1D:
      case ADAPTIVE_POOL2D:
        return ConvRules.adaptivePool(op, a.rule == Rule.ADAPTIVE_POOL1D ? 1 : 2, a.tensor(0),
            a.ints(1));
      case CLASS_INDEX_LOSS:
        return LossRules.classIndexLoss(op, a.tensor(0), a.tensor(1));
      case CLASS_INDEX_LOSS_UNREDUCED:
        return LossRules.classIndexLossUnreduced(op, a.tensor(0), a.tensor(1));
      case SAME_SHAPE:
        return LossRules.sameShapeLoss(op, a.tensor(0), a.tensor(1));
      case SAME_SHAPE_UNREDUCED:
        return LossRules.sameShape(op, a.tensor(0), a.tensor(1));
      case CLASS_INDEX_LOSS_REDUCTION:
        return LossRules.classIndexLoss(op, a.tensor(0), a.tensor(1), a.enumConstant(2));
      case SAME_SHAPE_REDUCTION:
        return LossRules.sameShapeLoss(op, a.tensor(0), a.tensor(1), a.enumConstant(2));
      case RECURRENT:
        return LayerRules.recurrent(op, a.tensor(0), a.tensor(1));
      case RECURRENT_HIDDEN:
        return LayerRules.recurrentHidden(op, a.tensor(0), a.tensor(1), a.optionalTensor(2));
      case EMBEDDING:
        return LayerRules.embedding(op, a.tensor(0), a.tensor(1));
      case NORM_CHANNELS:
        return LayerRules.normChannels(op, a.tensor(0), a.tensor(1));
      case LAYER_NORM: {
        List<DimExpr> shape = a.ints(1);
        TensorShape in = a.tensor(0);
        return shape == null ? ShapeResult.ok(in) : LayerRules.layerNorm(op, in, shape);
      }
      case INTERPOLATE:
      case INTERPOLATE_SCALE: {
        TensorShape in = a.tensor(0);
        List<DimExpr> v = a.ints(1);
        if (v == null) {
          return unknown(in, in.rank());
        }
        return a.rule == Rule.INTERPOLATE ? SpatialRules.interpolate(op, in, v)
            : SpatialRules.interpolateScale(op, in, v);
      }
      case PAD: {
        TensorShape in = a.tensor(0);
        List<DimExpr> pads = a.ints(1);
        return pads == null ? unknown(in, in.rank()) : SpatialRules.pad(op, in, pads);
      }
      case ONE_HOT:
        return FactoryRules.oneHot(op, a.tensor(0), a.integer(1));
      case SIZES: {
        List<DimExpr> sizes = a.ints(0);
        return sizes == null ? ShapeResult.ok(TensorShape.unknownRank())
            : FactoryRules.sizes(op, sizes);
      }
      default:
        throw new AssertionError("rule without dispatch: " + a.rule);
    }
  }

  private static ShapeResult<TensorShape> unknown(TensorShape like, int rank) {
    return ShapeResult.ok(RuleSupport.unknownDims(like, Math.max(rank, 0)));
  }

  /** Unknown ceilMode: the floor result's spatial sizes may be one larger, so they are unknown. */
  private static TensorShape blurSpatial(TensorShape s, int spatial) {
    List<DimExpr> out = RuleSupport.dimsCopy(s);
    for (int i = out.size() - spatial; i < out.size(); i++) {
      if (i >= 0) {
        out.set(i, DimExpr.UNKNOWN);
      }
    }
    return TensorShape.of(s.variadic(), out);
  }
}
