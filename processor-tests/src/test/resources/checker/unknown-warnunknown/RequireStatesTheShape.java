import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;

/** Shapes.require is the approved way from unknown to known: no warning after it. */
class RequireStatesTheShape {
  void use(Tensor fromDisk) {
    @Shape({"_", "784"}) Tensor x = Shapes.require(fromDisk, "_", 784);
  }
}
