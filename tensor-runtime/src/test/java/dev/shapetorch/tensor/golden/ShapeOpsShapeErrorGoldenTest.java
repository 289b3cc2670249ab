package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shape ops' contracts: element counts, inferred sizes, dim ranges and orders, joins, splits, index
 * ranges and index tensors are checked before libtorch runs, and the message names the op and the
 * shapes.
 */
class ShapeOpsShapeErrorGoldenTest {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  private static Tensor t(long... shape) {
    return Torch.zeros(shape, DType.FLOAT64);
  }

  private static Tensor idx(long... values) {
    return Torch.fromArray(values, values.length);
  }

  @Test
  void reshape_otherElementCount_reportsNumelAndBothShapes() {
    Tensor a = t(2, 3, 4);
    assertShapeError(
        MessageKeys.RESHAPE_NUMEL, "reshape", () -> a.reshape(5, 5), shape(2, 3, 4), shape(5, 5));
  }

  @Test
  void view_minusOneThatDoesNotDivide_reportsNumel() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.RESHAPE_NUMEL, "view", () -> a.view(-1, 5), shape(2, 3, 4));
  }

  @Test
  void view_twoMinusOnes_reportsInfer() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.RESHAPE_INFER, "view", () -> a.view(-1, -1), shape(2, 3, 4));
  }

  @Test
  void reshape_sizeBelowMinusOne_reportsNegativeSize() {
    Tensor a = t(2, 3);
    assertShapeError(MessageKeys.SIZE_NEGATIVE, "reshape", () -> a.reshape(-2, -3), shape(2, 3));
  }

  @Test
  void flatten_startAfterEnd_reportsDimOrder() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.DIM_ORDER, "flatten", () -> a.flatten(2, 1), shape(2, 3, 4));
  }

  @Test
  void flatten_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.DIM_RANGE, "flatten", () -> a.flatten(0, 3), shape(2, 3, 4));
  }

  @Test
  void unflatten_sizesWithOtherProduct_reportsNumel() {
    Tensor a = t(2, 12);
    assertShapeError(
        MessageKeys.RESHAPE_NUMEL, "unflatten", () -> a.unflatten(1, 5, 2), shape(2, 12));
  }

  @Test
  void squeeze_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 1);
    assertShapeError(MessageKeys.DIM_RANGE, "squeeze", () -> a.squeeze(2), shape(2, 1));
  }

  @Test
  void unsqueeze_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 3);
    assertShapeError(MessageKeys.DIM_RANGE, "unsqueeze", () -> a.unsqueeze(3), shape(2, 3));
  }

  @Test
  void permute_repeatedDim_reportsDimOrder() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.DIM_ORDER, "permute", () -> a.permute(0, 0, 1), shape(2, 3, 4));
  }

  @Test
  void permute_tooFewDims_reportsRank() {
    Tensor a = t(2, 3, 4);
    assertShapeError(MessageKeys.RANK, "permute", () -> a.permute(1, 0), shape(2, 3, 4));
  }

  @Test
  void expand_sizeThatIsNotOne_reportsExpand() {
    Tensor a = t(3, 2);
    assertShapeError(MessageKeys.EXPAND, "expand", () -> a.expand(3, 4), shape(3, 2), shape(3, 4));
  }

  @Test
  void expand_fewerSizesThanDims_reportsExpand() {
    Tensor a = t(2, 1, 3);
    assertShapeError(MessageKeys.EXPAND, "expand", () -> a.expand(4, 3), shape(2, 1, 3));
  }

  @Test
  void repeat_fewerRepeatsThanDims_reportsRepeat() {
    Tensor a = t(2, 3);
    assertShapeError(MessageKeys.REPEAT, "repeat", () -> a.repeat(2), shape(2, 3));
  }

  @Test
  void cat_otherDimDiffers_reportsCatAndBothShapes() {
    Tensor a = t(2, 3);
    Tensor b = t(2, 4);
    assertShapeError(
        MessageKeys.MISMATCH_CAT,
        "cat",
        () -> Torch.cat(List.of(a, b), 0),
        shape(2, 3),
        shape(2, 4));
  }

  @Test
  void cat_ranksDiffer_reportsRank() {
    Tensor a = t(2, 3);
    Tensor b = t(3);
    assertShapeError(
        MessageKeys.RANK, "cat", () -> Torch.cat(List.of(a, b), 0), shape(2, 3), shape(3));
  }

  @Test
  void cat_noTensors_reportsJoinEmpty() {
    GoldenGaps.skipIfKnownGap("ShapeOpsShapeErrorGoldenTest#cat_noTensors");
    assertShapeError(MessageKeys.JOIN_EMPTY, "cat", () -> Torch.cat(List.of(), 0));
  }

  @Test
  void cat_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 3);
    assertShapeError(MessageKeys.DIM_RANGE, "cat", () -> Torch.cat(List.of(a, a), 2), shape(2, 3));
  }

  @Test
  void stack_shapesDiffer_reportsStackAndBothShapes() {
    Tensor a = t(2, 3);
    Tensor b = t(3, 2);
    assertShapeError(
        MessageKeys.MISMATCH_STACK,
        "stack",
        () -> Torch.stack(List.of(a, b), 0),
        shape(2, 3),
        shape(3, 2));
  }

  @Test
  void stack_noTensors_reportsJoinEmpty() {
    GoldenGaps.skipIfKnownGap("ShapeOpsShapeErrorGoldenTest#cat_noTensors");
    assertShapeError(MessageKeys.JOIN_EMPTY, "stack", () -> Torch.stack(List.of(), 0));
  }

  @Test
  void split_sizeZero_reportsSplitSize() {
    Tensor a = t(4, 2);
    assertShapeError(MessageKeys.SPLIT_SIZE, "split", () -> a.split(0, 0), shape(4, 2));
  }

  @Test
  void chunk_zeroChunks_reportsSplitSize() {
    Tensor a = t(4, 2);
    assertShapeError(MessageKeys.SPLIT_SIZE, "chunk", () -> a.chunk(0, 0), shape(4, 2));
  }

  @Test
  void narrow_rangePastTheEnd_reportsIndexRange() {
    Tensor a = t(2, 5);
    assertShapeError(MessageKeys.INDEX_RANGE, "narrow", () -> a.narrow(1, 3, 3), shape(2, 5));
  }

  @Test
  void select_indexOutOfRange_reportsIndexRange() {
    Tensor a = t(2, 5);
    assertShapeError(MessageKeys.INDEX_RANGE, "select", () -> a.select(0, 2), shape(2, 5));
  }

  @Test
  void select_dimOutOfRange_reportsDimRange() {
    Tensor a = t(2, 5);
    assertShapeError(MessageKeys.DIM_RANGE, "select", () -> a.select(2, 0), shape(2, 5));
  }

  @Test
  void indexSelect_matrixIndex_reportsIndexMismatchNamingTheIndex() {
    Tensor a = t(3, 4);
    Tensor index = Torch.fromArray(new long[] {0, 1, 2, 0}, 2, 2);
    assertShapeError(
        MessageKeys.MISMATCH_INDEX, "indexSelect", () -> a.indexSelect(1, index), shape(2, 2));
  }

  @Test
  void gather_indexOfOtherRank_reportsIndexMismatch() {
    Tensor a = t(3, 4);
    Tensor index = idx(0, 1);
    assertShapeError(
        MessageKeys.MISMATCH_INDEX, "gather", () -> a.gather(1, index), shape(3, 4), shape(2));
  }

  @Test
  void gather_indexLargerInAnotherDim_reportsIndexMismatch() {
    Tensor a = t(3, 4);
    Tensor index = Torch.zeros(new long[] {4, 2}, DType.INT64);
    assertShapeError(
        MessageKeys.MISMATCH_INDEX, "gather", () -> a.gather(1, index), shape(3, 4), shape(4, 2));
  }

  @Test
  void scatter_srcSmallerThanIndex_reportsIndexMismatch() {
    Tensor a = t(3, 4);
    Tensor index = Torch.zeros(new long[] {2, 3}, DType.INT64);
    Tensor src = t(2, 2);
    assertShapeError(
        MessageKeys.MISMATCH_INDEX,
        "scatter",
        () -> a.scatter(1, index, src),
        shape(2, 3),
        shape(2, 2));
  }
}
