package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * A random affine transform keeping the centre, as torchvision's {@code RandomAffine}: angle
 * uniform in {@code degrees}, translation uniform in {@code [-translate[0] * W, translate[0] *
 * W]} and {@code [-translate[1] * H, translate[1] * H]} rounded to pixels, scale uniform in
 * {@code scale}, shear x uniform in {@code shear[0..1]} and y in {@code shear[2..3]} (draws from
 * {@link dev.shapetorch.data.SampleRandom}). See {@link TF#affine}.
 *
 * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
 */
public final class RandomAffine implements Transform {

  private final double[] degrees;
  private final double[] translate;
  private final double[] scale;
  private final double[] shear;
  private final InterpolationMode interpolation;
  private final double[] fill;
  private final double[] center;

  /**
   * A random affine transform.
   *
   * @param degrees the angle range {@code [min, max]}
   * @param translate the largest translations {@code [a, b]} as fractions of width and height,
   *     in {@code [0, 1]}; null for none
   * @param scale the scale range {@code [min, max]}, positive; null for 1
   * @param shear the x shear range {@code [min, max]}, or x and y ranges {@code [xmin, xmax,
   *     ymin, ymax]}, in degrees; null for none
   * @param interpolation nearest (torchvision's default) or bilinear
   * @param fill the value outside: one, or one per channel
   * @param center {@code [x, y]} in pixels, or null for the image's centre
   * @throws IllegalArgumentException if a range is malformed
   */
  public RandomAffine(double[] degrees, double[] translate, double[] scale, double[] shear,
      InterpolationMode interpolation, double[] fill, double[] center) {
    String op = "RandomAffine";
    this.degrees = Ranges.range(op, "degrees", degrees, -Double.MAX_VALUE, Double.MAX_VALUE);
    if (translate != null && (translate.length != 2 || !(translate[0] >= 0 && translate[0] <= 1)
        || !(translate[1] >= 0 && translate[1] <= 1))) {
      throw new IllegalArgumentException(
          op + ": translate must be [a, b] with values in [0, 1], got "
              + Arrays.toString(translate));
    }
    this.translate = Ranges.copy(translate);
    this.scale = scale == null ? null
        : Ranges.range(op, "scale", scale, Double.MIN_VALUE, Double.MAX_VALUE);
    if (shear != null && shear.length == 4) {
      Ranges.range(op, "shear[0..1]", new double[] {shear[0], shear[1]}, -Double.MAX_VALUE,
          Double.MAX_VALUE);
      Ranges.range(op, "shear[2..3]", new double[] {shear[2], shear[3]}, -Double.MAX_VALUE,
          Double.MAX_VALUE);
      this.shear = shear.clone();
    } else {
      this.shear = shear == null ? null
          : Ranges.range(op, "shear", shear, -Double.MAX_VALUE, Double.MAX_VALUE);
    }
    this.interpolation = Arguments.requireNonNull(interpolation, "interpolation");
    this.fill = Arguments.requireNonNull(fill, "fill").clone();
    if (center != null && center.length != 2) {
      throw new IllegalArgumentException(
          op + ": center must be [x, y], got " + Arrays.toString(center));
    }
    this.center = Ranges.copy(center);
  }

  /**
   * Rotation only, angles in {@code [-degrees, degrees]}.
   *
   * @throws IllegalArgumentException if {@code degrees} is negative
   */
  public RandomAffine(double degrees) {
    this(Ranges.symmetric("RandomAffine", "degrees", degrees), null, null, null,
        InterpolationMode.NEAREST, new double[] {0}, null);
  }

  /**
   * The drawn parameters {@code [angle, tx, ty, scale, shearX, shearY]} for an image {@code w x
   * h}.
   */
  double[] params(long w, long h) {
    double angle = Draw.uniform(degrees[0], degrees[1]);
    double tx = 0;
    double ty = 0;
    if (translate != null) {
      double maxDx = translate[0] * w;
      double maxDy = translate[1] * h;
      tx = Images.roundHalfEven(Draw.uniform(-maxDx, maxDx));
      ty = Images.roundHalfEven(Draw.uniform(-maxDy, maxDy));
    }
    double s = scale == null ? 1.0 : Draw.uniform(scale[0], scale[1]);
    double sx = 0;
    double sy = 0;
    if (shear != null) {
      sx = Draw.uniform(shear[0], shear[1]);
      if (shear.length == 4) {
        sy = Draw.uniform(shear[2], shear[3]);
      }
    }
    return new double[] {angle, tx, ty, s, sx, sy};
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomAffine", "TF.", () -> {
      Images.image(image, "RandomAffine");
      double[] p = params(image.size(-1), image.size(-2));
      return TF.affine(image, p[0], new double[] {p[1], p[2]}, p[3], new double[] {p[4], p[5]},
          interpolation, fill, center);
    });
  }

  @Override
  public String toString() {
    return "RandomAffine(degrees=" + Arrays.toString(degrees) + ", translate="
        + Arrays.toString(translate) + ", scale=" + Arrays.toString(scale) + ", shear="
        + Arrays.toString(shear) + ", " + interpolation + ")";
  }
}
