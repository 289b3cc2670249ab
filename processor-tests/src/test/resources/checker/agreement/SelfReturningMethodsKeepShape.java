import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** requiresGrad_(true), retain() and friends return the tensor itself; grad() has its shape. */
class SelfReturningMethodsKeepShape {
  final Tensor weight = Torch.randn(784, 10).requiresGrad_(true);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    return x.matmul(weight);
  }

  void accepted(@Shape({"3", "4"}) Tensor x) {
    @Shape({"3", "4"}) Tensor g = x.grad();
    @Shape({"3", "4"}) Tensor r = x.retain().zeroGrad_();
  }

  void rejected(@Shape({"B", "785"}) Tensor x) {
    // :: error: (shape.mismatch.matmul)
    x.matmul(weight);
    // :: error: (shape.mismatch.matmul)
    Torch.randn(3, 4).requiresGrad_(true).matmul(Torch.randn(3, 4));
  }
}
