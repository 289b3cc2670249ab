import dev.shapetorch.nn.activation.GLU;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The halved dim must have an even size and exist. */
class GluRejected {
  final GLU first = new GLU(0);

  void use(@Shape({"B", "7"}) Tensor x, @Shape({"3", "4"}) Tensor y) {
    // :: error: (shape.split.size) has odd size 7
    F.glu(x);
    // :: error: (shape.dim.range)
    F.glu(x, 2);
    // :: error: (shape.split.size) has odd size 3
    first.forward(y);
  }
}
