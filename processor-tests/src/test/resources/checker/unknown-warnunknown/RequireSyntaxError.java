import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;

class RequireSyntaxError {
  void use(Tensor fromDisk) {
    // :: error: (shape.annotation.syntax) Shapes.require
    Shapes.require(fromDisk, "B", "7+");
  }
}
