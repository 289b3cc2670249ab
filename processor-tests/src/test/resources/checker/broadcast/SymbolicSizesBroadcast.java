import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SymbolicSizesBroadcast {
  @Shape({"B", "C"}) Tensor center(@Shape({"B", "C"}) Tensor x, @Shape({"1", "C"}) Tensor mean) {
    return x.sub(mean);
  }

  void wrong(@Shape({"B", "C"}) Tensor x, @Shape({"C", "B"}) Tensor y) {
    // :: error: (shape.broadcast)
    x.add(y);
  }
}
