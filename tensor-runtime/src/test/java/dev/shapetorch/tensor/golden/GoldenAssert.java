package dev.shapetorch.tensor.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Asserts that a ShapeTorch result equals a fixture's: same shape, same dtype, and values equal
 * within {@code tol * max(1, |expected|)} where {@code tol} is 1e-12 for float64 and 1e-6 for
 * float32. Half-precision values are compared exactly (they come from conversions, which round
 * deterministically); integers and booleans exactly; NaN equals NaN and infinities must match.
 */
final class GoldenAssert {
  private GoldenAssert() {}

  /** Tolerance relative to max(1, |expected|) for float64 results. */
  static final double FLOAT64_TOLERANCE = 1e-12;

  /** Tolerance relative to max(1, |expected|) for float32 results. */
  static final double FLOAT32_TOLERANCE = 1e-6;

  /** Asserts that the op's single result matches the case's single expected tensor. */
  static void assertMatches(GoldenCase c, Tensor actual) {
    assertMatches(c, List.of(actual));
  }

  /** Asserts that the op's results match the case's expected tensors, in order. */
  static void assertMatches(GoldenCase c, List<Tensor> actual) {
    assertEquals(c.expected().size(), actual.size(), c.id() + ": number of results");
    for (int i = 0; i < actual.size(); i++) {
      String where = c.expected().size() == 1 ? c.id() : c.id() + " result " + i;
      assertTensor(where, c.expected().get(i), actual.get(i));
    }
  }

  /** Asserts that one tensor matches one expected fixture tensor. */
  static void assertTensor(String where, GoldenTensor expected, Tensor actual) {
    assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
    assertEquals(expected.dtype(), actual.dtype(), where + ": dtype");
    switch (expected.dtype()) {
      case FLOAT64:
        assertClose(where, expected.doubles(), actual.toDoubleArray(), FLOAT64_TOLERANCE);
        break;
      case FLOAT32:
        assertClose(where, expected.doubles(), toDoubles(actual.toFloatArray()), FLOAT32_TOLERANCE);
        break;
      case FLOAT16:
      case BFLOAT16:
        assertClose(where, expected.doubles(), actual.to(DType.FLOAT64).toDoubleArray(), 0.0);
        break;
      case BOOL:
        assertArrayEquals(expected.booleans(), actual.toBooleanArray(), where + ": values");
        break;
      default:
        assertArrayEquals(expected.longs(), actual.toLongArray(), where + ": values");
        break;
    }
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Element-wise comparison with a tolerance relative to max(1, |expected|). */
  static void assertClose(String where, double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length, where + ": number of values");
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean ok;
      if (Double.isNaN(e) || Double.isInfinite(e)) {
        ok = Double.compare(e, a) == 0;
      } else {
        ok = Math.abs(a - e) <= tol * Math.max(1.0, Math.abs(e));
      }
      if (!ok) {
        throw new AssertionError(
            where
                + ": value "
                + i
                + " is "
                + a
                + ", expected "
                + e
                + " (tolerance "
                + tol
                + ")\n  expected "
                + Arrays.toString(expected)
                + "\n  actual   "
                + Arrays.toString(actual));
      }
    }
  }
}
