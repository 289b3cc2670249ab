import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A method can require a module of given hyperparameters, like a tensor of given shape. */
class ModuleAsParameter {
  static @Shape({"B", "O"}) Tensor apply(
      @Shape({"I", "O"}) Linear layer, @Shape({"B", "I"}) Tensor x) {
    return layer.forward(x);
  }

  void use(@Shape({"8", "20"}) Tensor x) {
    @Shape({"8", "5"}) Tensor y = apply(new Linear(20, 5), x);
    // :: error: (shape.mismatch.argument) argument x is [8, 20], required [B, I] with I = 30
    apply(new Linear(30, 5), x);
  }
}
