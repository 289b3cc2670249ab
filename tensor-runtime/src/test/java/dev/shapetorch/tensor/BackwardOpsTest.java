package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The backward kernels in the {@link Torch} chain, by hand: {@code Torch.convolutionBackward}
 * ({@code torch.ops.aten.convolution_backward}), {@code Torch.maxPool2dWithIndices} ({@code
 * torch.max_pool2d_with_indices}) and {@code Torch.maxPool2dWithIndicesBackward}.
 */
class BackwardOpsTest {

  private static final long[] TWO = {2, 2};
  private static final long[] ZERO = {0, 0};
  private static final long[] ONE = {1, 1};

  /** One 4x4 plane whose 2x2 windows have their maxima at flat indices 1, 6, 12 and 15. */
  private static Tensor plane() {
    return Torch.fromArray(
        new double[] {1, 5, 2, 0, 3, 4, 8, 7, 9, 6, 10, 11, 15, 12, 13, 14}, 1, 1, 4, 4);
  }

  @Test
  void maxPool2dWithIndices_returnsTheMaximaAndWhereTheyWere() {
    try (var scope = TensorScope.open()) {
      ValuesAndIndices vi = Torch.maxPool2dWithIndices(plane(), TWO, TWO, ZERO, ONE, false);
      assertArrayEquals(new long[] {1, 1, 2, 2}, vi.values().shape());
      assertArrayEquals(new double[] {5, 8, 15, 14}, vi.values().toDoubleArray(), 0.0);
      assertArrayEquals(new long[] {1, 6, 12, 15}, vi.indices().toLongArray());
      ValuesAndIndices f = F.maxPool2dWithIndices(plane(), TWO, TWO, ZERO, ONE, false);
      assertArrayEquals(new long[] {1, 6, 12, 15}, f.indices().toLongArray());
    }
  }

  @Test
  void maxPool2dWithIndicesBackward_sendsEachGradientToItsMaximum() {
    try (var scope = TensorScope.open()) {
      Tensor x = plane();
      ValuesAndIndices vi = Torch.maxPool2dWithIndices(x, TWO, TWO, ZERO, ONE, false);
      Tensor g = Torch.fromArray(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
      Tensor dx =
          Torch.maxPool2dWithIndicesBackward(g, x, TWO, TWO, ZERO, ONE, false, vi.indices());
      assertArrayEquals(new long[] {1, 1, 4, 4}, dx.shape());
      assertArrayEquals(
          new double[] {0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 4},
          dx.toDoubleArray(),
          0.0);
    }
  }

  @Test
  void maxPool2dWithIndices_wrongRank_throwsShapeExceptionNamingTheOp() {
    try (var scope = TensorScope.open()) {
      Tensor flat = Torch.zeros(4, 4);
      ShapeException e = assertThrows(ShapeException.class,
          () -> Torch.maxPool2dWithIndices(flat, TWO, TWO, ZERO, ONE, false));
      assertTrue(e.getMessage().contains("] Torch.maxPool2dWithIndices: "), e.getMessage());
      ShapeException f = assertThrows(ShapeException.class,
          () -> F.maxPool2dWithIndices(flat, TWO, TWO, ZERO, ONE, false));
      assertTrue(f.getMessage().contains("] F.maxPool2dWithIndices: "), f.getMessage());
    }
  }

  @Test
  void maxPool2dWithIndicesBackward_gradientOfAnotherShape_throwsNamingBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor x = plane();
      ValuesAndIndices vi = Torch.maxPool2dWithIndices(x, TWO, TWO, ZERO, ONE, false);
      Tensor g = Torch.zeros(1, 1, 3, 3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Torch.maxPool2dWithIndicesBackward(g, x, TWO, TWO, ZERO, ONE, false,
              vi.indices()));
      assertEquals("Torch.maxPool2dWithIndicesBackward: gradOutput has shape [1, 1, 3, 3] but the"
          + " forward result has shape [1, 1, 2, 2]; pass the gradient of this op's own result",
          e.getMessage());
    }
  }

  @Test
  void convolutionBackward_oneByOneKernel_givesTheGradientsByHand() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.fromArray(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
      Tensor w = Torch.fromArray(new double[] {3}, 1, 1, 1, 1);
      Tensor g = Torch.fromArray(new double[] {1, -1, 2, 0.5}, 1, 1, 2, 2);
      Tensor[] grads = Torch.convolutionBackward(g, x, w, true, true, ONE, ZERO, ONE, 1);
      // dInput = w * g; dWeight = sum(x * g) = 1 - 2 + 6 + 2; dBias = sum(g).
      assertArrayEquals(new double[] {3, -3, 6, 1.5}, grads[0].toDoubleArray(), 0.0);
      assertArrayEquals(new long[] {1, 1, 1, 1}, grads[1].shape());
      assertArrayEquals(new double[] {7}, grads[1].toDoubleArray(), 0.0);
      assertArrayEquals(new double[] {2.5}, grads[2].toDoubleArray(), 0.0);
      Tensor[] weightOnly = Torch.convolutionBackward(g, x, w, false, false, ONE, ZERO, ONE, 1);
      assertNull(weightOnly[0]);
      assertArrayEquals(new double[] {7}, weightOnly[1].toDoubleArray(), 0.0);
      assertNull(weightOnly[2]);
    }
  }

  @Test
  void convolutionBackward_gradientOfAnotherShape_throwsNamingTheOp() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.zeros(1, 1, 2, 2);
      Tensor w = Torch.zeros(1, 1, 1, 1);
      Tensor g = Torch.zeros(1, 1, 3, 3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Torch.convolutionBackward(g, x, w, true, false, ONE, ZERO, ONE, 1));
      assertEquals("Torch.convolutionBackward: gradOutput has shape [1, 1, 3, 3] but the forward"
          + " result has shape [1, 1, 2, 2]; pass the gradient of this op's own result",
          e.getMessage());
    }
  }
}
