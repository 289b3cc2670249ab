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
 * Pads the last 1 dim of {@code [C, W]} or {@code [N, C, W]} with a constant value: PyTorch's
 * {@code nn.ConstantPad1d}. Unlike PyTorch's, it refuses negative pads (which
 * crop): its type holds the pads as sizes; crop with a slice or {@code F.pad}.
 *
 * <p>Shape: {@code [*b, W] -> [*b, W+left+right]}; the type lists the pads in PyTorch's order,
 * last dim first: {@code @Shape({"Left", "Right"}) ConstantPad1d}.
 */
public final class ConstantPad1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(ConstantPad1d.class, "input");

  private final Padding padding;

  /**
   * The same pad on every side, as {@code nn.ConstantPad1d(padding, value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"padding", "padding"}) ConstantPad1d(@Dim long padding, double value) {
    this(padding, padding, value);
  }

  /**
   * A pad per side, last dim first, as {@code nn.ConstantPad1d((left, right), value)}.
   *
   * @param value the padding's value
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"left", "right"}) ConstantPad1d(@Dim long left, @Dim long right, double value) {
    this.padding = new Padding("ConstantPad1d", PadMode.CONSTANT, value, left, right);
  }

  /**
   * Pads.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public @Shape({"*b", "W+Left+Right"}) Tensor forward(
      @Shape({"Left", "Right"}) ConstantPad1d this, @Shape({"*b", "W"}) Tensor input) {
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
