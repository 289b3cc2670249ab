import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Torch;

/** F.batchNorm declares its rule as Torch.batchNorm does; F.groupNorm is Torch.groupNorm's form. */
class FunctionContractsRejected {
  void use() {
    // :: error: (shape.mismatch.norm.channels) F.batchNorm: input [2, 3, 4] has 3 channels (dim 1), the layer expects 4
    F.batchNorm(Torch.zeros(2, 3, 4), Torch.zeros(4), Torch.ones(4), null, null, false, 0.1, 1e-5);
    // :: error: (shape.mismatch.norm.channels) F.groupNorm: the input [2, 6, 4] has 6 channels, which 4 groups do not divide
    F.groupNorm(Torch.zeros(2, 6, 4), 4, null, null, 1e-5);
    // :: error: (shape.expand) Tensor.expandAs: cannot expand [3, 2] to [3, 4]: dim 1 = 2 is not 1 and differs from 4 (only size-1 dims expand)
    Torch.zeros(3, 2).expandAs(Torch.zeros(3, 4));
  }
}
