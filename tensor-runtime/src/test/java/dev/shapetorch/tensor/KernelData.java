package dev.shapetorch.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random sizes, parameters and tensors for {@link KernelCase}s, all drawn from one seed. Values
 * are float32-representable, so that the float32 and float64 paths start from the same numbers.
 */
final class KernelData {

  /** How a tensor's elements lie in memory; the logical values are the same in each. */
  enum Layout {
    /** Row-major. */
    CONTIGUOUS("contiguous"),
    /**
     * Channels (dim 1, or dim 0 unbatched) innermost: {@code contiguous(CHANNELS_LAST)} for a
     * 4-D tensor, a permuted copy seen through a permuted view otherwise.
     */
    CHANNELS_LAST("channels-last"),
    /** The last two dims swapped in memory (a transposed view of a contiguous tensor). */
    TRANSPOSED("transposed"),
    /** Every row a narrow window of a wider row (a sliced view: offset, gaps between rows). */
    SLICED("sliced");

    final String label;

    Layout(String label) {
      this.label = label;
    }
  }

  /** A tensor's logical values, shape and memory layout. */
  record Input(String name, double[] values, long[] shape, Layout layout) {

    /** The tensor in {@code dtype} and the layout. */
    Tensor make(DType dtype) {
      return lay(Torch.fromArray(values, shape).to(dtype), layout);
    }

    /** As {@link #make}, a leaf that requires grad. */
    Tensor leaf(DType dtype) {
      return make(dtype).requiresGrad_(true);
    }

    String describe() {
      return name + Arrays.toString(shape) + " " + layout.label;
    }
  }

  final SplittableRandom random;

  KernelData(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int between(int lo, int hi) {
    return random.nextInt(lo, hi + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double logUniform(double lo, double hi) {
    return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  int pickInt(int... options) {
    return options[random.nextInt(options.length)];
  }

  /**
   * A channel or feature count: mostly small, with the sizes around AVX-512's 16 float lanes
   * (and 8 double lanes) where vectorised loops switch between body and tail.
   */
  int width() {
    return chance(0.6) ? between(1, 5) : pickInt(7, 8, 9, 15, 16, 17, 31, 32, 33, 48);
  }

  /** {@code n} standard normal values rounded to float, times {@code scale}, plus {@code shift}. */
  double[] gaussian(long n, double scale, double shift) {
    double[] v = new double[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextGaussian() * scale + shift);
    }
    return v;
  }

  /** Standard normal values for a tensor of {@code shape}, in {@code layout}. */
  Input input(String name, long[] shape, Layout layout) {
    return new Input(name, gaussian(numel(shape), 1, 0), shape, layout);
  }

  /** A layout that fits a tensor of {@code rank} dims (channels-last needs a channel dim). */
  Layout layout(int rank) {
    if (rank < 2) {
      return Layout.CONTIGUOUS;
    }
    return pick(Layout.CONTIGUOUS, Layout.CONTIGUOUS, Layout.CHANNELS_LAST, Layout.TRANSPOSED,
        Layout.SLICED);
  }

  static long numel(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** {@code t}'s values in {@code layout}; a new tensor, or a view of one. */
  static Tensor lay(Tensor t, Layout layout) {
    int r = t.dim();
    switch (layout) {
      case CONTIGUOUS:
        return t;
      case CHANNELS_LAST: {
        if (r == 4) {
          return t.contiguous(MemoryFormat.CHANNELS_LAST);
        }
        int channel = r >= 3 ? 1 : 0;
        int[] toInner = new int[r];
        int[] back = new int[r];
        for (int d = 0, k = 0; d < r; d++) {
          if (d != channel) {
            toInner[k++] = d;
          }
        }
        toInner[r - 1] = channel;
        for (int d = 0; d < r; d++) {
          back[toInner[d]] = d;
        }
        return t.permute(toInner).contiguous().permute(back);
      }
      case TRANSPOSED:
        return t.transpose(r - 2, r - 1).contiguous().transpose(r - 2, r - 1);
      case SLICED: {
        long last = t.size(r - 1);
        long[] wide = t.shape();
        wide[r - 1] = last + 3;
        Tensor w = Torch.zeros(wide, t.dtype());
        w.narrow(r - 1, 2, last).copy_(t);
        return w.narrow(r - 1, 2, last);
      }
      default:
        throw new IllegalArgumentException("layout " + layout);
    }
  }

  static String longs(long[] v) {
    return Arrays.toString(v);
  }
}
