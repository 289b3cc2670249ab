import dev.shapetorch.shapes.Shape;
import lib.BatchNorm2d;
import lib.Conv2d;
import lib.Tensor;

class BatchNormChannelsMismatch {
  final Conv2d conv = new Conv2d(3, 32, 3);
  final BatchNorm2d bn = new BatchNorm2d(16);

  void forward(@Shape({"N", "3", "32", "32"}) Tensor x) {
    // :: error: (shape.mismatch.argument) with C = 16
    bn.forward(conv.forward(x));
  }
}
