import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * MaxPool2d's full constructor with constant arguments gives the exact output shape, so a kernel
 * larger than the input and a later mistake are caught (CheckerAgreementTest in tensor-runtime).
 */
class MaxPoolFullConstructorRejected {
  final MaxPool2d floor = new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, false);
  final MaxPool2d large = new MaxPool2d(4, 4, 1, 1, 0, 0, 1, 1, false);

  void kernelLargerThanInput() {
    // :: error: (shape.conv.size) MaxPool2d.forward: input [1, 3, 3, 3] is too small: spatial dim 0 has size 3 (padded 3), smaller than the effective kernel size 4
    large.forward(Torch.zeros(1, 3, 3, 3));
  }

  void laterMistake() {
    Tensor y = floor.forward(Torch.zeros(1, 3, 5, 5));
    // :: error: (shape.reshape.numel) Tensor.view: shape [1, 13] is invalid for input [1, 3, 2, 2] of 12 elements
    y.view(1, 13);
  }

  void unknownCeilModeRoundsUp(boolean c) {
    MaxPool2d pool = new MaxPool2d(4, 4, 1, 1, 0, 0, 1, 1, c);
    // :: error: (shape.conv.size) MaxPool2d.forward: input [1, 3, 3, 3] is too small: spatial dim 0 has size 3 (padded 3), smaller than the effective kernel size 4
    pool.forward(Torch.zeros(1, 3, 3, 3));
  }
}
