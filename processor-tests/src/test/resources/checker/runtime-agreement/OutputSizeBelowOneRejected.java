import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * An output size below 1 is an error, with the run-time text (CheckerAgreementTest in
 * tensor-runtime runs each call): convolutions, transposed convolutions, pooling (ceil mode and
 * dilation too) and interpolation, as layers and as functions.
 */
class OutputSizeBelowOneRejected {
  final Conv2d lenet = new Conv2d(1, 6, 5);
  final Conv1d conv1d = new Conv1d(2, 4, 3);
  final MaxPool2d halve = new MaxPool2d(2);
  final Conv2d conv3 = new Conv2d(16, 32, 3);
  final ConvTranspose2d padded = new ConvTranspose2d(3, 2, 3, 1, 3, 0);
  final MaxPool2d max3 = new MaxPool2d(3);
  final MaxPool1d max1d = new MaxPool1d(3);
  final AvgPool2d avg3 = new AvgPool2d(3);
  final MaxPool2d dilated = new MaxPool2d(2, 2, 1, 1, 0, 0, 3, 3, false);
  final MaxPool2d ceil = new MaxPool2d(3, 3, 2, 2, 0, 0, 1, 1, true);
  final AvgPool2d avgCeil = new AvgPool2d(3, 3, 2, 2, 0, 0, true, true);

  void layers() {
    // :: error: (shape.conv.size) Conv2d.forward: input [1, 1, 4, 4] is too small: spatial dim 0 has size 4 (padded 4), smaller than the effective kernel size 5
    lenet.forward(Torch.randn(1, 1, 4, 4));
    // :: error: (shape.conv.size) Conv1d.forward: input [1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    conv1d.forward(Torch.zeros(1, 2, 2));
    // :: error: (shape.conv.size) ConvTranspose2d.forward: output too small: spatial dim 0 of input [1, 3, 2, 2] (size 2) gives -2 = (2-1)*1 - 2*3 + 1*(3-1) + 0 + 1; reduce the padding
    padded.forward(Torch.zeros(1, 3, 2, 2));
  }

  void poolingTwiceBeforeAConv() {
    // :: error: (shape.conv.size) Conv2d.forward: input [1, 16, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    conv3.forward(halve.forward(halve.forward(Torch.zeros(1, 16, 8, 8))));
  }

  void pooling() {
    // :: error: (shape.conv.size) MaxPool2d.forward: input [1, 1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    max3.forward(Torch.zeros(1, 1, 2, 2));
    // :: error: (shape.conv.size) MaxPool1d.forward: input [1, 1, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    max1d.forward(Torch.zeros(1, 1, 2));
    // :: error: (shape.conv.size) AvgPool2d.forward: input [1, 1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    avg3.forward(Torch.zeros(1, 1, 2, 2));
    // :: error: (shape.conv.size) MaxPool2d.forward: input [1, 1, 3, 3] is too small: spatial dim 0 has size 3 (padded 3), smaller than the effective kernel size 4
    dilated.forward(Torch.zeros(1, 1, 3, 3));
    // A boolean ceil mode is not in the type; rounding up, the larger size, is still below 1.
    // :: error: (shape.conv.size) MaxPool2d.forward: input [1, 1, 1, 1] is too small: spatial dim 0 has size 1 (padded 1), smaller than the effective kernel size 3
    ceil.forward(Torch.zeros(1, 1, 1, 1));
    // :: error: (shape.conv.size) AvgPool2d.forward: input [1, 1, 1, 1] is too small: spatial dim 0 has size 1 (padded 1), smaller than the effective kernel size 3
    avgCeil.forward(Torch.zeros(1, 1, 1, 1));
  }

  /** A ceil mode held in a variable: too small even rounding up, so too small either way. */
  void variableCeilMode(boolean ceilMode) {
    // :: error: (shape.conv.size) F.maxPool2d: input [1, 1, 1, 1] is too small: spatial dim 0 has size 1 (padded 1), smaller than the effective kernel size 3
    F.maxPool2d(Torch.zeros(1, 1, 1, 1), new long[] {3, 3}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, ceilMode);
  }

  void functions() {
    // :: error: (shape.conv.size) F.conv2d: input [1, 1, 4, 4] is too small: spatial dim 0 has size 4 (padded 4), smaller than the effective kernel size 5
    F.conv2d(Torch.zeros(1, 1, 4, 4), Torch.zeros(6, 1, 5, 5), null);
    // :: error: (shape.conv.size) Torch.conv1d: input [1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    Torch.conv1d(Torch.zeros(1, 2, 2), Torch.zeros(4, 2, 3), null, 1, 0, 1, 1);
    // :: error: (shape.conv.size) F.convTranspose2d: output too small: spatial dim 0 of input [1, 3, 2, 2] (size 2) gives -2 = (2-1)*1 - 2*3 + 1*(3-1) + 0 + 1; reduce the padding
    F.convTranspose2d(Torch.zeros(1, 3, 2, 2), Torch.zeros(3, 2, 3, 3), null, new long[] {1, 1}, new long[] {3, 3}, new long[] {0, 0}, 1, new long[] {1, 1});
    // :: error: (shape.conv.size) F.maxPool2d: input [1, 1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    F.maxPool2d(Torch.zeros(1, 1, 2, 2), 3);
    // :: error: (shape.conv.size) F.avgPool2d: input [1, 1, 2, 2] is too small: spatial dim 0 has size 2 (padded 2), smaller than the effective kernel size 3
    F.avgPool2d(Torch.zeros(1, 1, 2, 2), 3);
    // :: error: (shape.spatial.params) F.interpolate: size [0, 4] must be positive
    F.interpolate(Torch.zeros(1, 1, 4, 4), new long[] {0, 4}, InterpolationMode.NEAREST);
  }
}
