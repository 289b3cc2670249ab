import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class ReturnSameVariable {
  static @Shape({"B", "10"}) Tensor logits(
      @Shape({"B", "784"}) Tensor x, @Shape({"784", "10"}) Tensor w) {
    return x.matmul(w);
  }
}
