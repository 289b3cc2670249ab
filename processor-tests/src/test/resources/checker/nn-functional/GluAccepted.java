import dev.shapetorch.nn.activation.GLU;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.glu and the GLU module halve their dim; a symbolic even size halves symbolically. */
class GluAccepted {
  final GLU last = new GLU();
  final GLU channels = new GLU(1);

  void use(@Shape({"B", "8"}) Tensor x, @Shape({"B", "2*H", "5"}) Tensor y) {
    @Shape({"B", "4"}) Tensor a = F.glu(x);
    @Shape({"B", "H", "5"}) Tensor b = F.glu(y, 1);
    @Shape({"B", "4"}) Tensor c = last.forward(x);
    @Shape({"B", "H", "5"}) Tensor d = channels.forward(y);
  }
}
