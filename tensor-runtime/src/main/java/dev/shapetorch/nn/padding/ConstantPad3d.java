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
 * Pads the last 3 dims of {@code [C, D, H, W]} or {@code [N, C, D, H, W]} with a constant value:
 * PyTorch's {@code nn.ConstantPad3d}. Unlike PyTorch's, it refuses negative pads (which
 * crop): its type holds the pads as sizes; crop with a slice or {@code F.pad}.
 *
 * <p>Shape: {@code [*b, D, H, W] -> [*b, D+front+back, H+top+bottom, W+left+right]}; the type
 * lists the pads in PyTorch's order, last dim first: {@code @Shape({"Left", "Right", "Top",
 * "Bottom", "Front", "Back"}) ConstantPad3d}.
 */
public final class ConstantPad3d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(ConstantPad3d.class, "input");

  private final Padding padding;

  /**
   * The same pad on every side, as {@code nn.ConstantPad3d(padding, value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"padding", "padding", "padding", "padding", "padding", "padding"})
      ConstantPad3d(@Dim long padding, double value) {
    this(padding, padding, padding, padding, padding, padding, value);
  }

  /**
   * A pad per side, last dim first, as {@code nn.ConstantPad3d((left, right, top, bottom, front,
   * back), value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"left", "right", "top", "bottom", "front", "back"}) ConstantPad3d(
      @Dim long left, @Dim long right, @Dim long top, @Dim long bottom,
      @Dim long front, @Dim long back, double value) {
    this.padding = new Padding("ConstantPad3d", PadMode.CONSTANT, value,
        left, right, top, bottom, front, back);
  }

  /**
   * Pads.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public @Shape({"*b", "D+Front+Back", "H+Top+Bottom", "W+Left+Right"}) Tensor forward(
      @Shape({"Left", "Right", "Top", "Bottom", "Front", "Back"}) ConstantPad3d this,
      @Shape({"*b", "D", "H", "W"}) Tensor input) {
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
