import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * backward() without a gradient needs a one-element tensor; with one, the gradient has the
 * tensor's shape. A loss that was never reduced (Reduction.NONE) needs either.
 */
class BackwardNeedsOneElement {
  void reduced(@Shape({"8", "1"}) Tensor pred, @Shape({"8", "1"}) Tensor target) {
    F.mseLoss(pred, target).backward();
    F.mseLoss(pred, target, Reduction.NONE).sum().backward();
    Torch.randn(1).backward();
    Torch.randn(1, 1).backward();
  }

  void unknownShape(Tensor loss) {
    loss.backward();
  }

  void unreduced(@Shape({"8", "1"}) Tensor pred, @Shape({"8", "1"}) Tensor target) {
    Tensor loss = F.mseLoss(pred, target, Reduction.NONE);
    // :: error: (shape.numel.one) Tensor.backward: a tensor of shape [8, 1] has 8 elements (dim 0 = 8), and only a one-element tensor has an implicit gradient; reduce it first (sum(), mean()) or pass a gradient of shape [8, 1]
    loss.backward();
    loss.backward(Torch.onesLike(loss));
    loss.backward(Torch.ones(8, 1));
    // :: error: (shape.mismatch.loss.same)
    loss.backward(Torch.ones(8));
  }
}
