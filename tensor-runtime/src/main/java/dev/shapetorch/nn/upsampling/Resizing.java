package dev.shapetorch.nn.upsampling;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.Locale;

/**
 * What the upsampling layers hold: a target size or a scale factor, a mode and whether corners
 * are aligned; checked once when a layer is built.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]} or {@code [N, C, floor(H * s),
 * floor(W * s)]}.
 */
final class Resizing {
  private final String layer;
  private final long[] size;
  private final double scaleFactor;
  private final InterpolationMode mode;
  private final boolean alignCorners;

  private Resizing(String layer, long[] size, double scaleFactor, InterpolationMode mode,
      boolean alignCorners) {
    this.layer = layer;
    this.mode = Arguments.requireNonNull(mode, "mode");
    if (alignCorners && mode != InterpolationMode.BILINEAR) {
      throw new IllegalArgumentException(layer + ": alignCorners only applies to bilinear"
          + " interpolation, got mode " + mode + "; pass false or use BILINEAR");
    }
    if (size != null) {
      if (size.length != 2 || size[0] < 1 || size[1] < 1) {
        throw new IllegalArgumentException(layer + ": size must give two positive spatial sizes"
            + " {H, W}, got " + java.util.Arrays.toString(size));
      }
    } else if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new IllegalArgumentException(layer + ": scaleFactor must be a positive finite"
          + " number, got " + scaleFactor);
    }
    this.size = size == null ? null : size.clone();
    this.scaleFactor = scaleFactor;
    this.alignCorners = alignCorners;
  }

  static Resizing toSize(String layer, long[] size, InterpolationMode mode,
      boolean alignCorners) {
    return new Resizing(layer, Arguments.requireNonNull(size, "size"), 0, mode, alignCorners);
  }

  static Resizing byScale(String layer, double scaleFactor, InterpolationMode mode,
      boolean alignCorners) {
    return new Resizing(layer, null, scaleFactor, mode, alignCorners);
  }

  Tensor apply(Tensor input) {
    if (Arguments.requireNonNull(input, "input").dim() != 4) {
      throw new IllegalArgumentException(layer + ".forward: expected a 4-D input [N, C, H, W],"
          + " got " + input.shapeOf() + "; add the batch dim with unsqueeze(0)");
    }
    try {
      return size != null ? F.interpolate(input, size, mode, alignCorners)
          : F.interpolate(input, scaleFactor, mode, alignCorners);
    } catch (ShapeException e) {
      ShapeException renamed = new ShapeException(e.mismatch().withOp(layer + ".forward"));
      renamed.setStackTrace(e.getStackTrace());
      throw renamed;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(layer + ".forward: " + e.getMessage(), e);
    }
  }

  long[] size() {
    return size == null ? null : size.clone();
  }

  double scaleFactor() {
    return scaleFactor;
  }

  InterpolationMode mode() {
    return mode;
  }

  boolean alignCorners() {
    return alignCorners;
  }

  /** PyTorch 1.13's repr: {@code Name(scale_factor=2.0, mode=nearest)}, {@code size=(4, 6)}. */
  String repr(String name) {
    String info = size != null ? "size=(" + size[0] + ", " + size[1] + ")"
        : "scale_factor=" + scaleFactor;
    return name + "(" + info + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + ")";
  }
}
