package dev.shapetorch.nn.padding;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.PadMode;
import dev.shapetorch.tensor.Tensor;

/**
 * Pads the last 2 dims of {@code [C, H, W]} or {@code [N, C, H, W]} with copies of the input's
 * border element: PyTorch's {@code nn.ReplicationPad2d}.
 *
 * <p>Shape: {@code [*b, H, W] -> [*b, H+top+bottom, W+left+right]}; the type lists the pads in
 * PyTorch's order, last dim first: {@code @Shape({"Left", "Right", "Top", "Bottom"})
 * ReplicationPad2d}.
 */
public final class ReplicationPad2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(ReplicationPad2d.class, "input");

  private final Padding padding;

  /**
   * The same pad on every side, as {@code nn.ReplicationPad2d(padding)}.
   *
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"padding", "padding", "padding", "padding"}) ReplicationPad2d(@Dim long padding) {
    this(padding, padding, padding, padding);
  }

  /**
   * A pad per side, last dim first, as {@code nn.ReplicationPad2d((left, right, top, bottom))}.
   *
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"left", "right", "top", "bottom"}) ReplicationPad2d(
      @Dim long left, @Dim long right, @Dim long top, @Dim long bottom) {
    this.padding = new Padding("ReplicationPad2d", PadMode.REPLICATE, 0, left, right, top, bottom);
  }

  /**
   * Pads.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public @Shape({"*b", "H+Top+Bottom", "W+Left+Right"}) Tensor forward(
      @Shape({"Left", "Right", "Top", "Bottom"}) ReplicationPad2d this,
      @Shape({"*b", "H", "W"}) Tensor input) {
    return runForward(input, x -> padding.forward(FORWARD, x));
  }

  /** The pads, last dim first ({@code F.pad}'s order). */
  public long[] pads() {
    return padding.pads();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return padding.repr();
  }
}
