package syntax;

import dev.shapetorch.shapes.*;
import fixtures.Tensor;
import java.util.function.Function;

class SyntaxInBodies {
  static Object locals(Tensor x) {
    // :: error: (shape.annotation.syntax)
    @Shape({"B", "H W"}) Tensor local = x;
    // :: error: (shape.annotation.syntax)
    Object cast = (@Shape({"?"}) Tensor) local;
    // :: error: (shape.annotation.syntax)
    Function<Tensor, Tensor> f = (@Shape({"B", "#"}) Tensor t) -> t;
    Object anonymous =
        new Object() {
          // :: error: (shape.annotation.syntax)
          @Shape({"B", "1.5"}) Tensor inAnAnonymousClass;
        };
    return cast;
  }
}
