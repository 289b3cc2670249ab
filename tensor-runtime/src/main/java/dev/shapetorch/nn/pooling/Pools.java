package dev.shapetorch.nn.pooling;

import dev.shapetorch.nn.internal.Checks;

/** What the pooling layers share: reprs and the output-size checks. Package-private. */
final class Pools {
  private Pools() {}

  /** One size when the three are equal, else the triple, as PyTorch prints a 3-D size. */
  static String sizes(long d, long h, long w) {
    return d == h && h == w ? Long.toString(d) : Checks.tuple(d, h, w);
  }

  /** Checks each of an adaptive pooling's output sizes is positive. */
  static void outputSizes(String layer, long... sizes) {
    String[] names = sizes.length == 1 ? new String[] {"output length"}
        : sizes.length == 2 ? new String[] {"output height", "output width"}
        : new String[] {"output depth", "output height", "output width"};
    for (int i = 0; i < sizes.length; i++) {
      Checks.positive(layer, names[i], sizes[i]);
    }
  }

}
