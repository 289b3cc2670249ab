import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.MaxPool2d(k) pools with stride k. */
class MaxPool2dModule {
  final MaxPool2d pool = new MaxPool2d(2);

  void use(@Shape({"N", "8", "28", "28"}) Tensor x, @Shape({"N", "8", "H", "W"}) Tensor any,
      @Shape({"8", "28", "28"}) Tensor unbatched) {
    @Shape({"N", "8", "14", "14"}) Tensor y = pool.forward(x);
    @Shape({"N", "8", "(H-2)/2+1", "(W-2)/2+1"}) Tensor symbolic = pool.forward(any);
    // :: error: (shape.assignment) dim 2: found 14, required 28
    @Shape({"N", "8", "28", "14"}) Tensor z = pool.forward(x);
    // :: error: (shape.rank) required [N, C, H, W] (rank 4)
    pool.forward(unbatched);
  }
}
