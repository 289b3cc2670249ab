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
 * Pads the last 1 dim of {@code [C, W]} or {@code [N, C, W]} with the input's reflection at its
 * border (the border element not repeated): PyTorch's {@code nn.ReflectionPad1d}.
 *
 * <p>Shape: {@code [*b, W] -> [*b, W+left+right]}; the type lists the pads in PyTorch's order,
 * last dim first: {@code @Shape({"Left", "Right"}) ReflectionPad1d}.
 */
public final class ReflectionPad1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(ReflectionPad1d.class, "input");

  private final Padding padding;

  /**
   * The same pad on every side, as {@code nn.ReflectionPad1d(padding)}.
   *
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"padding", "padding"}) ReflectionPad1d(@Dim long padding) {
    this(padding, padding);
  }

  /**
   * A pad per side, last dim first, as {@code nn.ReflectionPad1d((left, right))}.
   *
   * @throws IllegalArgumentException for a negative pad
   */
  public @Shape({"left", "right"}) ReflectionPad1d(@Dim long left, @Dim long right) {
    this.padding = new Padding("ReflectionPad1d", PadMode.REFLECT, 0, left, right);
  }

  /**
   * Pads.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public @Shape({"*b", "W+Left+Right"}) Tensor forward(
      @Shape({"Left", "Right"}) ReflectionPad1d this, @Shape({"*b", "W"}) Tensor input) {
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
