import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** view/reshape with one inferred size. */
class ViewReshapeAccepted {
  void use(@Shape({"B", "1", "28", "28"}) Tensor x, @Shape({"6", "4"}) Tensor y) {
    @Shape({"B", "784"}) Tensor a = x.view(-1, 784);
    @Shape({"2", "3", "4"}) Tensor b = y.reshape(2, 3, 4);
    @Shape({"24"}) Tensor c = y.reshape(-1);
  }
}
