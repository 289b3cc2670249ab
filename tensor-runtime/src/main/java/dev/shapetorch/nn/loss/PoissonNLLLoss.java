package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The negative log-likelihood of the target under a Poisson distribution whose rate (or its
 * log) is the input, reduced: PyTorch's {@code nn.PoissonNLLLoss}.
 *
 * <p>Shape: input and target of <em>equal</em> shape {@code [*s]}; the result is 0-d, or
 * {@code [*s]} with {@link Reduction#NONE}.
 */
public final class PoissonNLLLoss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(PoissonNLLLoss.class, "input", "target");

  private final boolean logInput;
  private final boolean full;
  private final double eps;

  /** With PyTorch's defaults: the input is the log of the rate, not full, eps 1e-8, the mean. */
  public @Shape({"1"}) PoissonNLLLoss() {
    this(true, false, 1e-8, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param logInput whether the input is the log of the rate ({@code exp(input) - target *
   *     input}) or the rate ({@code input - target * log(input + eps)})
   * @param full whether to add Stirling's approximation of {@code log(target!)}
   * @param eps keeps {@code log} finite when {@code logInput} is false
   * @param reduction how the per-element losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public PoissonNLLLoss(boolean logInput, boolean full, double eps, Reduction reduction) {
    super("PoissonNLLLoss", reduction);
    this.logInput = logInput;
    this.full = full;
    this.eps = eps;
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced). Checked by {@link
   * Rule#SAME_SHAPE_LOSS_LAYER}, the rank from the module's reduction.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.loss.same]} if the
   *     shapes differ
   */
  @Override
  @ShapeRule(value = Rule.SAME_SHAPE_LOSS_LAYER, args = {"this", "input", "target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    return F.poissonNllLoss(input, target, logInput, full, eps, reduction());
  }

  /** Whether the input is the log of the rate. */
  public boolean logInput() {
    return logInput;
  }

  /** Whether Stirling's term is added. */
  public boolean full() {
    return full;
  }

  /** {@code eps}. */
  public double eps() {
    return eps;
  }
}
