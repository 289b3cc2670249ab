package dev.shapetorch.nn.pooling;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.ForwardSignature;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Average pooling to a fixed output size whatever the input's: PyTorch's {@code
 * nn.AdaptiveAvgPool2d}.
 *
 * <p>Type: {@code @Shape({"OH", "OW"}) AdaptiveAvgPool2d}.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]}.
 */
public final class AdaptiveAvgPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD =
      ForwardSignature.of(AdaptiveAvgPool2d.class, "input");

  private final long[] hyper;

  /** A square output, as {@code nn.AdaptiveAvgPool2d(size)}. */
  public @Shape({"size", "size"}) AdaptiveAvgPool2d(@Dim long size) {
    this(size, size);
  }

  /** As {@code nn.AdaptiveAvgPool2d((oh, ow))}. */
  public @Shape({"oh", "ow"}) AdaptiveAvgPool2d(@Dim long oh, @Dim long ow) {
    Checks.positive("AdaptiveAvgPool2d", "output height", oh);
    Checks.positive("AdaptiveAvgPool2d", "output width", ow);
    this.hyper = new long[] {oh, ow};
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]}.
   */
  @Override
  public @Shape({"N", "C", "OH", "OW"}) Tensor forward(
      @Shape({"OH", "OW"}) AdaptiveAvgPool2d this, @Shape({"N", "C", "H", "W"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.adaptiveAvgPool2d(input, hyper[0], hyper[1]);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code AdaptiveAvgPool2d(output_size=(3, 2))}. */
  @Override
  public String toString() {
    return "AdaptiveAvgPool2d(output_size=" + Checks.pair(hyper[0], hyper[1]) + ")";
  }
}
