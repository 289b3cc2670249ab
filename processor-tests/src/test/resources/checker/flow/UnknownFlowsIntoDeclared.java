import dev.shapetorch.shapes.Shape;
import lib.Tensor;
import lib.Torch;

/** Without -Ashape.warnUnknown, an unknown shape flows into a declared one silently. */
class UnknownFlowsIntoDeclared {
  @Shape({"B", "784"}) Tensor load() {
    return Torch.unknown();
  }

  void use() {
    @Shape({"64", "784"}) Tensor x = Torch.unknown();
  }
}
