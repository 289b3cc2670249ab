import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the functional interface's type declares shapes, a method reference to a signature op
 * is checked against them, as a call with arguments of those shapes would be.
 */
class MethodReferencesToTypedMethodsRejected {
  final Linear fc = new Linear(4, 2);

  static @Shape({"N", "M"}) Tensor mm(@Shape({"N", "K"}) Tensor a, @Shape({"K", "M"}) Tensor b) {
    return a.matmul(b);
  }

  void refs() {
    // :: error: (shape.mismatch.argument)
    Function<@Shape({"N", "5"}) Tensor, Tensor> wrong = fc::forward;
    Function<@Shape({"N", "4"}) Tensor, Tensor> right = fc::forward;
    BiFunction<@Shape({"2", "3"}) Tensor, @Shape({"4", "5"}) Tensor, Tensor> bad =
        // :: error: (shape.mismatch.argument)
        MethodReferencesToTypedMethodsRejected::mm;
    BiFunction<@Shape({"2", "3"}) Tensor, @Shape({"3", "5"}) Tensor, Tensor> good =
        MethodReferencesToTypedMethodsRejected::mm;
    BiFunction<Tensor, Tensor, Tensor> untyped = MethodReferencesToTypedMethodsRejected::mm;
  }
}
