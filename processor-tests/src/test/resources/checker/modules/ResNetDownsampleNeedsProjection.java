import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A stride-2 block without a projection shortcut: the residual add cannot broadcast. */
class ResNetDownsampleNeedsProjection {
  final Conv2d conv1 = new Conv2d(64, 128, 3, 2, 1);
  final BatchNorm2d bn1 = new BatchNorm2d(128);
  final Conv2d conv2 = new Conv2d(128, 128, 3, 1, 1);
  final Conv2d shortcut = new Conv2d(64, 128, 1, 2, 0);

  @Shape({"N", "128", "16", "16"}) Tensor forward(@Shape({"N", "64", "32", "32"}) Tensor x) {
    var out = conv2.forward(bn1.forward(conv1.forward(x)).relu());
    var ok = out.add(shortcut.forward(x));
    // :: error: (shape.broadcast)
    return out.add(x).relu();
  }
}
