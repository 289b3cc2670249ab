import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** F.batchNorm's result keeps the input's shape (it was unknown before it named its rule). */
class FunctionContractsAccepted {
  void use() {
    @Shape({"2", "4", "5"}) Tensor normed = F.batchNorm(Torch.zeros(2, 4, 5), Torch.zeros(4),
        Torch.ones(4), null, null, false, 0.1, 1e-5);
    @Shape({"2", "6", "4"}) Tensor grouped = F.groupNorm(Torch.zeros(2, 6, 4), 3, null, null, 1e-5);
    @Shape({"3", "4"}) Tensor expanded = Torch.zeros(3, 1).expandAs(Torch.zeros(3, 4));
  }
}
