import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class BatchNormChannelsMismatch {
  final Conv2d conv = new Conv2d(3, 32, 3);
  final BatchNorm2d bn = new BatchNorm2d(16);

  void forward(@Shape({"N", "3", "32", "32"}) Tensor x) {
    // :: error: (shape.mismatch.argument) with C = 16
    bn.forward(conv.forward(x));
  }
}
