import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class FieldOfAnotherObject {
  static final class Encoder {
    final Linear proj = new Linear(512, 64);
  }

  @Shape({"B", "64"}) Tensor encode(Encoder e, @Shape({"B", "512"}) Tensor x) {
    return e.proj.forward(x);
  }

  @Shape({"B", "64"}) Tensor wrong(Encoder e, @Shape({"B", "256"}) Tensor x) {
    // :: error: (shape.mismatch.argument) In = 512
    return e.proj.forward(x);
  }
}
