import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxBadCharacter {
  // :: error: (shape.annotation.syntax)
  @Shape({"B", "7#"}) Tensor f(Tensor x) {
    return x;
  }
}
