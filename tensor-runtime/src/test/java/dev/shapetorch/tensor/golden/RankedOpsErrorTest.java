package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Generator;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The errors of the ops of issue 13's ranked list: shapes their rules refuse are a {@link
 * dev.shapetorch.tensor.ShapeException} naming the op and the shape, before libtorch runs;
 * values they refuse (negative counts, probabilities outside [0, 1], absurd sizes) an {@link
 * IllegalArgumentException} naming the op and what to do, never a crash in libtorch.
 */
class RankedOpsErrorTest {

  private static Tensor matrix() {
    return Torch.ones(new long[] {2, 3}, DType.FLOAT64);
  }

  /** Asserts an {@link IllegalArgumentException} whose message names the op and every part. */
  private static void assertRefused(String op, Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
        op + " should refuse the arguments");
    assertTrue(e.getMessage().contains(op), () -> "message should name " + op + ": "
        + e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "message should name " + part + ": "
          + e.getMessage());
    }
  }

  @Test
  void unbind_dimOutOfRangeOrZeroDim_isAShapeError() {
    try (var scope = TensorScope.open()) {
      Tensor x = matrix();
      assertShapeError(MessageKeys.DIM_RANGE, "unbind", () -> x.unbind(2), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "unbind", () -> Torch.unbind(x, -3), shape(2, 3));
      Tensor scalar = Torch.tensor(1.5).reshape();
      assertShapeError(MessageKeys.RANK, "unbind", () -> scalar.unbind(0), shape());
    }
  }

  @Test
  void sortMedianMode_dimOutOfRange_isAShapeError() {
    try (var scope = TensorScope.open()) {
      Tensor x = matrix();
      assertShapeError(MessageKeys.DIM_RANGE, "sort", () -> x.sort(2, false, true), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "median", () -> x.median(-3, false), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "mode", () -> Torch.mode(x, 5, true), shape(2, 3));
    }
  }

  @Test
  void unfold_windowLongerThanTheDimOrNoStep_isAShapeError() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.zeros(new long[] {2, 7}, DType.FLOAT32);
      assertShapeError(MessageKeys.INDEX_RANGE, "unfold", () -> x.unfold(1, 8, 1), shape(2, 7));
      assertShapeError(MessageKeys.SIZE_NEGATIVE, "unfold", () -> x.unfold(1, 2, 0), shape(2, 7));
      assertShapeError(MessageKeys.SIZE_NEGATIVE, "unfold", () -> x.unfold(0, -1, 1),
          shape(2, 7));
      assertShapeError(MessageKeys.DIM_RANGE, "unfold", () -> x.unfold(2, 1, 1), shape(2, 7));
    }
  }

  @Test
  void repeatInterleave_negativeCountsOrBadDims_areRefused() {
    try (var scope = TensorScope.open()) {
      Tensor x = matrix();
      assertShapeError(MessageKeys.SIZE_NEGATIVE, "repeatInterleave",
          () -> x.repeatInterleave(-1, 0), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "repeatInterleave",
          () -> Torch.repeatInterleave(x, 2, 2), shape(2, 3));
      assertRefused("repeatInterleave", () -> x.repeatInterleave(Torch.tensor(1L, 2L), 1),
          "[2, 3]", "1 or 3 counts");
      assertRefused("repeatInterleave", () -> x.repeatInterleave(Torch.tensor(1L, -2L, 1L), 1),
          "negative count -2");
      assertRefused("repeatInterleave",
          () -> x.repeatInterleave(Torch.tensor(1L << 50, 1L, 1L), 1), "memory");
      assertRefused("repeatInterleave", () -> x.repeatInterleave(1L << 50, 1),
          "memory");
    }
  }

  @Test
  void bincount_negativeValuesOtherDtypesOrRanks_areRefusedBeforeLibtorch() {
    try (var scope = TensorScope.open()) {
      assertRefused("bincount", () -> Torch.bincount(Torch.tensor(1L, -3L, 2L)),
          "negative value -3");
      assertRefused("bincount", () -> Torch.bincount(Torch.tensor(1.0, 2.0)), "int64");
      assertRefused("bincount", () -> Torch.tensor(1L).bincount(-1), "minlength");
      assertRefused("bincount", () -> Torch.bincount(Torch.tensor(1L, 1L << 50)),
          "memory");
      assertRefused("bincount",
          () -> Torch.bincount(Torch.tensor(0L, 1L), Torch.tensor(1L, 2L), 0), "floating");
      Tensor grid = Torch.zeros(new long[] {2, 3}, DType.INT64);
      assertShapeError(MessageKeys.RANK, "bincount", () -> grid.bincount(), shape(2, 3));
      assertShapeError(MessageKeys.MISMATCH_ARGUMENT, "bincount",
          () -> Torch.bincount(Torch.tensor(0L, 1L), Torch.tensor(1.0, 2.0, 3.0), 0),
          shape(3));
    }
  }

  @Test
  void unique_dimOutOfRangeOrZeroDim_isRefused() {
    try (var scope = TensorScope.open()) {
      Tensor x = matrix();
      assertShapeError(MessageKeys.DIM_RANGE, "unique", () -> x.unique(true, true, true, 2),
          shape(2, 3));
      assertRefused("unique", () -> Torch.tensor(2.0).reshape().unique(true, false, false, 0),
          "0-d", "without a dim");
    }
  }

  @Test
  void inPlaceComparison_otherThatDoesNotBroadcastToSelf_isAShapeError() {
    try (var scope = TensorScope.open()) {
      Tensor x = matrix();
      Tensor wide = Torch.ones(new long[] {4, 2, 3}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST_INPLACE, "gt_", () -> x.gt_(wide), shape(2, 3),
          shape(4, 2, 3));
      assertShapeError(MessageKeys.BROADCAST, "ne_",
          () -> x.ne_(Torch.ones(new long[] {2}, DType.FLOAT64)), shape(2, 3), shape(2));
    }
  }

  @Test
  void conjugateTransposeOfABatch_isAShapeErrorForHOnly() {
    try (var scope = TensorScope.open()) {
      Tensor batch = Torch.zeros(new long[] {4, 2, 3}, DType.FLOAT64);
      assertShapeError(MessageKeys.RANK, "H", () -> batch.H(), shape(4, 2, 3));
      assertShapeError(MessageKeys.RANK, "mH", () -> Torch.zeros(new long[] {3}, DType.FLOAT64)
          .mH(), shape(3));
    }
  }

  @Test
  void randomOps_argumentsOutsideTheirRange_areRefused() {
    try (var scope = TensorScope.open()) {
      assertRefused("randperm", () -> Torch.randperm(-1), "n must be >= 0, got -1");
      assertRefused("randperm", () -> Torch.randperm(1L << 50), "memory");
      assertRefused("randperm", () -> Torch.randperm(Long.MAX_VALUE), "64-bit");
      assertThrows(IllegalArgumentException.class, () -> Torch.randperm(3, null));
      Tensor p = Torch.tensor(0.5, 1.5);
      assertRefused("bernoulli", () -> Torch.bernoulli(p), "[0, 1]");
      assertRefused("bernoulli", () -> Torch.tensor(0.5, Double.NaN).bernoulli(), "NaN");
      assertRefused("bernoulli", () -> Torch.bernoulli(Torch.tensor(0L, 1L)), "floating");
      assertRefused("bernoulli", () -> Torch.bernoulli(matrix(), -0.1), "-0.1");
      assertRefused("bernoulli_", () -> matrix().bernoulli_(1.5), "1.5");
      assertRefused("bernoulli_", () -> matrix().bernoulli_(Double.NaN, Generator.seeded(1)),
          "NaN");
      assertRefused("random_", () -> matrix().random_(5, 5), "from = 5, to = 5");
      assertRefused("random_", () -> Torch.zeros(new long[] {2}, DType.BOOL).random_(0, 3),
          "bool");
    }
  }
}
