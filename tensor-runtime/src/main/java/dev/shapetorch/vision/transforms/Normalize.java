package dev.shapetorch.vision.transforms;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;

/**
 * Standardises each channel: {@code (x[c] - mean[c]) / std[c]}, as torchvision's {@code
 * Normalize}. Give one value per channel, or one value for all channels.
 *
 * <pre>{@code
 * new Normalize(new double[] {0.2860}, new double[] {0.3530})        // Fashion-MNIST
 * new Normalize(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616})
 * }</pre>
 *
 * <p>Shape: {@code [*batch, C, H, W]} kept; {@code C} must equal the number of means (unless
 * there is one).
 *
 * @param mean the per-channel means
 * @param std the per-channel standard deviations, all non-zero
 */
public record Normalize(double[] mean, double[] std) implements Transform {
  private static final ForwardContract APPLY = Guard.method(Normalize.class, "apply", "image");

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the arrays are empty or differ in length, or a standard
   *     deviation is zero
   */
  public Normalize {
    mean = Arguments.requireNonNull(mean, "mean").clone();
    std = Arguments.requireNonNull(std, "std").clone();
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException(
          "Normalize: give as many standard deviations as means (at least one), got "
              + mean.length + " means and " + std.length + " standard deviations");
    }
    for (double s : std) {
      if (s == 0 || Double.isNaN(s)) {
        throw new IllegalArgumentException(
            "Normalize: standard deviation " + s + " in " + Arrays.toString(std)
                + " would divide by zero");
      }
    }
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /**
   * {@code (image - mean) / std}, per channel.
   *
   * <p>Shape: {@code [*batch, C, H, W]} kept ({@link Rule#IMAGE_NORMALIZE}); {@code C} must
   * equal the number of means, unless there is one.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} below rank 3
   * @throws IllegalArgumentException if the number of means fits neither 1 nor {@code C}
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_NORMALIZE, args = "image")
  public Tensor apply(Tensor image) {
    APPLY.check(Arguments.requireNonNull(image, "image"));
    long channels = image.size(-3);
    if (mean.length != 1 && mean.length != channels) {
      throw new IllegalArgumentException(
          "Normalize: " + mean.length + " means for an image of " + channels + " channels"
              + " (shape " + Arrays.toString(image.shape()) + ")");
    }
    if (mean.length == 1 && image.dtype().isFloatingPoint()) {
      // one channel: number operands, no mean/std tensors to build per call; the difference is
      // a fresh tensor, so dividing it in place is safe and saves a second allocation
      return Torch.sub(image, mean[0]).div_(std[0]);
    }
    long c = mean.length;
    Tensor m = Torch.fromArray(mean, c, 1, 1).to(image.dtype());
    Tensor s = Torch.fromArray(std, c, 1, 1).to(image.dtype());
    return image.sub(m).div(s);
  }

  /** True: the operation is per channel and elementwise. */
  @Override
  public boolean batchable() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalize n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
  }
}
