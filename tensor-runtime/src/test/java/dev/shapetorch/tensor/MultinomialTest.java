package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code Torch.multinomial} (declared once in {@code SamplingOps}) and {@link Generator}: the
 * shapes and dtype of the draws, what replacement means (distinct indices without it), zero
 * categories never drawn, the frequencies of many draws against the probabilities (with fixed
 * seeds, and bounds of 6 standard deviations: a wrong distribution fails, chance cannot), a
 * seeded generator's stream apart from the default generator's, and the errors for what is no
 * distribution, each starting with the op.
 */
class MultinomialTest {

  @Test
  void shapes_vectorGivesNumSamples_matrixGivesRowsByNumSamples_int64() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(0);
      Tensor v = Torch.multinomial(Torch.tensor(new float[] {1, 2, 3}), 5, true);
      assertArrayEquals(new long[] {5}, v.shape());
      assertEquals(DType.INT64, v.dtype());
      Tensor m = Torch.ones(4, 6).multinomial(3, false);
      assertArrayEquals(new long[] {4, 3}, m.shape());
      assertEquals(DType.INT64, m.dtype());
      for (long i : m.toLongArray()) {
        assertTrue(i >= 0 && i < 6, "index " + i + " out of [0, 6)");
      }
    }
  }

  @Test
  void withoutReplacement_eachRowsIndicesAreDistinct_allOfThemAPermutation() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(1);
      Tensor p = Torch.rand(50, 8).add(0.01);
      long[] all = Torch.multinomial(p, 8, false).toLongArray();
      for (int r = 0; r < 50; r++) {
        long[] row = Arrays.copyOfRange(all, r * 8, r * 8 + 8);
        Arrays.sort(row);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, row, "row " + r);
      }
    }
  }

  @Test
  void zeroProbabilityCategories_areNeverDrawn_withOrWithoutReplacement() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(2);
      Tensor p = Torch.tensor(new float[] {0, 3, 0, 1, 0});
      for (long i : Torch.multinomial(p, 2000, true).toLongArray()) {
        assertTrue(i == 1 || i == 3, "drew category " + i + " of probability 0");
      }
      for (int k = 0; k < 200; k++) {
        long[] two = Torch.multinomial(p, 2, false).toLongArray();
        Arrays.sort(two);
        assertArrayEquals(new long[] {1, 3}, two);
      }
    }
  }

  @Test
  void withReplacement_frequenciesMatchTheNormalisedWeights() {
    // weights, not probabilities: multinomial normalises each row
    double[] w = {1, 2, 3, 4, 0.5, 9.5};
    double total = Arrays.stream(w).sum();
    int n = 200_000;
    try (TensorScope scope = TensorScope.open()) {
      Generator g = Generator.seeded(1234);
      Tensor p = Torch.tensor(w).to(DType.FLOAT32);
      long[] counts = new long[w.length];
      for (long i : Torch.multinomial(p, n, true, g).toLongArray()) {
        counts[(int) i]++;
      }
      for (int c = 0; c < w.length; c++) {
        double q = w[c] / total;
        double sd = Math.sqrt(n * q * (1 - q));
        assertEquals(n * q, counts[c], 6 * sd, "category " + c + " of " + Arrays.toString(counts));
      }
    }
  }

  @Test
  void withoutReplacement_theFirstDrawFollowsTheWeights_theSecondTheRest() {
    // p = [0.6, 0.3, 0.1]: P(first = 0) = 0.6; P(second = 0) = 0.3 * 0.6/0.7 + 0.1 * 0.6/0.9
    double[] p = {0.6, 0.3, 0.1};
    double secondZero = 0.3 * 0.6 / 0.7 + 0.1 * 0.6 / 0.9;
    int rows = 40_000;
    try (TensorScope scope = TensorScope.open()) {
      Generator g = Generator.seeded(99);
      Tensor probs = Torch.tensor(p).to(DType.FLOAT32).unsqueeze(0).expand(rows, 3).contiguous();
      long[] draws = Torch.multinomial(probs, 2, false, g).toLongArray();
      int firstZero = 0;
      int secondIsZero = 0;
      for (int r = 0; r < rows; r++) {
        firstZero += draws[2 * r] == 0 ? 1 : 0;
        secondIsZero += draws[2 * r + 1] == 0 ? 1 : 0;
      }
      assertEquals(rows * 0.6, firstZero, 6 * Math.sqrt(rows * 0.6 * 0.4));
      assertEquals(rows * secondZero, secondIsZero,
          6 * Math.sqrt(rows * secondZero * (1 - secondZero)));
    }
  }

  @Test
  void aSeededGenerator_repeatsItsStream_whateverTheDefaultGeneratorDoes() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor p = Torch.ones(10);
      Torch.manualSeed(5);
      long[] first = Torch.multinomial(p, 50, true, Generator.seeded(42)).toLongArray();
      Torch.manualSeed(6);
      Torch.rand(100);
      long[] again = Torch.multinomial(p, 50, true, Generator.seeded(42)).toLongArray();
      assertArrayEquals(first, again);

      Generator g = Generator.seeded(42);
      long[] a = g.manualSeed(42).initialSeed() == 42
          ? Torch.multinomial(p, 50, true, g).toLongArray() : null;
      long[] b = Torch.multinomial(p, 50, true, g).toLongArray();
      assertArrayEquals(first, a);
      assertNotEquals(Arrays.toString(a), Arrays.toString(b), "the stream advances");
      g.manualSeed(42);
      assertArrayEquals(first, Torch.multinomial(p, 50, true, g).toLongArray());
    }
  }

  @Test
  void theDefaultGenerator_isSeededByManualSeed() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor p = Torch.ones(3, 10);
      Torch.manualSeed(11);
      long[] a = p.multinomial(4, false).toLongArray();
      Torch.manualSeed(11);
      long[] b = Torch.multinomial(p, 4, false).toLongArray();
      assertArrayEquals(a, b);
    }
  }

  @Test
  void whatIsNoDistribution_isRefused_namingTheOpTheRowAndWhatToDo() {
    try (TensorScope scope = TensorScope.open()) {
      refused(() -> Torch.multinomial(Torch.tensor(new float[] {0.5f, -0.1f}), 1, true),
          "probs has a negative entry");
      refused(() -> Torch.multinomial(
              Torch.tensor(1f, 1f, 1f, Float.NaN).view(2, 2), 1, true),
          "row 1 of probs has an infinite or NaN entry");
      refused(() -> Torch.multinomial(
              Torch.tensor(new float[] {1, Float.POSITIVE_INFINITY}), 1, true),
          "probs has an infinite or NaN entry");
      refused(() -> Torch.multinomial(Torch.tensor(1f, 1f, 0f, 0f).view(2, 2), 1, true),
          "row 1 of probs sums to 0");
      refused(() -> Torch.multinomial(Torch.tensor(new float[] {1, 0, 1}), 3, false),
          "probs has 2 nonzero entries, fewer than the 3 samples");
      refused(() -> Torch.multinomial(Torch.ones(3), 4, false),
          "cannot draw 4 samples without replacement from 3 categories");
      refused(() -> Torch.multinomial(Torch.ones(3), 0, true),
          "numSamples must be 1 or more, got 0");
      refused(() -> Torch.multinomial(Torch.tensor(new long[] {1, 2}), 1, true),
          "probs must be floating point");
      refused(() -> Torch.multinomial(Torch.ones(2, 3, 4), 1, true),
          "probs must have 1 or 2 dims");
      refused(() -> Torch.multinomial(Torch.ones(3), 1, true, null), "generator is null");
      refused(() -> Torch.multinomial(Torch.ones(2, 3), Long.MAX_VALUE / 4, true),
          "the result of shape [2, " + Long.MAX_VALUE / 4 + "] would need");
    }
  }

  @Test
  void aScalar_isAShapeError_fromTheGeneratedGuard() {
    try (TensorScope scope = TensorScope.open()) {
      ShapeException e = assertThrows(ShapeException.class,
          () -> Torch.multinomial(Torch.scalarTensor(1.0), 1, true));
      assertTrue(e.getMessage().contains("Torch.multinomial"), e.getMessage());
    }
  }

  private static void refused(org.junit.jupiter.api.function.Executable call, String what) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith("Torch.multinomial: "), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }
}
