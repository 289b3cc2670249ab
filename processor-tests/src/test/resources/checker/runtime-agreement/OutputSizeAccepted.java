import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Inputs exactly as large as the window give one output per dim; so do rounded-up windows. */
class OutputSizeAccepted {
  final Conv2d lenet = new Conv2d(1, 6, 5);
  final MaxPool2d halve = new MaxPool2d(2);
  final Conv2d conv3 = new Conv2d(16, 32, 3);
  final MaxPool2d ceil = new MaxPool2d(3, 3, 2, 2, 0, 0, 1, 1, true);
  final AvgPool2d avgCeil = new AvgPool2d(3, 3, 2, 2, 0, 0, true, true);

  void use() {
    @Shape({"1", "6", "1", "1"}) Tensor one = lenet.forward(Torch.randn(1, 1, 5, 5));
    @Shape({"1", "32", "2", "2"}) Tensor pooledOnce =
        conv3.forward(halve.forward(Torch.zeros(1, 16, 8, 8)));
    // The ceil mode, a boolean, is not in the type: the sizes are unknown, and not an error.
    @Shape({"1", "1", "_", "_"}) Tensor rounded = ceil.forward(Torch.zeros(1, 1, 2, 2));
    @Shape({"1", "1", "_", "_"}) Tensor averaged = avgCeil.forward(Torch.zeros(1, 1, 2, 2));
    @Shape({"1", "1", "1", "1"}) Tensor fn = F.maxPool2d(Torch.zeros(1, 1, 3, 3), 3);
  }

  /** A ceil mode held in a variable: rounding up gives one window, so this may run. */
  void variableCeilMode(boolean ceilMode) {
    @Shape({"1", "1", "_", "_"}) Tensor t = F.maxPool2d(Torch.zeros(1, 1, 2, 2),
        new long[] {3, 3}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, ceilMode);
  }
}
