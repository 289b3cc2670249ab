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
 * Pads the last 2 dims of {@code [C, H, W]} or {@code [N, C, H, W]} with a constant value:
 * PyTorch's {@code nn.ConstantPad2d}. Unlike PyTorch's, it refuses negative pads (which
 * crop): its type holds the pads as sizes; crop with a slice or {@code F.pad}.
 *
 * <p>Shape: {@code [*b, H, W] -> [*b, H+top+bottom, W+left+right]}; the type lists the pads in
 * PyTorch's order, last dim first: {@code @Shape({"Left", "Right", "Top", "Bottom"})
 * ConstantPad2d}.
 */
public final class ConstantPad2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(ConstantPad2d.class, "input");

  private final Padding padding;

  /**
   * The same pad on every side, as {@code nn.ConstantPad2d(padding, value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"padding", "padding", "padding", "padding"})
      ConstantPad2d(@Dim long padding, double value) {
    this(padding, padding, padding, padding, value);
  }

  /**
   * A pad per side, last dim first, as {@code nn.ConstantPad2d((left, right, top, bottom), value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"left", "right", "top", "bottom"}) ConstantPad2d(
      @Dim long left, @Dim long right, @Dim long top, @Dim long bottom, double value) {
    this.padding = new Padding("ConstantPad2d", PadMode.CONSTANT, value, left, right, top, bottom);
  }

  /**
   * Pads.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public @Shape({"*b", "H+Top+Bottom", "W+Left+Right"}) Tensor forward(
      @Shape({"Left", "Right", "Top", "Bottom"}) ConstantPad2d this,
      @Shape({"*b", "H", "W"}) Tensor input) {
    return runForward(input, x -> padding.forward(FORWARD, x));
  }

  /** The pads, last dim first ({@code F.pad}'s order). */
  public long[] pads() {
    return padding.pads();
  }

  /** The padding's value. */
  public double value() {
    return padding.value();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return padding.repr();
  }
}
