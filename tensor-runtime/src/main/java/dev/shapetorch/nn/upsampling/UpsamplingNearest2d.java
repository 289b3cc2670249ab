package dev.shapetorch.nn.upsampling;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;

/**
 * PyTorch's {@code nn.UpsamplingNearest2d}: {@link Upsample} fixed to nearest-neighbour. PyTorch
 * keeps it for old code; {@link Upsample} is the general form.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}, or {@code [N, C, floor(H * s),
 * floor(W * s)]} with a scale factor {@code s}.
 */
public final class UpsamplingNearest2d extends AbstractModule implements UnaryModule {
  private final Resizing resizing;

  /**
   * To {@code size = {H, W}}.
   *
   * @throws IllegalArgumentException if {@code size} is not two positive sizes
   */
  public UpsamplingNearest2d(long[] size) {
    this.resizing = Resizing.toSize("UpsamplingNearest2d", size, InterpolationMode.NEAREST, false);
  }

  /**
   * By {@code scaleFactor}.
   *
   * @throws IllegalArgumentException if {@code scaleFactor} is not positive
   */
  public UpsamplingNearest2d(double scaleFactor) {
    this.resizing =
        Resizing.byScale("UpsamplingNearest2d", scaleFactor, InterpolationMode.NEAREST, false);
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

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch 1.13 prints it: {@code UpsamplingNearest2d(scale_factor=2.0, mode=...)}. */
  @Override
  public String toString() {
    return resizing.repr("UpsamplingNearest2d");
  }
}
