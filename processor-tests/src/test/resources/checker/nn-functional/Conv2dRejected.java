import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Channels must agree; the kernel must fit the input. */
class Conv2dRejected {
  void use(@Shape({"N", "1", "28", "28"}) Tensor x, @Shape({"8", "3", "3", "3"}) Tensor w, @Shape({"N", "3", "2", "2"}) Tensor tiny) {
    // :: error: (shape.mismatch.conv.channels)
    F.conv2d(x, w, null);
    // :: error: (shape.conv.size)
    F.conv2d(tiny, w, null);
    // :: error: (shape.mismatch.conv.channels)
    F.conv2d(x, w);
  }
}
