import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A correct MLP, written as in PyTorch: zero diagnostics. */
class MlpAccepted {
  final Linear fc1 = new Linear(784, 256);
  final Linear fc2 = new Linear(256, 128);
  final Linear fc3 = new Linear(128, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    var h = fc1.forward(x).relu();
    h = fc2.forward(h).relu();
    return fc3.forward(h);
  }
}
