import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Method references to shape ops, the user's own typed methods included, and lambdas give no
 * false error: a reference is typed with unknown shapes (the runtime checks its calls), and a
 * lambda's body is checked like any code, its parameters being of unknown shape.
 */
class MethodReferencesToTypedMethods {
  final Linear layer = new Linear(8, 4);

  static @Shape({"B", "4"}) Tensor head(@Shape({"B", "8"}) Tensor x) {
    return x.narrow(1, 0, 4);
  }

  @Shape({"B", "N"}) Tensor scale(@Shape({"B", "N"}) Tensor x) {
    return x.mul(2.0);
  }

  List<Tensor> map(List<Tensor> batch) {
    Function<Tensor, Tensor> f = layer::forward;
    Function<Tensor, Tensor> g = MethodReferencesToTypedMethods::head;
    Function<Tensor, Tensor> h = this::scale;
    BiFunction<Tensor, Tensor, Tensor> mm = Tensor::matmul;
    Tensor first = mm.apply(f.apply(batch.get(0)), Torch.randn(4, 3));
    return batch.stream().map(layer::forward).map(g).map(h).map(t -> t.add(first.sum()))
        .collect(Collectors.toList());
  }

  Tensor typedLambda(@Shape({"16", "8"}) Tensor x) {
    Function<Tensor, Tensor> twice = t -> layer.forward(t).relu();
    @Shape({"16", "4"}) Tensor y = layer.forward(x);
    return twice.apply(x).add(y);
  }
}
