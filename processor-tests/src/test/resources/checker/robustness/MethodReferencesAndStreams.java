import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Method references to shape ops are accepted (their shapes are checked at direct calls). */
class MethodReferencesAndStreams {
  final Linear fc = new Linear(4, 2);

  List<Tensor> use(List<Tensor> batch) {
    Function<Tensor, Tensor> layer = fc::forward;
    UnaryOperator<Tensor> act = Tensor::relu;
    return batch.stream().map(layer).map(act).map(t -> t.mul(2.0)).collect(Collectors.toList());
  }
}
