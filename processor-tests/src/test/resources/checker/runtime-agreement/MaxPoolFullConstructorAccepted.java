import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * MaxPool2d's full constructor: a constant ceilMode is the type's C (1 or 0), so the output
 * shape is exact; one the checker does not know is checked as rounding up, never an error alone.
 */
class MaxPoolFullConstructorAccepted {
  final MaxPool2d floor = new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, false);
  final MaxPool2d ceil = new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, true);

  @Shape({"1", "3", "2", "2"}) Tensor floorMode() {
    return floor.forward(Torch.zeros(1, 3, 5, 5));
  }

  @Shape({"1", "3", "3", "3"}) Tensor ceilMode() {
    return ceil.forward(Torch.zeros(1, 3, 5, 5));
  }

  Tensor unknownCeilMode(boolean c) {
    MaxPool2d pool = new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, c);
    return pool.forward(Torch.zeros(1, 3, 5, 5));
  }
}
