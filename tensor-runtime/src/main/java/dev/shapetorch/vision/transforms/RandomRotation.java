package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Rotates by an angle drawn uniformly from {@code [degreesMin, degreesMax]} (from {@link
 * dev.shapetorch.data.SampleRandom}), as torchvision's {@code RandomRotation}; see {@link
 * TF#rotate}.
 *
 * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept, or enlarged to hold the whole
 * rotated image if {@code expand}.
 */
public final class RandomRotation implements Transform {

  private final double[] degrees;
  private final InterpolationMode interpolation;
  private final boolean expand;
  private final double[] center;
  private final double[] fill;

  /**
   * A random rotation.
   *
   * @param degrees the angle range {@code [min, max]} in degrees
   * @param interpolation nearest (torchvision's default) or bilinear
   * @param expand whether to enlarge the output to hold the whole rotated image
   * @param center {@code [x, y]} in pixels, or null for the image's centre
   * @param fill the value outside: one, or one per channel
   * @throws IllegalArgumentException if {@code degrees} is not {@code [min, max]}
   */
  public RandomRotation(double[] degrees, InterpolationMode interpolation, boolean expand,
      double[] center, double[] fill) {
    this.degrees = Ranges.range("RandomRotation", "degrees", degrees, -Double.MAX_VALUE,
        Double.MAX_VALUE);
    this.interpolation = Arguments.requireNonNull(interpolation, "interpolation");
    this.expand = expand;
    if (center != null && center.length != 2) {
      throw new IllegalArgumentException(
          "RandomRotation: center must be [x, y], got " + Arrays.toString(center));
    }
    this.center = Ranges.copy(center);
    this.fill = Arguments.requireNonNull(fill, "fill").clone();
  }

  /**
   * Angles in {@code [-degrees, degrees]}, nearest neighbour, zeros outside.
   *
   * @throws IllegalArgumentException if {@code degrees} is negative
   */
  public RandomRotation(double degrees) {
    this(Ranges.symmetric("RandomRotation", "degrees", degrees), InterpolationMode.NEAREST,
        false, null, new double[] {0});
  }

  /** The drawn angle. */
  double params() {
    return Draw.uniform(degrees[0], degrees[1]);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomRotation", "TF.", () -> {
      Images.image(image, "RandomRotation");
      return TF.rotate(image, params(), interpolation, expand, center, fill);
    });
  }

  @Override
  public String toString() {
    return "RandomRotation(degrees=" + Arrays.toString(degrees) + ", " + interpolation
        + ", expand=" + expand + ")";
  }
}
