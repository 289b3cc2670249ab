import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.AvgPool2d: max pooling's sizes with dilation 1; a window larger than the input. */
class AvgPool2dModule {
  final AvgPool2d pool = new AvgPool2d(2);
  final AvgPool2d padded = new AvgPool2d(3, 2, 1);
  final AvgPool2d wide = new AvgPool2d(5);

  void use(@Shape({"N", "3", "8", "8"}) Tensor x, @Shape({"N", "3", "H", "W"}) Tensor any,
      @Shape({"N", "3", "4", "4"}) Tensor small) {
    @Shape({"N", "3", "4", "4"}) Tensor y = pool.forward(x);
    @Shape({"N", "3", "4", "4"}) Tensor z = padded.forward(x);
    @Shape({"N", "3", "(H-1)/2+1", "(W-1)/2+1"}) Tensor symbolic = padded.forward(any);
    // :: error: (shape.conv.size) is too small
    wide.forward(small);
  }
}
