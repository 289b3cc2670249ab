import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.MaxPool1d: the ceil mode is part of the type; given as a boolean it is unknown. */
class MaxPool1dModule {
  final MaxPool1d pool = new MaxPool1d(2);
  final MaxPool1d ceil = new MaxPool1d(2, 2, 0, 1, true);

  /** Any max pooling of a known type: the size its rule computes, the ceil mode C included. */
  static @Shape({"N", "Ch", "(L+2*P-D*(K-1)-1+C*(S-1))/S+1"}) Tensor pooled(
      @Shape({"K", "S", "P", "D", "C"}) MaxPool1d p, @Shape({"N", "Ch", "L"}) Tensor x) {
    return p.forward(x);
  }

  void use(@Shape({"N", "6", "9"}) Tensor x, @Shape({"N", "6", "1"}) Tensor one) {
    @Shape({"N", "6", "4"}) Tensor y = pool.forward(x);
    @Shape({"N", "6", "_"}) Tensor rounded = ceil.forward(x);
    @Shape({"N", "6", "4"}) Tensor same = pooled(pool, x);
    // :: error: (shape.conv.size) is too small
    pool.forward(one);
  }
}
