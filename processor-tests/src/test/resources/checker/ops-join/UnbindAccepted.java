import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/** Every piece of unbind is the input without the dim, as the runtime cuts it. */
class UnbindAccepted {
  void use(@Shape({"B", "T", "D"}) Tensor x) {
    for (@Shape({"T", "D"}) Tensor sample : x.unbind()) {
      sample.relu();
    }
    for (@Shape({"B", "D"}) Tensor step : x.unbind(1)) {
      step.relu();
    }
    List<Tensor> features = Torch.unbind(x, -1);
    @Shape({"B", "T"}) Tensor first = features.get(0);
  }
}
