import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class ViewWithInferredSize {
  @Shape({"B", "784"}) Tensor flat(@Shape({"B", "1", "28", "28"}) Tensor x) {
    return x.view(-1, 28 * 28);
  }

  @Shape({"4", "6"}) Tensor regroup(@Shape({"2", "3", "4"}) Tensor x) {
    return x.reshape(4, -1);
  }
}
