import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class UnknownArgumentWarns {
  static @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use(Tensor fromDisk, @Shape({"B", "784"}) Tensor known) {
    // :: warning: (shape.unknown) the shape of fromDisk is unknown here
    classify(fromDisk);
    classify(known);
  }
}
