import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/** cat sums the joined dim; stack adds one. */
class CatStackAccepted {
  void use(@Shape({"2", "5"}) Tensor a, @Shape({"3", "5"}) Tensor b, @Shape({"2", "5"}) Tensor c) {
    @Shape({"5", "5"}) Tensor rows = Torch.cat(List.of(a, b), 0);
    @Shape({"2", "10"}) Tensor cols = Torch.cat(List.of(a, c), 1);
    @Shape({"2", "2", "5"}) Tensor stacked = Torch.stack(List.of(a, c), 0);
  }
}
