import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * An override's result must be within the overridden result (results are covariant): a result
 * shape that provably differs is an error.
 */
class OverrideDifferentResultRejected {
  abstract static class Classifier {
    abstract @Shape({"B", "10"}) Tensor logits(@Shape({"B", "F"}) Tensor features);
  }

  static final class FiveClasses extends Classifier {
    @Override
    // :: error: (shape.override)
    @Shape({"B", "5"}) Tensor logits(@Shape({"B", "F"}) Tensor features) {
      return Torch.zeros(features.size(0), 5);
    }
  }

  static final class Flattened extends Classifier {
    @Override
    // :: error: (shape.override)
    @Shape({"B", "10", "1"}) Tensor logits(@Shape({"B", "F"}) Tensor features) {
      return Torch.zeros(features.size(0), 10, 1);
    }
  }
}
