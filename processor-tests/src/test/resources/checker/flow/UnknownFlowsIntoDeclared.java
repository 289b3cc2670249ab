import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Without -Ashape.warnUnknown, an unknown shape flows into a declared one silently. */
class UnknownFlowsIntoDeclared {
  @Shape({"B", "784"}) Tensor load() {
    return fromDisk();
  }

  void use() {
    @Shape({"64", "784"}) Tensor x = fromDisk();
  }

  static Tensor fromDisk() {
    throw new UnsupportedOperationException("read at run time");
  }
}
