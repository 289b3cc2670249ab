import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** flip and roll keep the shape; their dims are in range, flip's named once. */
class FlipRollAccepted {
  void use(@Shape({"B", "3", "H", "W"}) Tensor img, int[] dims) {
    @Shape({"B", "3", "H", "W"}) Tensor mirrored = img.flip(3);
    @Shape({"B", "3", "H", "W"}) Tensor both = Torch.flip(img, -1, -2);
    @Shape({"B", "3", "H", "W"}) Tensor shifted = Torch.roll(img, new long[] {1, -1}, new int[] {2, 3});
    @Shape({"B", "3", "H", "W"}) Tensor flat = img.roll(new long[] {5}, new int[] {});
    @Shape({"B", "3", "H", "W"}) Tensor unknownDims = img.flip(dims);
  }
}
