import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.oneHot appends the number of classes (unknown when inferred with -1). */
class OneHotAccepted {
  void use(@Shape({"B", "T"}) Tensor labels) {
    @Shape({"B", "T", "10"}) Tensor codes = F.oneHot(labels, 10);
    @Shape({"B", "T", "_"}) Tensor inferred = F.oneHot(labels, -1);
  }
}
