package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * With probability {@code p}, moves each corner inwards by a random amount up to {@code
 * distortionScale} of half the image and warps the image by that perspective transform, as
 * torchvision's {@code RandomPerspective} (draws from {@link dev.shapetorch.data.SampleRandom}).
 * See {@link TF#perspective}.
 *
 * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
 *
 * @param distortionScale in {@code [0, 1]}
 * @param p the probability, in {@code [0, 1]}
 * @param interpolation bilinear (torchvision's default) or nearest
 * @param fill the value outside: one, or one per channel
 */
public record RandomPerspective(
    double distortionScale, double p, InterpolationMode interpolation, double[] fill)
    implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code distortionScale} or {@code p} is outside
   *     {@code [0, 1]}
   */
  public RandomPerspective {
    if (!(distortionScale >= 0 && distortionScale <= 1)) {
      throw new IllegalArgumentException(
          "RandomPerspective: distortionScale must be in [0, 1], got " + distortionScale);
    }
    Images.probability(p, "RandomPerspective");
    Arguments.requireNonNull(interpolation, "interpolation");
    fill = Arguments.requireNonNull(fill, "fill").clone();
  }

  /** torchvision's defaults: distortion 0.5, p 0.5, bilinear, zeros outside. */
  public RandomPerspective() {
    this(0.5, 0.5, InterpolationMode.BILINEAR, new double[] {0});
  }

  @Override
  public double[] fill() {
    return fill.clone();
  }

  /** The drawn {@code [startpoints, endpoints]} for an image {@code w x h}. */
  static int[][][] params(int w, int h, double distortionScale) {
    int halfH = h / 2;
    int halfW = w / 2;
    int dx = (int) (distortionScale * halfW);
    int dy = (int) (distortionScale * halfH);
    int[] topLeft = {(int) Draw.integer(0, dx + 1), (int) Draw.integer(0, dy + 1)};
    int[] topRight = {(int) Draw.integer(w - dx - 1, w), (int) Draw.integer(0, dy + 1)};
    int[] botRight = {(int) Draw.integer(w - dx - 1, w), (int) Draw.integer(h - dy - 1, h)};
    int[] botLeft = {(int) Draw.integer(0, dx + 1), (int) Draw.integer(h - dy - 1, h)};
    int[][] start = {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}};
    return new int[][][] {start, {topLeft, topRight, botRight, botLeft}};
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomPerspective", "TF.", () -> {
      Images.image(image, "RandomPerspective");
      if (!Draw.coin(p)) {
        return image;
      }
      int[][][] pts = params((int) image.size(-1), (int) image.size(-2), distortionScale);
      return TF.perspective(image, pts[0], pts[1], interpolation, fill);
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RandomPerspective r && Double.compare(distortionScale, r.distortionScale)
        == 0 && Double.compare(p, r.p) == 0 && interpolation == r.interpolation
        && Arrays.equals(fill, r.fill);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {distortionScale, p}) * 31 + Arrays.hashCode(fill);
  }

  @Override
  public String toString() {
    return "RandomPerspective(distortionScale=" + distortionScale + ", p=" + p + ", "
        + interpolation + ", fill=" + Arrays.toString(fill) + ")";
  }
}
