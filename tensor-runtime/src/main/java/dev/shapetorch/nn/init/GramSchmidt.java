package dev.shapetorch.nn.init;

/**
 * The Q factor of a thin QR decomposition with a positive diagonal in R, by Gram-Schmidt
 * with re-orthogonalisation (each column is projected out twice, which keeps Q orthonormal to
 * rounding error). With R's diagonal positive, Q is unique: the same matrix PyTorch's
 * {@code orthogonal_} gets from Householder QR and its sign fix.
 */
final class GramSchmidt {
  private GramSchmidt() {}

  /**
   * Orthonormalises the columns of {@code a} ({@code m x n}, {@code m >= n}) in place and
   * returns it.
   *
   * @throws IllegalArgumentException if the columns are linearly dependent
   */
  static double[][] orthonormalColumns(double[][] a) {
    int m = a.length;
    int n = m == 0 ? 0 : a[0].length;
    for (int j = 0; j < n; j++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double dot = 0;
          for (int i = 0; i < m; i++) {
            dot += a[i][k] * a[i][j];
          }
          for (int i = 0; i < m; i++) {
            a[i][j] -= dot * a[i][k];
          }
        }
      }
      double norm = 0;
      for (int i = 0; i < m; i++) {
        norm += a[i][j] * a[i][j];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        throw new IllegalArgumentException("Init.orthogonal_: the random sample was singular");
      }
      for (int i = 0; i < m; i++) {
        a[i][j] /= norm;
      }
    }
    return a;
  }
}
