package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Operations over whole datasets, as PyTorch's {@code torch.utils.data.random_split}.
 *
 * <pre>{@code
 * List<Subset<Sample>> parts = Datasets.randomSplit(train, 42, 55_000, 5_000);
 * List<Subset<Sample>> parts2 = Datasets.randomSplit(train, 42, 0.9, 0.1);
 * }</pre>
 */
public final class Datasets {

  private Datasets() {}

  /**
   * Splits a dataset into non-overlapping random subsets of the given lengths, which must add up
   * to its size. The same seed gives the same split.
   *
   * @throws IllegalArgumentException if a length is negative or they do not add up to the size
   */
  public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long seed, int... lengths) {
    Arguments.requireNonNull(dataset, "dataset");
    long total = 0;
    for (int l : Arguments.requireNonNull(lengths, "lengths")) {
      if (l < 0) {
        throw new IllegalArgumentException(
            "Datasets.randomSplit: negative length " + l + " in " + Arrays.toString(lengths));
      }
      total += l;
    }
    if (total != dataset.size()) {
      throw new IllegalArgumentException(
          "Datasets.randomSplit: lengths " + Arrays.toString(lengths) + " add up to " + total
              + ", but the dataset has " + dataset.size() + " examples");
    }
    int[] perm = permutation(dataset.size(), new SplittableRandom(seed));
    List<Subset<T>> out = new ArrayList<>(lengths.length);
    int start = 0;
    for (int l : lengths) {
      out.add(new Subset<>(dataset, Arrays.copyOfRange(perm, start, start + l)));
      start += l;
    }
    return List.copyOf(out);
  }

  /**
   * Splits a dataset by fractions that add up to 1, as PyTorch: each part gets {@code
   * floor(size * fraction)} examples, and the examples left over go one each to the parts in
   * order, starting from the first.
   *
   * @throws IllegalArgumentException if a fraction is outside [0, 1] or they do not add up to 1
   */
  public static <T> List<Subset<T>> randomSplit(
      Dataset<T> dataset, long seed, double... fractions) {
    Arguments.requireNonNull(dataset, "dataset");
    double sum = 0;
    for (double f : Arguments.requireNonNull(fractions, "fractions")) {
      if (!(f >= 0 && f <= 1)) {
        throw new IllegalArgumentException(
            "Datasets.randomSplit: fraction " + f + " is outside [0, 1]");
      }
      sum += f;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException(
          "Datasets.randomSplit: fractions " + Arrays.toString(fractions) + " add up to " + sum
              + ", not 1; pass lengths instead for a partial split");
    }
    int n = dataset.size();
    int[] lengths = new int[fractions.length];
    int used = 0;
    for (int i = 0; i < fractions.length; i++) {
      lengths[i] = (int) Math.floor(n * fractions[i]);
      used += lengths[i];
    }
    for (int i = 0; used < n; i = (i + 1) % lengths.length, used++) {
      lengths[i]++;
    }
    return randomSplit(dataset, seed, lengths);
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
