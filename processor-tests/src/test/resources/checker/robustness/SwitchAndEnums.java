import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A switch expression merges its arms' shapes like if/else. */
class SwitchAndEnums {
  enum Size { SMALL, LARGE }

  void use(Size size) {
    Tensor t = switch (size) {
      case SMALL -> Torch.zeros(8, 16);
      case LARGE -> Torch.zeros(64, 16);
    };
    @Shape({"_", "16"}) Tensor ok = t;
    // :: error: (shape.assignment) dim 1: found 16, required 32
    @Shape({"_", "32"}) Tensor bad = t;
  }
}
