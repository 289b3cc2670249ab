package dev.shapetorch.nn.upsampling;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;

/**
 * PyTorch's {@code nn.Upsample}: resizes the two spatial dims of an image batch with {@code
 * F.interpolate}, to a fixed size or by a scale factor, nearest (the default) or bilinear.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}, or {@code [N, C, floor(H * s),
 * floor(W * s)]} with a scale factor {@code s}.
 */
public final class Upsample extends AbstractModule implements UnaryModule {
  private final Resizing resizing;

  /**
   * To {@code size = {H, W}}, nearest, PyTorch's default mode.
   *
   * @throws IllegalArgumentException if {@code size} is not two positive sizes
   */
  public Upsample(long[] size) {
    this(size, InterpolationMode.NEAREST, false);
  }

  /** To {@code size = {H, W}} with {@code mode}, corners not aligned (PyTorch's default). */
  public Upsample(long[] size, InterpolationMode mode) {
    this(size, mode, false);
  }

  /**
   * To {@code size = {H, W}}, as {@code nn.Upsample(size, mode=..., align_corners=...)}.
   *
   * @throws IllegalArgumentException if {@code size} is not two positive sizes or {@code
   *     alignCorners} is set for a mode other than bilinear
   */
  public Upsample(long[] size, InterpolationMode mode, boolean alignCorners) {
    this.resizing = Resizing.toSize("Upsample", size, mode, alignCorners);
  }

  /**
   * By {@code scaleFactor}, nearest, as {@code nn.Upsample(scale_factor=s)}.
   *
   * @throws IllegalArgumentException if {@code scaleFactor} is not positive
   */
  public Upsample(double scaleFactor) {
    this(scaleFactor, InterpolationMode.NEAREST, false);
  }

  /** By {@code scaleFactor} with {@code mode}, corners not aligned (PyTorch's default). */
  public Upsample(double scaleFactor, InterpolationMode mode) {
    this(scaleFactor, mode, false);
  }

  /**
   * By {@code scaleFactor}, as {@code nn.Upsample(scale_factor=s, mode=..., align_corners=...)}.
   *
   * @throws IllegalArgumentException if {@code scaleFactor} is not positive or {@code
   *     alignCorners} is set for a mode other than bilinear
   */
  public Upsample(double scaleFactor, InterpolationMode mode, boolean alignCorners) {
    this.resizing = Resizing.byScale("Upsample", scaleFactor, mode, alignCorners);
  }

  /**
   * Resizes the input.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]} or {@code [N, C, floor(H * s),
   * floor(W * s)]}.
   *
   * @throws IllegalArgumentException if the input is not 4-D
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> resizing.apply(x));
  }

  /** The target size {@code {H, W}}, or null when the layer scales. */
  public long[] size() {
    return resizing.size();
  }

  /** The scale factor, or 0 when the layer has a target size. */
  public double scaleFactor() {
    return resizing.scaleFactor();
  }

  /** How new pixels are computed. */
  public InterpolationMode mode() {
    return resizing.mode();
  }

  /** Whether the corner pixels of input and output are aligned (bilinear only). */
  public boolean alignCorners() {
    return resizing.alignCorners();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch 1.13 prints it: {@code Upsample(scale_factor=2.0, mode=nearest)}. */
  @Override
  public String toString() {
    return resizing.repr("Upsample");
  }
}
