import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Constructor arguments known to the Value Checker, or symbolic ints, size the module. */
class HyperparametersFromVariables {
  static @Shape({"B", "out"}) Tensor project(@Shape({"B", "in"}) Tensor x, int in, int out) {
    var layer = new Linear(in, out);
    return layer.forward(x);
  }

  void use(@Shape({"4", "10"}) Tensor x) {
    int hidden = 2 * 16;
    @Shape({"4", "32"}) Tensor h = new Linear(10, hidden).forward(x);
    @Shape({"4", "3"}) Tensor p = project(x, 10, 3);
  }
}
