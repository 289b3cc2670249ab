package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Randomly changes brightness, contrast, saturation and hue, as torchvision's {@code
 * ColorJitter}: each factor is drawn uniformly from its range, and the four adjustments run in
 * an order shuffled on each call (all draws from {@link dev.shapetorch.data.SampleRandom}). A
 * range of {@code [1, 1]} ({@code [0, 0]} for hue) skips that adjustment.
 *
 * <pre>{@code
 * new ColorJitter(0.4, 0.4, 0.4, 0.1)
 * }</pre>
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 */
public final class ColorJitter implements Transform {

  private final double[] brightness;
  private final double[] contrast;
  private final double[] saturation;
  private final double[] hue;

  /**
   * Factors drawn from the ranges given as {@code [min, max]}.
   *
   * @param brightness factors {@code >= 0}
   * @param contrast factors {@code >= 0}
   * @param saturation factors {@code >= 0}
   * @param hue shifts in {@code [-0.5, 0.5]}
   * @throws IllegalArgumentException if a range is not {@code [min, max]} within those bounds
   */
  public ColorJitter(double[] brightness, double[] contrast, double[] saturation, double[] hue) {
    this.brightness = Ranges.range("ColorJitter", "brightness", brightness, 0, Double.MAX_VALUE);
    this.contrast = Ranges.range("ColorJitter", "contrast", contrast, 0, Double.MAX_VALUE);
    this.saturation = Ranges.range("ColorJitter", "saturation", saturation, 0, Double.MAX_VALUE);
    this.hue = Ranges.range("ColorJitter", "hue", hue, -0.5, 0.5);
  }

  /**
   * torchvision's single-number form: factors in {@code [max(0, 1 - v), 1 + v]} and the hue
   * shift in {@code [-hue, hue]}.
   *
   * @throws IllegalArgumentException if a value is negative or {@code hue > 0.5}
   */
  public ColorJitter(double brightness, double contrast, double saturation, double hue) {
    this(around("brightness", brightness), around("contrast", contrast),
        around("saturation", saturation), hueRange(hue));
  }

  /** Brightness only, the others kept. */
  public ColorJitter(double brightness) {
    this(brightness, 0, 0, 0);
  }

  private static double[] around(String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(
          "ColorJitter: a single " + name + " must be >= 0, got " + v);
    }
    return new double[] {Math.max(0, 1 - v), 1 + v};
  }

  private static double[] hueRange(double v) {
    if (!(v >= 0 && v <= 0.5)) {
      throw new IllegalArgumentException(
          "ColorJitter: a single hue must be in [0, 0.5], got " + v);
    }
    return new double[] {-v, v};
  }

  /**
   * The drawn parameters: {@code [order0..order3, brightness, contrast, saturation, hue]}, NaN
   * for a skipped adjustment; order indices 0 brightness, 1 contrast, 2 saturation, 3 hue.
   */
  double[] params() {
    int[] order = Draw.permutation(4);
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      out[i] = order[i];
    }
    double[][] ranges = {brightness, contrast, saturation, hue};
    for (int k = 0; k < 4; k++) {
      double neutral = k == 3 ? 0 : 1;
      double[] r = ranges[k];
      out[4 + k] = r[0] == neutral && r[1] == neutral ? Double.NaN : Draw.uniform(r[0], r[1]);
    }
    return out;
  }

  /** Applies the parameters from {@link #params()}. */
  static Tensor apply(Tensor image, double[] params) {
    Tensor x = image;
    for (int i = 0; i < 4; i++) {
      int k = (int) params[i];
      double f = params[4 + k];
      if (Double.isNaN(f)) {
        continue;
      }
      x = switch (k) {
        case 0 -> TF.adjustBrightness(x, f);
        case 1 -> TF.adjustContrast(x, f);
        case 2 -> TF.adjustSaturation(x, f);
        default -> TF.adjustHue(x, f);
      };
    }
    return x;
  }

  @Override
  public Tensor apply(Tensor image) {
    Images.channels(image, "ColorJitter", 1, 3);
    return apply(image, params());
  }

  @Override
  public String toString() {
    return "ColorJitter(brightness=" + Arrays.toString(brightness) + ", contrast="
        + Arrays.toString(contrast) + ", saturation=" + Arrays.toString(saturation) + ", hue="
        + Arrays.toString(hue) + ")";
  }
}
