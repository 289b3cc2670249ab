package dev.shapetorch.monitor.tensorboard;

import java.util.Arrays;

/**
 * A histogram as TensorBoard stores it ({@code HistogramProto}): the values' minimum, maximum,
 * count, sum and sum of squares, and buckets, where {@code buckets[i]} counts the values below
 * {@code bucketLimits[i]} and at or above the previous limit.
 *
 * <p>{@link #of(double[])} bins values as PyTorch's {@code SummaryWriter.add_histogram} does with
 * its default {@code bins="tensorflow"}: TensorFlow's exponential edges {@code ±1e-12 * 1.1^k}
 * (up to 1e20) and 0, counted as {@code numpy.histogram} counts (values beyond the edges are
 * left out), trimmed to the non-empty buckets plus one empty bucket on the left.
 *
 * @param min the least value
 * @param max the greatest value
 * @param num how many values
 * @param sum their sum
 * @param sumSquares the sum of their squares
 * @param bucketLimits the buckets' upper limits, ascending
 * @param buckets the buckets' counts, one per limit
 */
public record Histogram(
    double min, double max, double num, double sum, double sumSquares,
    double[] bucketLimits, double[] buckets) {

  /** TensorFlow's default edges: {@code -b[k]..., 0, b[k]...}, {@code b = 1e-12 * 1.1^k < 1e20}. */
  private static final double[] TENSORFLOW_EDGES = tensorflowEdges();

  /** Copies the arrays. */
  public Histogram {
    bucketLimits = bucketLimits.clone();
    buckets = buckets.clone();
    if (bucketLimits.length != buckets.length) {
      throw new IllegalArgumentException("Histogram: " + bucketLimits.length + " bucket limits but "
          + buckets.length + " bucket counts; give one count per limit");
    }
  }

  /**
   * The histogram of {@code values}, binned as PyTorch's {@code add_histogram} (see the class
   * comment). Statistics are computed in double precision.
   *
   * @throws IllegalArgumentException if {@code values} is empty, or holds no value within
   *     ±1e20 (the edges' range)
   */
  public static Histogram of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          "Histogram.of: no values; a histogram needs at least one value");
    }
    double[] edges = TENSORFLOW_EDGES;
    long[] counts = new long[edges.length - 1];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    double sumSquares = 0;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sumSquares += v * v;
      if (v < edges[0] || v > edges[edges.length - 1] || Double.isNaN(v)) {
        continue; // numpy.histogram leaves out values beyond the edges
      }
      // + 0.0 turns -0.0 into 0.0, which numpy compares equal to the edge 0
      int i = Arrays.binarySearch(edges, v + 0.0);
      // an exact edge opens its bin (the last edge closes the last bin)
      int bin = i >= 0 ? Math.min(i, counts.length - 1) : -i - 2;
      counts[bin]++;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      throw new IllegalArgumentException("Histogram.of: none of the " + values.length
          + " values lies within ±1e20 (min " + min + ", max " + max + "); scale them first");
    }
    // PyTorch's trimming: the counts of the bins first - 1 (empty; a 0 when first is 0) to last,
    // each against its bin's right edge, edges[first .. last + 1]
    int n = last - first + 2;
    double[] limits = new double[n];
    double[] bucketCounts = new double[n];
    for (int j = 0; j < n; j++) {
      int bin = first - 1 + j;
      bucketCounts[j] = bin < 0 ? 0 : counts[bin];
      limits[j] = edges[first + j];
    }
    return new Histogram(min, max, values.length, sum, sumSquares, limits, bucketCounts);
  }

  @Override
  public double[] bucketLimits() {
    return bucketLimits.clone();
  }

  @Override
  public double[] buckets() {
    return buckets.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h && Double.compare(min, h.min) == 0
        && Double.compare(max, h.max) == 0 && Double.compare(num, h.num) == 0
        && Double.compare(sum, h.sum) == 0 && Double.compare(sumSquares, h.sumSquares) == 0
        && Arrays.equals(bucketLimits, h.bucketLimits) && Arrays.equals(buckets, h.buckets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bucketLimits) + Arrays.hashCode(buckets);
  }

  @Override
  public String toString() {
    return "Histogram[min=" + min + ", max=" + max + ", num=" + num + ", sum=" + sum
        + ", sumSquares=" + sumSquares + ", bucketLimits=" + Arrays.toString(bucketLimits)
        + ", buckets=" + Arrays.toString(buckets) + "]";
  }

  /** The {@code HistogramProto} message. */
  ProtoWriter toProto() {
    return new ProtoWriter()
        .optionalDouble(1, min)
        .optionalDouble(2, max)
        .optionalDouble(3, num)
        .optionalDouble(4, sum)
        .optionalDouble(5, sumSquares)
        .packedDoubles(6, bucketLimits)
        .packedDoubles(7, buckets);
  }

  static Histogram fromProto(ProtoReader r) {
    double[] d = new double[5];
    double[] limits = new double[0];
    double[] counts = new double[0];
    while (r.next()) {
      switch (r.field()) {
        case 1, 2, 3, 4, 5 -> d[r.field() - 1] = r.readDouble();
        case 6 -> limits = concat(limits, r.readDoubles());
        case 7 -> counts = concat(counts, r.readDoubles());
        default -> r.skip();
      }
    }
    return new Histogram(d[0], d[1], d[2], d[3], d[4], limits, counts);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] tensorflowEdges() {
    java.util.List<Double> positive = new java.util.ArrayList<>();
    for (double v = 1e-12; v < 1e20; v *= 1.1) {
      positive.add(v);
    }
    int k = positive.size();
    double[] edges = new double[2 * k + 1];
    for (int i = 0; i < k; i++) {
      edges[k - 1 - i] = -positive.get(i);
      edges[k + 1 + i] = positive.get(i);
    }
    edges[k] = 0;
    return edges;
  }
}
