import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.padding.ConstantPad1d;
import dev.shapetorch.nn.padding.ReflectionPad2d;
import dev.shapetorch.nn.padding.ReplicationPad3d;
import dev.shapetorch.nn.padding.ZeroPad2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A padding layer grows each padded dim by its two pads; the next layer sees the new size. */
class PaddingAccepted {
  final ReflectionPad2d reflect = new ReflectionPad2d(1);
  final ZeroPad2d zero = new ZeroPad2d(1, 0, 2, 3);
  final Conv2d conv = new Conv2d(3, 8, 3);

  @Shape({"B", "8", "32", "32"}) Tensor sameSize(@Shape({"B", "3", "32", "32"}) Tensor x) {
    return conv.forward(reflect.forward(x)); // pad 1 then a 3x3 kernel keeps 32x32
  }

  @Shape({"B", "3", "H+5", "W+1"}) Tensor perSide(@Shape({"B", "3", "H", "W"}) Tensor x) {
    return zero.forward(x);
  }

  @Shape({"4", "9"}) Tensor oneD(@Shape({"4", "6"}) Tensor x) {
    return new ConstantPad1d(1, 2, 0.5).forward(x);
  }

  @Shape({"2", "1", "4", "6", "8"}) Tensor threeD(@Shape({"2", "1", "2", "4", "6"}) Tensor x) {
    return new ReplicationPad3d(1).forward(x);
  }
}
