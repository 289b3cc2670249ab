import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Factories take their shape from constant sizes. */
class FactoriesAccepted {
  void use() {
    @Shape({"2", "3"}) Tensor z = Torch.zeros(2, 3);
    @Shape({"4"}) Tensor o = Torch.ones(4);
    @Shape({"5", "5"}) Tensor i = Torch.eye(5);
    @Shape({"10"}) Tensor r = Torch.arange(10);
    @Shape({"3", "3", "3"}) Tensor n = Torch.randn(3, 3, 3);
    @Shape({"2", "3"}) Tensor zz = Torch.zerosLike(z);
  }
}
