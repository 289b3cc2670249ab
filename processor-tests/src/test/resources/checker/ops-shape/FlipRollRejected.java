import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** flip's and roll's dims are checked at compile time as at run time. */
class FlipRollRejected {
  void use(@Shape({"B", "3", "H", "W"}) Tensor img) {
    // :: error: (shape.dim.range)
    img.flip(4);
    // :: error: (shape.dim.order) Torch.flip: dim -1 appears more than once in [3, -1] for [B, 3, H, W]; name each dim once
    Torch.flip(img, 3, -1);
    // :: error: (shape.dim.order)
    Torch.roll(img, new long[] {1, 2}, new int[] {0});
    // :: error: (shape.dim.order)
    img.roll(new long[] {1, 2}, new int[] {});
    // :: error: (shape.dim.range)
    img.roll(new long[] {1}, new int[] {-5});
  }
}
