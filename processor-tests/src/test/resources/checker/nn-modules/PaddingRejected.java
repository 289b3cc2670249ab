import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.padding.ReflectionPad2d;
import dev.shapetorch.nn.padding.ZeroPad2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Forgetting the padding, or padding the wrong sides, is caught where the size is used. */
class PaddingRejected {
  final ReflectionPad2d reflect = new ReflectionPad2d(2);
  final ZeroPad2d zero = new ZeroPad2d(1, 0, 2, 3);
  final Conv2d conv = new Conv2d(3, 8, 3);

  @Shape({"B", "8", "32", "32"}) Tensor padTooWide(@Shape({"B", "3", "32", "32"}) Tensor x) {
    // :: error: (shape.return) result of padTooWide: found [B, 8, 34, 34], required [B, 8, 32, 32]
    return conv.forward(reflect.forward(x));
  }

  @Shape({"B", "3", "H+1", "W+5"}) Tensor sidesSwapped(@Shape({"B", "3", "H", "W"}) Tensor x) {
    // :: error: (shape.return) result of sidesSwapped: found [B, 3, H+5, W+1], required [B, 3, H+1, W+5]
    return zero.forward(x);
  }
}
