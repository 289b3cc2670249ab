import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A final int field stands for itself inside its class. */
class FinalFieldIsSymbol {
  private final int hidden;

  FinalFieldIsSymbol(int hidden) {
    this.hidden = hidden;
  }

  @Shape({"B", "hidden"}) Tensor state(@Shape({"B", "_"}) Tensor x) {
    return Torch.zeros(x.size(0), hidden);
  }

  @Shape({"B", "hidden"}) Tensor wrong(@Shape({"B", "_"}) Tensor x) {
    // :: error: (shape.return) dim 1: found 2*hidden, required hidden
    return Torch.zeros(x.size(0), 2 * this.hidden);
  }
}
