import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A size the checker can compute is that size: a constant condition's branch, x.dim() - k,
 * x.shape()[d], x.numel().
 */
class ComputableSizes {
  void accepted(@Shape({"2", "3", "4"}) Tensor x) {
    @Shape({"5", "4"}) Tensor z = Torch.zeros(1 > 0 ? 5 : 6, 4);
    @Shape({"2", "3"}) Tensor s = x.sum(x.dim() - 1);
    @Shape({"2", "4"}) Tensor m = x.mean(x.dim() - 2);
    int last = x.dim() - 1;
    @Shape({"2", "4", "3"}) Tensor t = x.transpose(last, 1);
    @Shape({"2", "12"}) Tensor v = x.view(x.shape()[0], -1);
    @Shape({"24"}) Tensor flat = x.reshape(x.numel());
  }

  void rejected(@Shape({"2", "3", "4"}) Tensor x) {
    // :: error: (shape.assignment) dim 0: found 5, required 6
    @Shape({"6", "4"}) Tensor z = Torch.zeros(1 > 0 ? 5 : 6, 4);
    // :: error: (shape.dim.range)
    x.sum(x.dim());
    // :: error: (shape.reshape.numel) Tensor.view: shape [3, 5] is invalid for input [2, 3, 4] of 24 elements
    x.view(x.shape()[1], 5);
  }
}
