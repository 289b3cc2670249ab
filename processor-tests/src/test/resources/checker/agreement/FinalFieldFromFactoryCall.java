import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A final field initialized by a method call takes the call's shape, as one initialized by a
 * constructor does: a tensor from a factory, a module from its static factory.
 */
class FinalFieldFromFactoryCall {
  final Tensor weight = Torch.randn(784, 10);
  static final Tensor BIAS = Torch.zeros(10);
  final Tensor transposed = Torch.randn(10, 784).t();
  final LSTM lstm = LSTM.batchFirst(16, 64, 1);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    return x.matmul(weight).add(BIAS);
  }

  @Shape({"B", "10"}) Tensor viaTransposed(@Shape({"B", "784"}) Tensor x) {
    return x.matmul(transposed);
  }

  @Shape({"N", "L", "64"}) Tensor encode(@Shape({"N", "L", "16"}) Tensor x) {
    return lstm.forward(x);
  }

  void wrongWeight(@Shape({"B", "785"}) Tensor x) {
    // :: error: (shape.mismatch.matmul)
    x.matmul(weight);
  }

  void wrongBias() {
    // :: error: (shape.broadcast)
    BIAS.add(Torch.zeros(11));
  }

  void wrongInput(@Shape({"N", "L", "15"}) Tensor x) {
    // :: error: (shape.mismatch.rnn.input)
    lstm.forward(x);
  }
}
