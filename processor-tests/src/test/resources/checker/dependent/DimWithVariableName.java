import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** @Dim("C") binds the shape variable C from an int argument. */
class DimWithVariableName {
  static @Shape({"B", "C"}) Tensor oneHot(@Shape({"B"}) Tensor labels, @Dim("C") int classes) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"8", "10"}) Tensor y = oneHot(Torch.zeros(8), 10);
    // :: error: (shape.assignment) dim 1: found 10, required 100
    @Shape({"8", "100"}) Tensor z = oneHot(Torch.zeros(8), 10);
  }
}
