package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Crops a random {@code height x width} window, after padding every border with {@code padding}
 * zeros, as torchvision's {@code RandomCrop(size, padding)}. The position is drawn from {@link
 * SampleRandom}: top in {@code [0, H + 2*padding - height]}, left in {@code [0, W + 2*padding -
 * width]}, each uniformly.
 *
 * <pre>{@code
 * new RandomCrop(32, 4)      // CIFAR-10's usual augmentation
 * }</pre>
 *
 * <p>Shape: {@code [*, H, W] -> [*, height, width]}; needs {@code H + 2*padding >= height} and
 * {@code W + 2*padding >= width}.
 *
 * @param height the crop's height
 * @param width the crop's width
 * @param padding zeros added on each border before cropping
 */
public record RandomCrop(int height, int width, int padding) implements Transform {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive or the padding is negative
   */
  public RandomCrop {
    if (height < 1 || width < 1 || padding < 0) {
      throw new IllegalArgumentException(
          "RandomCrop: needs positive sizes and a padding >= 0, got " + height + "x" + width
              + " with padding " + padding);
    }
  }

  /** A square crop of {@code size} after padding each border with {@code padding} zeros. */
  public RandomCrop(int size, int padding) {
    this(size, size, padding);
  }

  /** A square crop of {@code size} without padding. */
  public RandomCrop(int size) {
    this(size, size, 0);
  }

  @Override
  public Tensor apply(Tensor image) {
    if (Arguments.requireNonNull(image, "image").dim() < 2) {
      throw new IllegalArgumentException(
          "RandomCrop: expects an image [..., H, W], got shape " + Arrays.toString(image.shape()));
    }
    long h = image.size(-2) + 2L * padding;
    long w = image.size(-1) + 2L * padding;
    if (h < height || w < width) {
      throw new IllegalArgumentException(
          "RandomCrop: a " + height + "x" + width + " crop does not fit in an image of shape "
              + Arrays.toString(image.shape()) + " padded by " + padding + " (" + h + "x" + w
              + ")");
    }
    Tensor padded = image;
    if (padding > 0) {
      long[] shape = image.shape();
      shape[shape.length - 2] = h;
      shape[shape.length - 1] = w;
      padded = Torch.zeros(shape, image.dtype());
      padded.narrow(-2, padding, image.size(-2)).narrow(-1, padding, image.size(-1)).copy_(image);
    }
    RandomGenerator random = SampleRandom.current();
    long top = random.nextLong(h - height + 1);
    long left = random.nextLong(w - width + 1);
    return padded.narrow(-2, top, height).narrow(-1, left, width).contiguous();
  }
}
