import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class MlpLayersDoNotChain {
  final Linear fc1 = new Linear(784, 256);
  final Linear fc2 = new Linear(128, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    var h = fc1.forward(x).relu();
    // :: error: (shape.mismatch.argument) Linear.forward: argument input is [B, 256], required [*batch, In] with In = 128
    return fc2.forward(h);
  }
}
