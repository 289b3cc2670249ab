package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shape mistakes that libtorch accepts silently (DESIGN.md), at run time: where a runtime op
 * carries the rule that catches one, it throws; where the call is legal PyTorch, the runtime does
 * what PyTorch does, and these tests pin that behaviour down so that the documentation can say
 * "only the checker catches this". (LSTM fed batch-first data and conv2d's unbatched 3-D input
 * need ops the runtime does not have yet.)
 */
class SilentMistakesGoldenTest {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  /** A prediction column {@code [[1], [2], [3], [4]]} and a target vector {@code [1, 2, 3, 4]}. */
  private static Tensor column() {
    return Torch.fromArray(new double[] {1, 2, 3, 4}, 4, 1);
  }

  private static Tensor vector() {
    return Torch.fromArray(new double[] {1, 2, 3, 4}, 4);
  }

  @Test
  void columnAgainstVector_sameShapeRule_rejectsWithLossKeyNamingBothShapes() {
    // backward(gradient) is the runtime op that carries SAME_SHAPE today; losses will share it.
    Tensor prediction = column().requiresGrad_(true);
    Tensor y = prediction.mul(2.0);
    Tensor gradient = vector();
    var e = assertShapeError(
        MessageKeys.MISMATCH_LOSS_SAME, "backward", () -> y.backward(gradient), shape(4, 1), shape(4));
    assertEquals(MessageKeys.MISMATCH_LOSS_SAME, e.key());
  }

  @Test
  void columnAgainstVector_handWrittenMse_broadcastsToAllPairsWithoutError() {
    // The same data is a perfect fit (MSE 0), but (N,1) - (N) broadcasts to (N,N) and averages
    // every prediction against every target: sum over i,j of (i - j)^2 / 16 = 40 / 16.
    Tensor diff = column().sub(vector());
    assertArrayEquals(new long[] {4, 4}, diff.shape());
    assertEquals(2.5, diff.pow(2.0).mean().item(), 0.0);
    assertEquals(0.0, column().squeeze(1).sub(vector()).pow(2.0).mean().item(), 0.0);
  }

  @Test
  void argmaxOverSizeOneAxis_isLegalAndAlwaysZero() {
    Tensor scores = Torch.fromArray(new double[] {0.3, -2.0, 5.0}, 3, 1);
    Tensor picked = scores.argmax(1);
    assertArrayEquals(new long[] {3}, picked.shape());
    assertArrayEquals(new long[] {0, 0, 0}, picked.toLongArray());
    // What was meant: the argmax over the 3 scores.
    assertEquals(2, scores.argmax(0, false).toLongArray()[0]);
  }

  @Test
  void matmulWithVectorWhereColumnMeant_givesVectorAndBiasBroadcastsToSquare() {
    Tensor w = Torch.fromArray(new double[] {1, 0, 2, -1, 3, 1}, 2, 3);
    Tensor v = Torch.fromArray(new double[] {1, 2, 3}, 3);
    Tensor bias = Torch.fromArray(new double[] {10, 20}, 2, 1);
    Tensor y = w.matmul(v);
    assertArrayEquals(new long[] {2}, y.shape());
    assertArrayEquals(new double[] {7, 8}, y.toDoubleArray(), 0.0);
    Tensor wrong = y.add(bias);
    assertArrayEquals(new long[] {2, 2}, wrong.shape());
    assertArrayEquals(new double[] {17, 18, 27, 28}, wrong.toDoubleArray(), 0.0);
    // With the column that was meant: [2, 3] x [3, 1] = [2, 1], and the bias adds row-wise.
    Tensor right = w.matmul(v.unsqueeze(1)).add(bias);
    assertArrayEquals(new long[] {2, 1}, right.shape());
    assertArrayEquals(new double[] {17, 28}, right.toDoubleArray(), 0.0);
  }
}
