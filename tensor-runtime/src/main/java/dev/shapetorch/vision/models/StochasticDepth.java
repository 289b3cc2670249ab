package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;

/**
 * Stochastic depth (Huang et al.), as torchvision's {@code ops.StochasticDepth}: in training
 * mode, drops the input (a residual branch) with probability {@code p} and scales what is kept by
 * {@code 1/(1-p)}; in evaluation mode, the identity. Mode {@code "row"} draws once per sample
 * (the first dim), {@code "batch"} once for the whole batch. No parameters.
 *
 * <p>Shape: {@code [N, *s] -> [N, *s]}.
 */
public final class StochasticDepth extends AbstractModule implements UnaryModule {
  private final double p;
  private final String mode;

  /**
   * With drop probability {@code p} and mode {@code "row"} or {@code "batch"}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1} and the mode is one of these
   */
  public StochasticDepth(double p, String mode) {
    Checks.probability("StochasticDepth", p);
    if (!"row".equals(mode) && !"batch".equals(mode)) {
      throw Arguments.invalid("StochasticDepth",
          "mode must be \"row\" or \"batch\", got " + (mode == null ? "null" : "\"" + mode + "\""));
    }
    this.p = p;
    this.mode = mode;
  }

  /**
   * Drops rows (or the batch) in training mode; returns the input in evaluation mode or when
   * {@code p} is 0.
   *
   * <p>Shape: {@code [N, *s] -> [N, *s]}.
   *
   * @throws IllegalArgumentException in row mode, if the input is 0-d
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    Arguments.requireNonNull(input, "input");
    if (!isTraining() || p == 0.0) {
      return input;
    }
    long[] size = new long[input.dim()];
    Arrays.fill(size, 1);
    if ("row".equals(mode)) {
      if (size.length == 0) {
        throw Arguments.invalid("StochasticDepth.forward",
            "row mode needs a batch dim, got a 0-d input; use mode \"batch\"");
      }
      size[0] = input.shape()[0];
    }
    double survival = 1.0 - p;
    Tensor noise = Torch.rand(size, input.dtype(), input.device()).lt(survival).to(input.dtype());
    if (survival > 0.0) {
      noise = noise.div(survival);
    }
    return input.mul(noise);
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  /** {@code "row"} or {@code "batch"}. */
  public String mode() {
    return mode;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As torchvision prints it: {@code StochasticDepth(p=0.2, mode=row)}. */
  @Override
  public String toString() {
    return "StochasticDepth(p=" + Checks.pyFloat(p) + ", mode=" + mode + ")";
  }
}
