package dev.shapetorch.tensor;

import java.util.Arrays;

/**
 * How far one path's output is from another's, as a fraction of what is allowed: at most 1 is
 * agreement.
 *
 * <p>Element {@code i} of {@code candidate} may differ from {@code reference} by {@code RTOL *
 * |ref_i| + ATOL * max(max_j |ref_j|, scale) + floor}. float32 rounds each operation to a
 * relative 6e-8; the kernels compared here combine at most a few thousand terms per output, so
 * their float32 error stays below about 1e-6 of the output's magnitude (pairwise and blocked
 * sums grow far slower than the number of terms). {@code RTOL = 1e-4} on the element and {@code
 * ATOL = 1e-5} of the whole output's magnitude leave a margin of 10 to 100 over that, yet a wrong
 * kernel (a term dropped or misplaced, a wrong window, a zeroed gradient) is off by at least one
 * term in a few thousand, i.e. 1e-3 of the magnitude or more. The sweep reports the largest ratio
 * it met, which shows the margin actually left.
 */
final class KernelComparison {

  /** Relative tolerance on each element. */
  static final double RTOL = 1e-4;

  /** Tolerance relative to the output's magnitude, for elements formed by cancellation. */
  static final double ATOL = 1e-5;

  /** The worst element: {@code ratio} is its difference over what it was allowed. */
  record Result(double ratio, int index, double candidate, double reference, double allowed) {

    static final Result SAME = new Result(0, -1, 0, 0, 0);

    boolean agrees() {
      return ratio <= 1;
    }

    String describe(long[] shape) {
      if (index < 0) {
        return "agrees";
      }
      return String.format("element %s (flat %d): %s vs %s, |diff| %.3g, allowed %.3g (%.3g x)",
          Arrays.toString(unflatten(index, shape)), index, candidate, reference,
          Math.abs(candidate - reference), allowed, ratio);
    }
  }

  private KernelComparison() {}

  /** Compares two results of the same output. */
  static Result compare(KernelOutputs.Output candidate, KernelOutputs.Output reference) {
    double[] a = candidate.values();
    double[] b = reference.values();
    if (!Arrays.equals(candidate.shape(), reference.shape()) || a.length != b.length) {
      return new Result(Double.POSITIVE_INFINITY, -1, a.length, b.length, 0);
    }
    double magnitude = Math.max(reference.scale(), candidate.scale());
    for (double v : b) {
      if (Double.isFinite(v)) {
        magnitude = Math.max(magnitude, Math.abs(v));
      }
    }
    double floor = Math.max(reference.floor(), candidate.floor());
    Result worst = Result.SAME;
    for (int i = 0; i < a.length; i++) {
      double allowed = reference.exact() ? 0 : RTOL * Math.abs(b[i]) + ATOL * magnitude + floor;
      double ratio = ratio(a[i], b[i], allowed);
      if (ratio > worst.ratio()) {
        worst = new Result(ratio, i, a[i], b[i], allowed);
      }
    }
    return worst;
  }

  private static double ratio(double a, double b, double allowed) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b ? 0 : Double.POSITIVE_INFINITY;
    }
    double diff = Math.abs(a - b);
    if (diff == 0) {
      return 0;
    }
    return allowed == 0 ? Double.POSITIVE_INFINITY : diff / allowed;
  }

  static long[] unflatten(int index, long[] shape) {
    long[] at = new long[shape.length];
    long rest = index;
    for (int d = shape.length - 1; d >= 0; d--) {
      long size = Math.max(shape[d], 1);
      at[d] = rest % size;
      rest /= size;
    }
    return at;
  }
}
