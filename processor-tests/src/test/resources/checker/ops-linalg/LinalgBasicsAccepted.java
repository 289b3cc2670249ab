import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.EighDecomposition;
import dev.shapetorch.tensor.Linalg;
import dev.shapetorch.tensor.QrDecomposition;
import dev.shapetorch.tensor.SvdDecomposition;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The torch.linalg basics keep symbolic sizes: a square batch stays [B, N, N] through inv and
 * cholesky, det and matrix norms drop the matrix dims, solve takes B's shape (columns, a batch
 * of vectors, or one vector for every matrix), vectorNorm is a reduction.
 */
class LinalgBasicsAccepted {
  void square(@Shape({"B", "N", "N"}) Tensor a, @Shape({"B", "N", "K"}) Tensor columns,
      @Shape({"B", "N"}) Tensor vectors, @Shape({"N"}) Tensor vector) {
    @Shape({"B", "N", "N"}) Tensor inverse = Linalg.inv(a);
    @Shape({"B"}) Tensor det = Linalg.det(a);
    @Shape({"B", "N", "N"}) Tensor factor = Linalg.cholesky(a);
    @Shape({"B", "N", "K"}) Tensor x = Linalg.solve(a, columns);
    @Shape({"B", "N"}) Tensor y = Linalg.solve(a, vectors);
    @Shape({"B", "N"}) Tensor z = Linalg.solve(a, vector);
    @Shape({"B", "N", "N"}) Tensor torchInverse = Torch.inverse(a);
    @Shape({"B", "N", "N"}) Tensor methodInverse = a.inverse();
    @Shape({"B"}) Tensor torchDet = Torch.det(a);
    @Shape({"B"}) Tensor methodDet = a.det();
    EighDecomposition eigen = Linalg.eigh(a);
  }

  void concrete(@Shape({"2", "3", "3"}) Tensor a, @Shape({"3", "4"}) Tensor shared) {
    @Shape({"2", "3", "4"}) Tensor broadcast = Linalg.solve(a, shared);
  }

  void rectangular(@Shape({"4", "3"}) Tensor m, @Shape({"2", "3", "5"}) Tensor batch) {
    @Shape({}) Tensor frobenius = Linalg.matrixNorm(m);
    @Shape({"2"}) Tensor nuclear = Linalg.matrixNorm(batch, "nuc");
    @Shape({"2"}) Tensor spectral = Linalg.matrixNorm(batch, 2);
    QrDecomposition qr = Linalg.qr(m);
    SvdDecomposition svd = Linalg.svd(batch);
    @Shape({}) Tensor all = Linalg.vectorNorm(batch);
    @Shape({}) Tensor allL1 = Linalg.vectorNorm(batch, 1);
    @Shape({"2", "5"}) Tensor columns = Linalg.vectorNorm(batch, 2, new int[] {1}, false);
    @Shape({"2", "1", "5"}) Tensor kept = Linalg.vectorNorm(batch, 2, new int[] {-2}, true);
  }
}
