import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** 28 -> 24 -> 20 with two 5x5 convolutions, stride 1, no padding. */
class ConvChainSizes {
  void use(@Shape({"B", "1", "28", "28"}) Tensor x) {
    var c1 = new Conv2d(1, 6, 5);
    var c2 = new Conv2d(6, 16, 5);
    @Shape({"B", "16", "20", "20"}) Tensor y = c2.forward(c1.forward(x));
    // :: error: (shape.assignment) dim 2: found 20, required 22
    @Shape({"B", "16", "22", "20"}) Tensor z = c2.forward(c1.forward(x));
  }
}
