import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** With -Ashape.warnUnknown, an unknown shape flowing into a declared one is a warning. */
class UnknownIntoDeclaredWarns {
  void use(Tensor fromDisk) {
    // :: warning: (shape.unknown) a value of unknown shape is used as [B, 784]
    @Shape({"B", "784"}) Tensor x = fromDisk;
  }

  @Shape({"10"}) Tensor result(Tensor t) {
    // :: warning: (shape.unknown)
    return t;
  }
}
