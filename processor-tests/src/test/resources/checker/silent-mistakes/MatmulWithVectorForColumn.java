import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 4: a 1-D vector where a column was meant; matmul returns a vector [3], which
 * then broadcasts against a [3, 1] bias into [3, 3].
 */
class MatmulWithVectorForColumn {
  void wrong(@Shape({"3", "4"}) Tensor w, @Shape({"4"}) Tensor v, @Shape({"3", "1"}) Tensor bias) {
    // :: error: (shape.assignment) rank 1 is not 2
    @Shape({"3", "1"}) Tensor column = w.matmul(v);
    // :: error: (shape.assignment) found [3, 3], required [3, 1]
    @Shape({"3", "1"}) Tensor sum = w.matmul(v).add(bias);
  }

  void fixed(@Shape({"3", "4"}) Tensor w, @Shape({"4"}) Tensor v, @Shape({"3", "1"}) Tensor bias) {
    @Shape({"3", "1"}) Tensor sum = w.matmul(v.unsqueeze(1)).add(bias);
  }
}
