import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A ResNet basic block (two 3x3 convs, identity shortcut): zero diagnostics. */
class ResNetBasicBlockAccepted {
  final Conv2d conv1 = new Conv2d(64, 64, 3, 1, 1);
  final BatchNorm2d bn1 = new BatchNorm2d(64);
  final Conv2d conv2 = new Conv2d(64, 64, 3, 1, 1);
  final BatchNorm2d bn2 = new BatchNorm2d(64);

  @Shape({"N", "64", "H", "W"}) Tensor forward(@Shape({"N", "64", "H", "W"}) Tensor x) {
    var out = bn1.forward(conv1.forward(x)).relu();
    out = bn2.forward(conv2.forward(out));
    return out.add(x).relu();
  }
}
