package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Pads the borders, as torchvision's {@code Pad}; see {@link TF#pad}.
 *
 * <pre>{@code
 * new Pad(new long[] {4}, 0, PaddingMode.REFLECT)   // 4 pixels on every side, mirrored
 * }</pre>
 *
 * <p>Shape: {@code [*, H, W] -> [*, H + top + bottom, W + left + right]}.
 *
 * @param padding one value (all borders), two (left/right, top/bottom) or four (left, top, right,
 *     bottom)
 * @param fill the value for {@link PaddingMode#CONSTANT}
 * @param mode how the border is filled
 */
public record Pad(long[] padding, double fill, PaddingMode mode) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code padding} does not have 1, 2 or 4 values
   */
  public Pad {
    padding = Arguments.requireNonNull(padding, "padding").clone();
    TF.parsePadding("Pad", padding);
    Arguments.requireNonNull(mode, "mode");
  }

  /** {@code padding} zeros on every border. */
  public Pad(long padding) {
    this(new long[] {padding}, 0, PaddingMode.CONSTANT);
  }

  @Override
  public long[] padding() {
    return padding.clone();
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("Pad", "TF.",
        () -> TF.pad(Images.image(image, "Pad"), padding, fill, mode));
  }

  /** True: every image of a batch is padded alike. */
  @Override
  public boolean batchable() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pad p && Arrays.equals(padding, p.padding)
        && Double.compare(fill, p.fill) == 0 && mode == p.mode;
  }

  @Override
  public int hashCode() {
    return (31 * Arrays.hashCode(padding) + Double.hashCode(fill)) * 31 + mode.hashCode();
  }

  @Override
  public String toString() {
    return "Pad(padding=" + Arrays.toString(padding) + ", fill=" + fill + ", mode=" + mode + ")";
  }
}
