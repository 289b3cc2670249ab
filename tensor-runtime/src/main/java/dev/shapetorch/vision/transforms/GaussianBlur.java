package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Blurs with a Gaussian kernel whose sigma is drawn uniformly from {@code [sigmaMin, sigmaMax]}
 * (from {@link dev.shapetorch.data.SampleRandom}), the same for x and y, as torchvision's {@code
 * GaussianBlur}; see {@link TF#gaussianBlur}.
 *
 * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
 */
public final class GaussianBlur implements Transform {

  private final int[] kernelSize;
  private final double[] sigma;

  /**
   * A blur with kernel {@code [x, y]} (or one size for both) and sigma range {@code [min,
   * max]}.
   *
   * @throws IllegalArgumentException if a kernel size is not positive and odd, or the sigma
   *     range is not {@code 0 < min <= max}
   */
  public GaussianBlur(int[] kernelSize, double[] sigma) {
    this.kernelSize = TF.pair("GaussianBlur", "kernelSize", kernelSize);
    for (int k : this.kernelSize) {
      if (k <= 0 || k % 2 == 0) {
        throw new IllegalArgumentException(
            "GaussianBlur: kernelSize must be positive and odd, got "
                + Arrays.toString(kernelSize) + "; use e.g. " + (Math.max(k, 0) | 1));
      }
    }
    this.sigma = Ranges.range("GaussianBlur", "sigma", sigma, Double.MIN_VALUE,
        Double.MAX_VALUE);
  }

  /** A square kernel, torchvision's default sigma range {@code [0.1, 2.0]}. */
  public GaussianBlur(int kernelSize) {
    this(new int[] {kernelSize}, new double[] {0.1, 2.0});
  }

  /** The drawn sigma. */
  double params() {
    return Draw.uniform(sigma[0], sigma[1]);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("GaussianBlur", "TF.", () -> {
      double s = params();
      return TF.gaussianBlur(Images.image(image, "GaussianBlur"), kernelSize, new double[] {s, s});
    });
  }

  @Override
  public String toString() {
    return "GaussianBlur(kernelSize=" + Arrays.toString(kernelSize) + ", sigma="
        + Arrays.toString(sigma) + ")";
  }
}
