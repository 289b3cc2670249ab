package dev.shapetorch.nn.activation;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The softmax over the channels at every location of an image: PyTorch's {@code nn.Softmax2d},
 * a softmax along dim {@code -3} of {@code [N, C, H, W]} or unbatched {@code [C, H, W]}.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}, {@code [C, H, W] -> [C, H, W]}; another rank
 * is refused.
 */
public final class Softmax2d extends AbstractModule implements UnaryModule {

  /** The only configuration, as {@code nn.Softmax2d()}. */
  public Softmax2d() {}

  /**
   * Applies the softmax along the channels (dim {@code -3}).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}, {@code [C, H, W] -> [C, H, W]}.
   *
   * @throws IllegalArgumentException if the input's rank is not 3 or 4
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    Arguments.requireNonNull(input, "input");
    if (input.dim() != 3 && input.dim() != 4) {
      throw new IllegalArgumentException("Softmax2d.forward: input is " + input.shapeOf()
          + " (rank " + input.dim() + "); it must be [N, C, H, W] or [C, H, W] (for a softmax"
          + " along another dim use Softmax(dim))");
    }
    return F.softmax(input, -3);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Softmax2d()}. */
  @Override
  public String toString() {
    return "Softmax2d()";
  }
}
