package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;

/**
 * With probability {@code p}, erases a random rectangle, as torchvision's {@code
 * RandomErasing}: up to 10 tries of an area fraction uniform in {@code scale} and a log-uniform
 * aspect ratio in {@code ratio} whose rounded rectangle is smaller than the image, at a uniform
 * position; if none fits the image is kept. The rectangle gets {@code value} (one per channel or
 * one for all), or standard normal noise if {@code value} is null. Draws come from {@link
 * SampleRandom}.
 *
 * <p>Shape: {@code [*, C, H, W]} kept.
 */
public final class RandomErasing implements Transform {

  private final double p;
  private final double[] scale;
  private final double[] ratio;
  private final double[] value;

  /**
   * A random erasing.
   *
   * @param p the probability of erasing
   * @param scale the area fraction range {@code [min, max]} within {@code [0, 1]}
   * @param ratio the aspect ratio range {@code [min, max]}, positive
   * @param value the fill, one value or one per channel; null for normal noise
   * @throws IllegalArgumentException if {@code p} is not a probability or a range is wrong
   */
  public RandomErasing(double p, double[] scale, double[] ratio, double[] value) {
    this.p = Images.probability(p, "RandomErasing");
    this.scale = Ranges.range("RandomErasing", "scale", scale, 0, 1);
    this.ratio = Ranges.range("RandomErasing", "ratio", ratio, Double.MIN_VALUE,
        Double.MAX_VALUE);
    if (value != null && value.length == 0) {
      throw new IllegalArgumentException(
          "RandomErasing: value must have one value or one per channel, got none");
    }
    this.value = Ranges.copy(value);
  }

  /** torchvision's defaults: p 0.5, scale {@code [0.02, 0.33]}, ratio {@code [0.3, 3.3]}, 0. */
  public RandomErasing() {
    this(0.5, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, new double[] {0});
  }

  /** The rectangle {@code [i, j, h, w]} for an image {@code imgH x imgW}, or null if none fit. */
  static long[] params(long imgH, long imgW, double[] scale, double[] ratio) {
    double area = (double) imgH * imgW;
    double logLo = Math.log(ratio[0]);
    double logHi = Math.log(ratio[1]);
    for (int attempt = 0; attempt < 10; attempt++) {
      double eraseArea = area * Draw.uniform(scale[0], scale[1]);
      double aspect = Math.exp(Draw.uniform(logLo, logHi));
      long h = Images.roundHalfEven(Math.sqrt(eraseArea * aspect));
      long w = Images.roundHalfEven(Math.sqrt(eraseArea / aspect));
      if (!(h < imgH && w < imgW)) {
        continue;
      }
      long i = Draw.integer(0, imgH - h + 1);
      long j = Draw.integer(0, imgW - w + 1);
      return new long[] {i, j, h, w};
    }
    return null;
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomErasing", "TF.", () -> {
      if (Images.image(image, "RandomErasing").dim() < 3) {
        throw new IllegalArgumentException(
            "RandomErasing: expects an image [..., C, H, W], got shape "
                + Arrays.toString(image.shape()) + "; add a channel dimension with unsqueeze(0)");
      }
      long c = image.size(-3);
      if (value != null && value.length != 1 && value.length != c) {
        throw new IllegalArgumentException(
            "RandomErasing: value must have one value or one per channel (" + c + "), got "
                + Arrays.toString(value));
      }
      if (!Draw.coin(p)) {
        return image;
      }
      long[] r = params(image.size(-2), image.size(-1), scale, ratio);
      if (r == null) {
        return image;
      }
      Tensor v;
      if (value == null) {
        double[] noise = new double[(int) (c * r[2] * r[3])];
        for (int k = 0; k < noise.length; k++) {
          noise[k] = SampleRandom.current().nextGaussian();
        }
        v = Torch.fromArray(noise, c, r[2], r[3]).to(dev.shapetorch.tensor.DType.FLOAT32);
      } else {
        v = Torch.fromArray(value, value.length, 1, 1);
      }
      return TF.erase(image, r[0], r[1], r[2], r[3], v);
    });
  }

  @Override
  public String toString() {
    return "RandomErasing(p=" + p + ", scale=" + Arrays.toString(scale) + ", ratio="
        + Arrays.toString(ratio) + ", value=" + Arrays.toString(value) + ")";
  }
}
