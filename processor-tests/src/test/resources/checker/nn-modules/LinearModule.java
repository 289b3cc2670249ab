import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.Linear over any leading dims. */
class LinearModule {
  final Linear proj = new Linear(16, 4);

  void use(@Shape({"B", "T", "16"}) Tensor x, @Shape({"B", "T", "8"}) Tensor wrong) {
    @Shape({"B", "T", "4"}) Tensor y = proj.forward(x);
    // :: error: (shape.mismatch.argument) Linear.forward: argument input is [B, T, 8]
    proj.forward(wrong);
  }
}
