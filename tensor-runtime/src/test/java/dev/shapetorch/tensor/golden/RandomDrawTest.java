package dev.shapetorch.tensor.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Generator;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The random ops of issue 13's ranked list, {@code randperm}, {@code bernoulli}, {@code
 * bernoulli_} and {@code random_}, by their properties (PyTorch's values are those of its
 * generator, not reproducible here): a permutation of {@code 0 .. n-1}; values in {0, 1} with a
 * mean within 6 standard deviations of {@code p} for a fixed seed; integers in {@code [from,
 * to)}; the same draws from equally seeded {@link Generator}s. Also {@code detach_}.
 */
class RandomDrawTest {

  private static final int DRAWS = 20_000;

  /** Six standard deviations of the mean of {@code DRAWS} coin flips of probability p. */
  private static double sixSigma(double p) {
    return 6 * Math.sqrt(p * (1 - p) / DRAWS);
  }

  @Test
  void randperm_isAPermutationOfZeroToN() {
    try (var scope = TensorScope.open()) {
      Tensor r = Torch.randperm(100);
      assertEquals(DType.INT64, r.dtype());
      assertArrayEquals(new long[] {100}, r.shape());
      long[] sorted = r.toLongArray();
      Arrays.sort(sorted);
      long[] expected = new long[100];
      Arrays.setAll(expected, i -> i);
      assertArrayEquals(expected, sorted);
      assertArrayEquals(new long[] {0}, Torch.randperm(0).shape());
    }
  }

  @Test
  void randperm_sameSeed_samePermutation_otherSeed_another() {
    try (var scope = TensorScope.open()) {
      long[] a = Torch.randperm(50, Generator.seeded(7)).toLongArray();
      long[] b = Torch.randperm(50, Generator.seeded(7)).toLongArray();
      long[] c = Torch.randperm(50, Generator.seeded(8)).toLongArray();
      assertArrayEquals(a, b);
      assertFalse(Arrays.equals(a, c), "seeds 7 and 8 drew the same permutation of 50");
    }
  }

  @Test
  void bernoulli_drawsZerosAndOnesWithTheGivenProbabilities() {
    try (var scope = TensorScope.open()) {
      Tensor probs = Torch.full(new long[] {DRAWS}, 0.3, DType.FLOAT64);
      Tensor r = Torch.bernoulli(probs, Generator.seeded(3));
      assertEquals(DType.FLOAT64, r.dtype());
      assertArrayEquals(probs.shape(), r.shape());
      double[] v = r.toDoubleArray();
      assertTrue(Arrays.stream(v).allMatch(x -> x == 0 || x == 1), "values outside {0, 1}");
      double mean = Arrays.stream(v).average().orElseThrow();
      assertEquals(0.3, mean, sixSigma(0.3));
      Tensor certain = Torch.tensor(0.0, 1.0, 0.0, 1.0).bernoulli();
      assertArrayEquals(new double[] {0, 1, 0, 1}, certain.toDoubleArray());
    }
  }

  @Test
  void bernoulli_sameSeed_sameDraws() {
    try (var scope = TensorScope.open()) {
      Tensor probs = Torch.full(new long[] {64}, 0.5, DType.FLOAT64);
      assertArrayEquals(probs.bernoulli(Generator.seeded(11)).toDoubleArray(),
          Torch.bernoulli(probs, Generator.seeded(11)).toDoubleArray());
    }
  }

  @Test
  void bernoulliWithP_andInPlace_drawWithP() {
    try (var scope = TensorScope.open()) {
      Torch.manualSeed(5);
      Tensor shaped = Torch.zeros(new long[] {DRAWS / 100, 100}, DType.FLOAT32);
      Tensor r = Torch.bernoulli(shaped, 0.8);
      assertArrayEquals(new long[] {DRAWS / 100, 100}, r.shape());
      assertEquals(DType.FLOAT32, r.dtype());
      assertEquals(0.8, r.mean().item(), sixSigma(0.8));
      Tensor self = Torch.zeros(new long[] {DRAWS}, DType.FLOAT64);
      assertSame(self, self.bernoulli_(0.1, Generator.seeded(9)));
      double[] v = self.toDoubleArray();
      assertTrue(Arrays.stream(v).allMatch(x -> x == 0 || x == 1), "values outside {0, 1}");
      assertEquals(0.1, Arrays.stream(v).average().orElseThrow(), sixSigma(0.1));
      Tensor again = Torch.zeros(new long[] {DRAWS}, DType.FLOAT64).bernoulli_(0.1,
          Generator.seeded(9));
      assertArrayEquals(v, again.toDoubleArray());
    }
  }

  @Test
  void random_drawsEveryIntegerOfTheRangeAndNoOther() {
    try (var scope = TensorScope.open()) {
      Tensor ints = Torch.zeros(new long[] {DRAWS}, DType.INT64);
      assertSame(ints, ints.random_(-3, 4, Generator.seeded(1)));
      long[] v = ints.toLongArray();
      assertTrue(Arrays.stream(v).allMatch(x -> x >= -3 && x < 4), "values outside [-3, 4)");
      assertEquals(7, Arrays.stream(v).distinct().count(), "not every value of [-3, 4) drawn");
      Tensor floats = Torch.zeros(new long[] {1000}, DType.FLOAT32).random_(0, 10);
      double[] f = floats.toDoubleArray();
      assertTrue(Arrays.stream(f).allMatch(x -> x >= 0 && x < 10 && x == Math.rint(x)),
          "float values not whole numbers in [0, 10)");
      long[] same = Torch.zeros(new long[] {DRAWS}, DType.INT64)
          .random_(-3, 4, Generator.seeded(1)).toLongArray();
      assertArrayEquals(v, same);
      assertNotEquals(0, Arrays.stream(v).filter(x -> x < 0).count());
    }
  }

  @Test
  void detach_cutsTheTensorFromTheGraphInPlace() {
    try (var scope = TensorScope.open()) {
      Tensor w = Torch.ones(new long[] {3}, DType.FLOAT64).requiresGrad_(true);
      Tensor y = w.mul(2.0);
      assertTrue(y.requiresGrad());
      assertSame(y, y.detach_());
      assertFalse(y.requiresGrad());
      assertArrayEquals(new double[] {2, 2, 2}, y.toDoubleArray());
    }
  }
}
