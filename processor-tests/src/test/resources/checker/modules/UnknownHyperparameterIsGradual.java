import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A size read at run time leaves that hyperparameter unknown: no error on its account. */
class UnknownHyperparameterIsGradual {
  void use(@Shape({"4", "10"}) Tensor x, String config) {
    int hidden = Integer.parseInt(config);
    var layer = new Linear(10, hidden);
    @Shape({"4", "_"}) Tensor h = layer.forward(x);
    var other = new Linear(hidden, 5);
    @Shape({"4", "5"}) Tensor y = other.forward(h);
  }
}
