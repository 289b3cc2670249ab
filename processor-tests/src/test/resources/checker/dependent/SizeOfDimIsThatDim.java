import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** x.size(d) is the size of dim d of x's shape: PyTorch's x.view(x.size(0), -1) keeps B. */
class SizeOfDimIsThatDim {
  @Shape({"B", "400"}) Tensor flat(@Shape({"B", "16", "5", "5"}) Tensor x) {
    return x.view(x.size(0), -1);
  }

  @Shape({"B", "10"}) Tensor fresh(@Shape({"B", "3"}) Tensor x) {
    return Torch.zeros(x.size(0), 10);
  }

  @Shape({"B", "10"}) Tensor lastDim(@Shape({"*s", "B"}) Tensor x) {
    return Torch.zeros(x.size(-1), 10);
  }

  @Shape({"B", "10"}) Tensor wrong(@Shape({"B", "3"}) Tensor x) {
    // :: error: (shape.return) found [3, 10], required [B, 10]
    return Torch.zeros(x.size(1), 10);
  }
}
