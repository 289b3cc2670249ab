package dev.shapetorch.vision.transforms;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Crops a random window of random area and aspect ratio, then resizes it to {@code height x
 * width} (bilinear, no antialiasing), as torchvision's {@code RandomResizedCrop}. The window
 * follows torchvision's {@code get_params}: up to 10 tries of an area fraction uniform in
 * {@code scale} and a log-uniform aspect ratio in {@code ratio}, whose rounded window fits the
 * image, at a uniform position; else a central crop clamped to {@code ratio}. Draws come from
 * {@link dev.shapetorch.data.SampleRandom}.
 *
 * <pre>{@code
 * new RandomResizedCrop(224)   // ImageNet training
 * }</pre>
 *
 * <p>Shape: {@code [C, H, W] -> [C, height, width]}, {@code [B, C, H, W] -> [B, C, height,
 * width]} (one window for the batch).
 */
public final class RandomResizedCrop implements Transform {
  private static final ForwardContract APPLY =
      Guard.method(RandomResizedCrop.class, "apply", "image");

  private final int height;
  private final int width;
  private final double[] scale;
  private final double[] ratio;

  /**
   * A crop resized to {@code height x width}.
   *
   * @param scale the area fraction range {@code [min, max]}, {@code 0 <= min <= max}
   * @param ratio the aspect ratio (width / height) range {@code [min, max]}, positive
   * @throws IllegalArgumentException if a size is not positive or a range is not {@code [min,
   *     max]}
   */
  public @Shape({"height", "width"}) RandomResizedCrop(
      @Dim int height, @Dim int width, double[] scale, double[] ratio) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "RandomResizedCrop: sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
    this.scale = Ranges.range("RandomResizedCrop", "scale", scale, 0, Double.MAX_VALUE);
    this.ratio = Ranges.range("RandomResizedCrop", "ratio", ratio, Double.MIN_VALUE,
        Double.MAX_VALUE);
  }

  /** Square output, torchvision's defaults: scale {@code [0.08, 1]}, ratio {@code [3/4, 4/3]}. */
  public @Shape({"size", "size"}) RandomResizedCrop(@Dim int size) {
    this(size, size, new double[] {0.08, 1.0}, new double[] {3.0 / 4.0, 4.0 / 3.0});
  }

  /** The output height. */
  public int height() {
    return height;
  }

  /** The output width. */
  public int width() {
    return width;
  }

  /**
   * The window {@code [top, left, height, width]} for an image {@code h x w}, drawn as
   * torchvision's {@code RandomResizedCrop.get_params}.
   */
  static long[] params(long h, long w, double[] scale, double[] ratio) {
    double area = (double) h * w;
    double logLo = Math.log(ratio[0]);
    double logHi = Math.log(ratio[1]);
    for (int attempt = 0; attempt < 10; attempt++) {
      double targetArea = area * Draw.uniform(scale[0], scale[1]);
      double aspect = Math.exp(Draw.uniform(logLo, logHi));
      long cw = Images.roundHalfEven(Math.sqrt(targetArea * aspect));
      long ch = Images.roundHalfEven(Math.sqrt(targetArea / aspect));
      if (0 < cw && cw <= w && 0 < ch && ch <= h) {
        long i = Draw.integer(0, h - ch + 1);
        long j = Draw.integer(0, w - cw + 1);
        return new long[] {i, j, ch, cw};
      }
    }
    double inRatio = (double) w / h;
    long cw;
    long ch;
    if (inRatio < ratio[0]) {
      cw = w;
      ch = Images.roundHalfEven(cw / ratio[0]);
    } else if (inRatio > ratio[1]) {
      ch = h;
      cw = Images.roundHalfEven(ch * ratio[1]);
    } else {
      cw = w;
      ch = h;
    }
    return new long[] {(h - ch) / 2, (w - cw) / 2, ch, cw};
  }

  /**
   * A random crop of the image, resized to {@code height x width}.
   *
   * <p>Shape: {@code [C, H, W] -> [C, height, width]}, {@code [B, C, H, W] -> [B, C, height,
   * width]} ({@link Rule#IMAGE_RESIZE}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for another rank
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_RESIZE, args = {"this", "image"})
  public Tensor apply(Tensor image) {
    APPLY.check(new long[] {height, width}, Arguments.requireNonNull(image, "image"));
    return Images.as("RandomResizedCrop", "TF.", () -> {
      long[] p = params(image.size(-2), image.size(-1), scale, ratio);
      return TF.resizedCrop(image, p[0], p[1], p[2], p[3], height, width);
    });
  }

  @Override
  public String toString() {
    return "RandomResizedCrop(size=" + height + "x" + width + ", scale="
        + Arrays.toString(scale) + ", ratio=" + Arrays.toString(ratio) + ")";
  }
}
