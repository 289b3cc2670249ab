package dev.shapetorch.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Shape mistakes fail before libtorch runs, with a message that starts with the checker's
 * {@code [key]} and names the function or layer called and the shapes involved.
 */
class ShapeErrorTest {

  private static ShapeException fails(Executable call, String prefix) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    return e;
  }

  @Test
  void mseLoss_columnAgainstVector_isAnError_notABroadcast() {
    var column = Torch.zeros(8, 1);
    var vector = Torch.zeros(8);
    fails(() -> F.mseLoss(column, vector), "[shape.mismatch.loss.same] F.mseLoss: ");
    fails(() -> F.mseLoss(column, vector, Reduction.NONE),
        "[shape.mismatch.loss.same] F.mseLoss: ");
    fails(() -> F.l1Loss(column, vector), "[shape.mismatch.loss.same] F.l1Loss: ");
    fails(() -> F.binaryCrossEntropyWithLogits(column, vector),
        "[shape.mismatch.loss.same] F.binaryCrossEntropyWithLogits: ");
    ShapeException e = fails(() -> new MSELoss().forward(column, vector),
        "[shape.mismatch.loss.same] MSELoss.forward: ");
    assertTrue(e.getMessage().contains("[8, 1]") && e.getMessage().contains("[8]"),
        e.getMessage());
  }

  @Test
  void crossEntropy_targetOfTheWrongBatchSize() {
    ShapeException e = fails(() -> F.crossEntropy(Torch.zeros(4, 10),
        Torch.zeros(new long[] {5}, DType.INT64)), "[shape.mismatch.loss.target] F.crossEntropy: ");
    assertTrue(e.getMessage().contains("[4, 10]") && e.getMessage().contains("[5]"),
        e.getMessage());
    fails(() -> F.nllLoss(Torch.zeros(4, 10), Torch.zeros(new long[] {4, 1}, DType.INT64)),
        "[shape.mismatch.loss.target] F.nllLoss: ");
  }

  @Test
  void crossEntropy_floatClassIndices_areNeitherIndicesNorProbabilities() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> F.crossEntropy(Torch.zeros(4, 10), Torch.zeros(4)));
    // the dtype contract's text, as the checker reports it (DTypesRejected)
    assertEquals("[shape.dtype.contract] F.crossEntropy: target holds class indices and must be"
        + " integral, got float32 [4]; convert it with target.to(DType.INT64) (class"
        + " probabilities need the input's shape [4, 10])", e.getMessage());
  }

  @Test
  void convTranspose2d_channelsOutputPaddingAndSize_failWithTheRulesKeys() {
    long[] one = {1, 1};
    long[] two = {2, 2};
    var weight = Torch.zeros(3, 2, 3, 3);
    ShapeException e = fails(() -> F.convTranspose2d(Torch.zeros(1, 4, 5, 5), weight, null, two,
        one, one, 1, one), "[shape.mismatch.conv.channels] F.convTranspose2d: input [1, 4, 5, 5]"
            + " has 4 channels (dim 1), but weight [3, 2, 3, 3] expects 3");
    assertTrue(e.getMessage().contains("in-channels first"), e.getMessage());
    fails(() -> F.convTranspose2d(Torch.zeros(1, 3, 5, 5), weight, null, two, one, two, 1, one),
        "[shape.conv.params] F.convTranspose2d: output padding must be >= 0 and smaller than"
            + " either the stride or the dilation");
    fails(() -> Torch.convTranspose2d(Torch.zeros(1, 3, 1, 1), weight, null, one, two,
        new long[] {0, 0}, 1, one), "[shape.conv.size] Torch.convTranspose2d: output too small");
    RuntimeException bias = assertThrows(RuntimeException.class, () -> Torch.convTranspose2d(
        Torch.zeros(1, 3, 5, 5), weight, Torch.zeros(5), two, one, one, 1, one));
    assertTrue(bias.getMessage().contains("Torch.convTranspose2d"), bias.getMessage());
  }

  @Test
  void linear_wrongInFeatures_namesTheLayerAndBothShapes() {
    Linear fc = new Linear(784, 128);
    ShapeException e = fails(() -> fc.forward(Torch.zeros(64, 785)),
        "[shape.mismatch.argument] Linear.forward: ");
    assertTrue(e.getMessage().contains("785"), e.getMessage());
    fails(() -> F.linear(Torch.zeros(64, 785), Torch.zeros(128, 784)),
        "[shape.mismatch.linear] F.linear: ");
  }

  @Test
  void conv2d_unbatchedImage_isARankError_forTheLayer_butFineForF() {
    Conv2d conv = new Conv2d(3, 8, 3);
    fails(() -> conv.forward(Torch.zeros(3, 32, 32)), "[shape.rank] Conv2d.forward: input"
        + " [3, 32, 32] is 3-D, required [N, Cin, H, W] (rank 4)");
    assertEquals(3, F.conv2d(Torch.zeros(3, 8, 8), conv.weight().get(), null).dim());
    fails(() -> conv.forward(Torch.zeros(1, 4, 32, 32)),
        "[shape.mismatch.conv.channels] Conv2d.forward: input [1, 4, 32, 32] has 4 channels"
            + " (dim 1), but the layer expects Cin = 3");
    fails(() -> F.conv2d(Torch.zeros(1, 4, 8, 8), conv.weight().get(), null),
        "[shape.mismatch.conv.channels] F.conv2d: ");
  }

  @Test
  void pooling_inputSmallerThanTheWindow() {
    fails(() -> F.maxPool2d(Torch.zeros(1, 1, 2, 2), 3), "[shape.conv.size] F.maxPool2d: ");
    fails(() -> new MaxPool2d(3).forward(Torch.zeros(1, 1, 2, 2)),
        "[shape.conv.size] MaxPool2d.forward: ");
  }

  @Test
  void norms_wrongChannelCount() {
    fails(() -> new BatchNorm2d(3).forward(Torch.zeros(2, 4, 5, 5)),
        "[shape.mismatch.argument] BatchNorm2d.forward: ");
    fails(() -> new BatchNorm1d(3).forward(Torch.zeros(2, 4)),
        "[shape.mismatch.norm.channels] BatchNorm1d.forward: ");
    fails(() -> new BatchNorm1d(3).forward(Torch.zeros(2, 3, 4, 5)),
        "[shape.rank] BatchNorm1d.forward: ");
    fails(() -> new GroupNorm(2, 6).forward(Torch.zeros(2, 4, 5)),
        "[shape.mismatch.norm.channels] GroupNorm.forward: ");
    fails(() -> F.layerNorm(Torch.zeros(2, 5), new long[] {4}, null, null, 1e-5),
        "[shape.mismatch.norm.channels] F.layerNorm: ");
  }

  @Test
  void embedding_floatIndices_andAWeightThatIsNotATable() {
    assertThrows(IllegalArgumentException.class,
        () -> new Embedding(10, 3).forward(Torch.zeros(4)));
    fails(() -> F.embedding(Torch.zeros(new long[] {4}, DType.INT64), Torch.zeros(10)),
        "[shape.embedding] F.embedding: ");
  }

  @Test
  void attention_keyOfAnotherBatchSize() {
    MultiheadAttention m = new MultiheadAttention(4, 2);
    fails(() -> m.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 3, 4), Torch.zeros(5, 3, 4)),
        "[shape.mismatch.argument] MultiheadAttention.forward: ");
    fails(() -> m.forward(Torch.zeros(3, 2, 5), Torch.zeros(5, 2, 5), Torch.zeros(5, 2, 5)),
        "[shape.mismatch.argument] MultiheadAttention.forward: ");
  }

  @Test
  void pad_oddNumberOfPads() {
    fails(() -> F.pad(Torch.zeros(2, 3), 1, 2, 3), "[shape.spatial.params] F.pad: ");
  }
}
