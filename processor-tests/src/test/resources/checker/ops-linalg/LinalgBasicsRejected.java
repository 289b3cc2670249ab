import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Linalg;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A non-square matrix where a square one is needed, a vector where a matrix is, a right-hand
 * side of other rows or another batch, a norm's result declared with the matrix dims kept.
 */
class LinalgBasicsRejected {
  void use(@Shape({"2", "3"}) Tensor wide, @Shape({"3"}) Tensor vector,
      @Shape({"3", "3"}) Tensor square, @Shape({"4", "2"}) Tensor otherRows,
      @Shape({"2", "3", "3"}) Tensor batch, @Shape({"4", "3", "1"}) Tensor otherBatch) {
    // :: error: (shape.mismatch.argument)
    Linalg.inv(wide);
    // :: error: (shape.rank)
    Linalg.inv(vector);
    // :: error: (shape.mismatch.argument)
    Linalg.det(wide);
    // :: error: (shape.mismatch.argument)
    Linalg.cholesky(wide);
    // :: error: (shape.mismatch.argument)
    Linalg.eigh(wide);
    // :: error: (shape.rank)
    Linalg.qr(vector);
    // :: error: (shape.rank)
    Linalg.svd(vector);
    // :: error: (shape.rank)
    Linalg.matrixNorm(vector, "fro");
    // :: error: (shape.mismatch.argument)
    wide.inverse();
    // :: error: (shape.mismatch.argument)
    Torch.det(wide);
    // :: error: (shape.mismatch.linalg.square) Linalg.solve: A must be square, [*b, n, n]: A is [2, 3] (dim 0 = 2, dim 1 = 3)
    Linalg.solve(wide, vector);
    // :: error: (shape.mismatch.linalg.solve)
    Linalg.solve(square, otherRows);
    // :: error: (shape.mismatch.linalg.batch)
    Linalg.solve(batch, otherBatch);
    // :: error: (shape.rank)
    Linalg.solve(vector, vector);
    // :: error: (shape.assignment)
    @Shape({"3", "3"}) Tensor det = Linalg.det(square);
    // :: error: (shape.dim.range)
    Linalg.vectorNorm(square, 2, new int[] {2}, false);
  }
}
