import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.conv2d: batched, and unbatched [C, H, W] as PyTorch allows. */
class Conv2dAccepted {
  void use(@Shape({"N", "3", "32", "32"}) Tensor x, @Shape({"3", "32", "32"}) Tensor img, @Shape({"8", "3", "3", "3"}) Tensor w) {
    @Shape({"N", "8", "30", "30"}) Tensor y = F.conv2d(x, w, null);
    @Shape({"N", "8", "16", "16"}) Tensor s = F.conv2d(x, w, null, 2, 1);
    @Shape({"8", "30", "30"}) Tensor u = F.conv2d(img, w, null);
    // PyTorch's defaults: bias=None, stride=1, padding=0.
    @Shape({"N", "8", "30", "30"}) Tensor d = F.conv2d(x, w);
    @Shape({"N", "8", "15", "15"}) Tensor t = F.conv2d(x, w, null, 2);
    @Shape({"N", "8", "15", "15"}) Tensor p = F.maxPool2d(F.conv2d(x, w), 2, 2);
  }
}
