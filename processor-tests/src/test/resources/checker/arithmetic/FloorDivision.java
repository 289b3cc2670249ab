import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** (H - K)/S + 1 floors: a 2x2 pool of a 25x25 map gives 12x12. */
class FloorDivision {
  void use(@Shape({"N", "8", "25", "24"}) Tensor x) {
    var pool = new MaxPool2d(2);
    @Shape({"N", "8", "12", "12"}) Tensor y = pool.forward(x);
    // :: error: (shape.assignment) dim 2: found 12, required 13
    @Shape({"N", "8", "13", "12"}) Tensor z = pool.forward(x);
  }
}
