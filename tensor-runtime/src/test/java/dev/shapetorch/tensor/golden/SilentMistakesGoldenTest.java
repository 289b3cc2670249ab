package dev.shapetorch.tensor.golden;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.LstmOutput;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
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
 * "only the checker catches this".
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
    var e =
        assertShapeError(
            MessageKeys.MISMATCH_LOSS_SAME,
            "backward",
            () -> y.backward(gradient),
            shape(4, 1),
            shape(4));
    assertEquals(MessageKeys.MISMATCH_LOSS_SAME, e.key());
  }

  @Test
  void columnAgainstVector_mseLoss_rejectsWithLossKeyNamingBothShapes() {
    assertShapeError(
        MessageKeys.MISMATCH_LOSS_SAME,
        "mseLoss",
        () -> Torch.mseLoss(column(), vector(), Reduction.MEAN),
        shape(4, 1),
        shape(4));
    assertEquals(0.0, Torch.mseLoss(column().squeeze(1), vector(), Reduction.MEAN).item(), 0.0);
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
  void lstmFedBatchFirstData_runsWithTheBatchTakenAsTime() {
    GoldenGaps.skipIfKnownGap("SilentMistakesGoldenTest#lstm");
    // [N=4, L=5, In=3] meant batch-first, given to a sequence-first LSTM without h0: the shapes
    // fit either way, so it runs, reading 4 time steps of a batch of 5. Only the final state's
    // batch size shows it.
    Tensor batchFirstData = Torch.zeros(new long[] {4, 5, 3}, DType.FLOAT32);
    LstmOutput seqFirst = new LSTM(3, 2).forwardWithState(batchFirstData, null, null);
    assertArrayEquals(new long[] {4, 5, 2}, seqFirst.output().shape());
    assertArrayEquals(new long[] {1, 5, 2}, seqFirst.hN().shape());
    LstmOutput meant = LSTM.batchFirst(3, 2, 1).forwardWithState(batchFirstData, null, null);
    assertArrayEquals(new long[] {4, 5, 2}, meant.output().shape());
    assertArrayEquals(new long[] {1, 4, 2}, meant.hN().shape());
  }

  @Test
  void conv2dOnThreeDims_isTakenAsOneUnbatchedImage() {
    // [C=2, H=4, W=4] with a [Cout=3, Cin=2, 3, 3] kernel: one image, no batch dim in the result.
    Tensor image = Torch.ones(new long[] {2, 4, 4}, DType.FLOAT64);
    Tensor weight = Torch.ones(new long[] {3, 2, 3, 3}, DType.FLOAT64);
    Tensor out = conv(image, weight);
    assertArrayEquals(new long[] {3, 2, 2}, out.shape());
    assertEquals(18.0, out.max().item(), 0.0);
    assertEquals(18.0, out.min().item(), 0.0);
  }

  @Test
  void conv2dOnThreeDims_batchOfGrayImagesMeant_rejectsWithChannelKey() {
    // [5, 4, 4] meant as 5 single-channel images: read as 5 channels, against a 1-channel kernel.
    Tensor grays = Torch.ones(new long[] {5, 4, 4}, DType.FLOAT64);
    Tensor weight = Torch.ones(new long[] {3, 1, 3, 3}, DType.FLOAT64);
    assertShapeError(
        MessageKeys.MISMATCH_CONV_CHANNELS,
        "conv2d",
        () -> conv(grays, weight),
        shape(5, 4, 4),
        shape(3, 1, 3, 3));
    assertArrayEquals(new long[] {5, 3, 2, 2}, conv(grays.unsqueeze(1), weight).shape());
  }

  private static Tensor conv(Tensor input, Tensor weight) {
    long[] one = {1, 1};
    return Torch.conv2d(input, weight, null, one, new long[] {0, 0}, one, 1);
  }

  @Test
  void argmaxOverSizeOneAxis_isRefusedLikeAtCompileTime() {
    // PyTorch answers 0 for every row; ShapeTorch's ARG_REDUCE_DIM rule (the checker's too)
    // refuses it, naming the shape and the size-1 dim.
    Tensor scores = Torch.fromArray(new double[] {0.3, -2.0, 5.0}, 3, 1);
    ShapeException e = assertThrows(ShapeException.class, () -> scores.argmax(1));
    assertThat(e).hasMessageThat().startsWith("[" + MessageKeys.REDUCE_TRIVIAL + "] Tensor.argmax");
    assertThat(e).hasMessageThat().contains("[3, 1]");
    ShapeException min = assertThrows(ShapeException.class, () -> Torch.argmin(scores, 1, true));
    assertThat(min).hasMessageThat().startsWith("[" + MessageKeys.REDUCE_TRIVIAL + "] Torch.argmin");
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
