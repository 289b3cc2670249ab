package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code Torch.tril}/{@code Torch.triu} (declared once in {@code LinalgOps}; the form is
 * generated): every element against the definition ({@code tril} keeps {@code x[b,i,j]} where
 * {@code j - i <= k}, {@code triu} where {@code j - i >= k}), over a batch and a non-square
 * matrix, and the generated guard's error for an input with fewer than two dims.
 */
class TriangularTest {

  @ParameterizedTest
  @ValueSource(longs = {-2, -1, 0, 1, 3})
  void trilAndTriu_keepExactlyTheElementsTheirDiagonalSelects(long k) {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(7);
      Tensor x = Torch.randn(2, 4, 5);
      float[] in = x.toFloatArray();
      float[] lower = Torch.tril(x, k).toFloatArray();
      float[] upper = Torch.triu(x, k).toFloatArray();
      assertArrayEquals(new long[] {2, 4, 5}, Torch.tril(x, k).shape());
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 5; j++) {
            int at = (b * 4 + i) * 5 + j;
            assertEquals(j - i <= k ? in[at] : 0f, lower[at], "tril at " + b + "," + i + "," + j);
            assertEquals(j - i >= k ? in[at] : 0f, upper[at], "triu at " + b + "," + i + "," + j);
          }
        }
      }
    }
  }

  @Test
  void aVector_isRejectedBeforeLibtorchRuns_namingTheOpAndTheShape() {
    try (TensorScope scope = TensorScope.open()) {
      ShapeException e = assertThrows(ShapeException.class, () -> Torch.tril(Torch.zeros(5), 0));
      assertTrue(e.getMessage().matches("\\[shape\\.[a-z.]+\\] Torch\\.tril: .*"), e.getMessage());
      assertTrue(e.getMessage().contains("[5]"), e.getMessage());
    }
  }

  @Test
  void aNullInput_isNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Torch.triu(null, 0));
    assertTrue(e.getMessage().startsWith("Torch.triu: input is null"), e.getMessage());
  }
}
