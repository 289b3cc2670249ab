package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resilient backpropagation (Riedmiller and Braun): PyTorch 1.13's {@code torch.optim.Rprop},
 * with the same update, element by element (each step size starts at {@code lr}, prev at 0):
 *
 * <pre>
 * g = grad (negated when maximising)
 * s = sign(g * prev)
 * stepSize = clamp(stepSize * (etaPlus if s &gt; 0, etaMinus if s &lt; 0, else 1),
 *                  stepSizeMin, stepSizeMax)
 * g = 0 where s &lt; 0          (no move after a sign change)
 * p = p - sign(g) * stepSize
 * prev = g
 * </pre>
 *
 * <p>Only the gradient's sign is used: Rprop is meant for full-batch training.
 *
 * <p>Shape: the state tensors {@code prev} and {@code step_size} have each parameter's shape.
 *
 * <pre>{@code
 * var rprop = new Rprop(model.parameters(), RpropOptions.DEFAULTS.withEtas(0.4, 1.3));
 * }</pre>
 */
public final class Rprop extends Optimizer<RpropOptions, Rprop.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates
   * @param prev the gradient the last update used, zero where its sign had changed ({@code
   *     prev})
   * @param stepSize each element's step size ({@code step_size})
   */
  public record State(long step, Tensor prev, Tensor stepSize) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("prev", prev);
      m.put("step_size", stepSize);
      return m;
    }
  }

  /** Rprop over {@code params}, all with {@code options}. */
  public Rprop(List<Parameter> params, RpropOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private Rprop(List<ParamGroup<RpropOptions>> groups) {
    super("Rprop", RpropOptions.class, groups);
  }

  /** Rprop over parameter groups with their own options. */
  public static Rprop ofGroups(List<ParamGroup<RpropOptions>> groups) {
    return new Rprop(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, RpropOptions o) {
    Tensor prev = previous == null ? Torch.zerosLike(param) : previous.prev();
    Tensor stepSize = previous == null ? Torch.fullLike(param, o.lr()) : previous.stepSize();
    Tensor g = o.maximize() ? grad.neg() : grad.clone();
    // the sign of g * prev becomes the step sizes' factor (a NaN stays NaN, as in PyTorch)
    Tensor factor = g.mul(prev).sign();
    Tensor kept = factor.gt(0);
    Tensor flipped = factor.lt(0);
    Tensor zero = factor.eq(0);
    factor.maskedFill_(kept, o.etaPlus()).maskedFill_(flipped, o.etaMinus()).maskedFill_(zero, 1);
    stepSize.mul_(factor).clamp_(o.stepSizeMin(), o.stepSizeMax());
    g.maskedFill_(flipped, 0);
    param.addcmul_(g.sign(), stepSize, -1);
    prev.copy_(g);
    return new State(previous == null ? 1 : previous.step() + 1, prev, stepSize);
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, RpropOptions o) {
    return new State(step, required(tensors, "prev", name()),
        required(tensors, "step_size", name()));
  }
}
