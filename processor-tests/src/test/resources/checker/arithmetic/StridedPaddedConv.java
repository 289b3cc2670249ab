import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** (H + 2*P - K)/S + 1 with floor division: (32 + 2 - 3)/2 + 1 = 16, and 33 gives 17. */
class StridedPaddedConv {
  void use(@Shape({"N", "3", "32", "33"}) Tensor x) {
    var conv = new Conv2d(3, 8, 3, 2, 1);
    @Shape({"N", "8", "16", "17"}) Tensor y = conv.forward(x);
    // :: error: (shape.assignment) dim 3: found 17, required 16
    @Shape({"N", "8", "16", "16"}) Tensor z = conv.forward(x);
  }
}
