import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** null, arrays of tensors, instanceof patterns and try-with-resources need no annotations. */
class NullArraysAndPatterns {
  @Shape({"3"}) Tensor maybe(boolean b) {
    return b ? Torch.zeros(3) : null;
  }

  void use(Object o) {
    Tensor[] pair = {Torch.zeros(2, 2), Torch.eye(2)};
    Tensor product = pair[0].matmul(pair[1]);
    if (o instanceof Tensor t) {
      t.relu();
    }
    try (var scope = dev.shapetorch.tensor.TensorScope.open()) {
      @Shape({"2", "2"}) Tensor inScope = Torch.eye(2).add(Torch.eye(2));
    }
  }
}
