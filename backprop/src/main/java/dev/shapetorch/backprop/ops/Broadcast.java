package dev.shapetorch.backprop.ops;

import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/** Reducing the gradient of a broadcast result back to the shape of an input. */
final class Broadcast {
  private Broadcast() {}

  /**
   * Sums {@code gradient} over the dimensions that broadcasting added or stretched, so that the
   * result has {@code shape} (PyTorch's {@code sum_to_size}): the leading dimensions {@code
   * gradient} has beyond {@code shape}'s rank, and every dimension where {@code shape} has size
   * 1 but {@code gradient} does not.
   *
   * @param gradient the gradient of a broadcast result
   * @param shape the shape of the input that was broadcast
   * @return {@code gradient} itself when the shapes already agree
   */
  static Tensor sumTo(Tensor gradient, long[] shape) {
    long[] g = gradient.shape();
    if (Arrays.equals(g, shape)) {
      return gradient;
    }
    int lead = g.length - shape.length;
    int[] dims = new int[g.length];
    int n = 0;
    for (int i = 0; i < g.length; i++) {
      if (i < lead || (shape[i - lead] == 1 && g[i] != 1)) {
        dims[n++] = i;
      }
    }
    Tensor summed = n == 0 ? gradient : gradient.sum(Arrays.copyOf(dims, n), true);
    return summed.reshape(shape);
  }
}
