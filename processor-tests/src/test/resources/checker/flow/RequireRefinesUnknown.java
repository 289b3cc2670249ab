import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;

/** After Shapes.require, the tensor has the required shape, checked at run time. */
class RequireRefinesUnknown {
  @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use(Tensor fromDisk, int batch) {
    var x = Shapes.require(fromDisk, batch, 28 * 28);
    @Shape({"_", "784"}) Tensor y = x;
    var images = Shapes.require(fromDisk, "N", 1, 28, 28);
    // :: error: (shape.rank) argument x is [N, 1, 28, 28] (rank 4)
    classify(images);
  }
}
