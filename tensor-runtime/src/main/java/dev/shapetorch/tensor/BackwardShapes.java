package dev.shapetorch.tensor;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.rules.ConvRules;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a backward kernel checks beyond its contract: that the gradient it is given (and the
 * indices of a max pooling) has the shape of its forward op's result. The contract's guard has
 * already run the forward op's rule on the same arguments; here the algebra computes that
 * result's shape for the comparison, which a {@code @ShapeRule} or {@code @Shape} cannot state.
 */
final class BackwardShapes {
  private BackwardShapes() {}

  /** The result shape of {@code Torch.conv2d} with these arguments. */
  static TensorShape conv2d(String op, Tensor input, Tensor weight, long[] stride,
      long[] padding, long[] dilation, long groups) {
    return Guard.require(ConvRules.conv2d(op, input.shapeOf(), weight.shapeOf(), dims(stride),
        dims(padding), dims(dilation), DimExpr.of(groups)));
  }

  /** The result shape of {@code Torch.maxPool2dWithIndices} with these arguments. */
  static TensorShape maxPool2d(String op, Tensor input, long[] kernelSize, long[] stride,
      long[] padding, long[] dilation, boolean ceilMode) {
    return Guard.require(ConvRules.pool(op, 2, input.shapeOf(), dims(kernelSize), dims(stride),
        dims(padding), dims(dilation), ceilMode));
  }

  /**
   * Requires {@code t} (named {@code name}) to have the forward result's shape.
   *
   * @throws IllegalArgumentException naming the op, the argument and both shapes otherwise
   */
  static void require(String op, String name, Tensor t, TensorShape expected) {
    if (t == null) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " is null");
    }
    if (!expected.equals(t.shapeOf())) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " has shape "
          + Arrays.toString(t.shape()) + " but the forward result has shape " + expected
          + "; pass the gradient of this op's own result");
    }
  }

  private static List<DimExpr> dims(long[] values) {
    List<DimExpr> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(DimExpr.of(v));
    }
    return out;
  }
}
