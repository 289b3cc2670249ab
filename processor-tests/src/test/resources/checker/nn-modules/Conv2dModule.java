import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.Conv2d with stride and padding. */
class Conv2dModule {
  final Conv2d conv = new Conv2d(3, 16, 3, 2, 1);

  void use(@Shape({"N", "3", "64", "64"}) Tensor x, @Shape({"N", "1", "64", "64"}) Tensor gray) {
    @Shape({"N", "16", "32", "32"}) Tensor y = conv.forward(x);
    // :: error: (shape.mismatch.conv.channels) has 1 channels (dim 1), but the layer expects Cin = 3
    conv.forward(gray);
  }
}
