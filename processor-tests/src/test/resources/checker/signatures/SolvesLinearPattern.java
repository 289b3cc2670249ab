import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class SolvesLinearPattern {
  /** Differences of neighbours: [N] -> [N-1]; the result is given in terms of the input. */
  static @Shape({"N-1"}) Tensor diff(@Shape({"N"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  /** The pattern N-1 is solved against the actual size: [9] gives N = 10. */
  static @Shape({"N"}) Tensor undiff(@Shape({"N-1"}) Tensor d) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"9"}) Tensor d = diff(Torch.zeros(10));
    @Shape({"10"}) Tensor x = undiff(d);
  }
}
