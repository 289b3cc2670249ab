import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** scatter keeps the input's shape; the index fits the input and the source. */
class ScatterAccepted {
  void use(@Shape({"10", "4"}) Tensor table, @Shape({"10", "1"}) Tensor pick,
      @Shape({"10", "4"}) Tensor src) {
    @Shape({"10", "4"}) Tensor written = table.scatter(1, pick, src);
    @Shape({"10", "4"}) Tensor filled = table.scatter(1, pick, 0.0);
  }
}
