package dev.shapetorch.nn.upsampling;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.Tensor;

/**
 * PyTorch's {@code nn.UpsamplingBilinear2d}: {@link Upsample} fixed to bilinear with aligned corners ({@code align_corners=True}, as PyTorch fixes it). PyTorch
 * keeps it for old code; {@link Upsample} is the general form.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}, or {@code [N, C, floor(H * s),
 * floor(W * s)]} with a scale factor {@code s}.
 */
public final class UpsamplingBilinear2d extends AbstractModule implements UnaryModule {
  private final Resizing resizing;

  /**
   * To {@code size = {H, W}}.
   *
   * @throws IllegalArgumentException if {@code size} is not two positive sizes
   */
  public UpsamplingBilinear2d(long[] size) {
    this.resizing = Resizing.toSize("UpsamplingBilinear2d", size, InterpolationMode.BILINEAR, true);
  }

  /**
   * By {@code scaleFactor}.
   *
   * @throws IllegalArgumentException if {@code scaleFactor} is not positive
   */
  public UpsamplingBilinear2d(double scaleFactor) {
    this.resizing =
        Resizing.byScale("UpsamplingBilinear2d", scaleFactor, InterpolationMode.BILINEAR, true);
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

  /** As PyTorch 1.13 prints it: {@code UpsamplingBilinear2d(scale_factor=2.0, mode=...)}. */
  @Override
  public String toString() {
    return resizing.repr("UpsamplingBilinear2d");
  }
}
