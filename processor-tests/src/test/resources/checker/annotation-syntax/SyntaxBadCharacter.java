import dev.shapetorch.shapes.Shape;
import lib.Tensor;

class SyntaxBadCharacter {
  // :: error: (shape.annotation.syntax)
  @Shape({"B", "7#"}) Tensor f() {
    return new Tensor();
  }
}
