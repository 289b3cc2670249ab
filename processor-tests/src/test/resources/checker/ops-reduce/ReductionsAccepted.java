import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Reducing a dim removes it, or keeps it as 1 with keepdim. */
class ReductionsAccepted {
  void use(@Shape({"B", "C", "L"}) Tensor x) {
    @Shape({}) Tensor all = x.sum();
    @Shape({"B", "L"}) Tensor overC = x.sum(1);
    @Shape({"B", "1", "L"}) Tensor kept = x.sum(1, true);
    @Shape({"B", "C"}) Tensor mean = x.mean(-1);
    @Shape({"B", "L"}) Tensor idx = x.argmax(1);
    @Shape({"C"}) Tensor overBL = x.sum(new int[] {0, 2}, false);
    @Shape({"1", "C", "1"}) Tensor keptBL = x.mean(new int[] {0, -1}, true);
  }
}
