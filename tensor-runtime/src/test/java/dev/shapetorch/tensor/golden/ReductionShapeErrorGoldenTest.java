package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reductions and along-a-dim ops (softmax, logSoftmax) reject a dim outside the tensor's rank with
 * {@code [shape.dim.range]}, naming the op and the shape, before libtorch runs.
 */
class ReductionShapeErrorGoldenTest {

  private TensorScope scope;
  private Tensor x;

  @BeforeEach
  void setUp() {
    scope = TensorScope.open();
    x = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void sum_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "sum", () -> x.sum(2, false), shape(2, 3));
  }

  @Test
  void sum_negativeDimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "sum", () -> x.sum(-3, true), shape(2, 3));
  }

  @Test
  void sum_repeatedDims_reportsDimOrder() {
    assertShapeError(
        MessageKeys.DIM_ORDER, "sum", () -> x.sum(new int[] {1, -1}, false), shape(2, 3));
  }

  @Test
  void mean_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "mean", () -> x.mean(5, false), shape(2, 3));
  }

  @Test
  void prod_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "prod", () -> x.prod(2, false), shape(2, 3));
  }

  @Test
  void max_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "max", () -> x.max(2, false), shape(2, 3));
  }

  @Test
  void min_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "min", () -> x.min(-3, false), shape(2, 3));
  }

  @Test
  void argmax_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "argmax", () -> x.argmax(2, false), shape(2, 3));
  }

  @Test
  void argmin_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "argmin", () -> x.argmin(2, true), shape(2, 3));
  }

  @Test
  void std_dimOutOfRange_reportsDimRange() {
    assertShapeError(
        MessageKeys.DIM_RANGE, "std", () -> x.std(new int[] {2}, 1, false), shape(2, 3));
  }

  @Test
  void var_dimOutOfRange_reportsDimRange() {
    assertShapeError(
        MessageKeys.DIM_RANGE, "var", () -> x.var(new int[] {2}, 1, false), shape(2, 3));
  }

  @Test
  void norm_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "norm", () -> x.norm(2.0, 2, false), shape(2, 3));
  }

  @Test
  void logsumexp_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "logsumexp", () -> x.logsumexp(2, false), shape(2, 3));
  }

  @Test
  void softmax_dimOutOfRange_reportsDimRange() {
    assertShapeError(MessageKeys.DIM_RANGE, "softmax", () -> x.softmax(2), shape(2, 3));
  }

  @Test
  void logSoftmax_dimOutOfRange_reportsDimRange() {
    assertShapeError(
        MessageKeys.DIM_RANGE, "logSoftmax", () -> Torch.logSoftmax(x, -3), shape(2, 3));
  }
}
