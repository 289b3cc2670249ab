package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adamax (Kingma and Ba), Adam with an infinity norm: PyTorch's {@code torch.optim.Adamax}, with
 * the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + eps)
 * p = p - lr / (1 - beta1^t) * m / u
 * </pre>
 *
 * <p>Shape: the state tensors {@code exp_avg} (m) and {@code exp_inf} (u) have each parameter's
 * shape.
 *
 * <pre>{@code
 * var adamax = new Adamax(model.parameters(), AdamaxOptions.lr(2e-3));
 * }</pre>
 */
public final class Adamax extends Optimizer<AdamaxOptions, Adamax.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates t
   * @param expAvg the running average of the gradient, m ({@code exp_avg})
   * @param expInf the exponentially weighted infinity norm, u ({@code exp_inf})
   */
  public record State(long step, Tensor expAvg, Tensor expInf) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_inf", expInf);
      return m;
    }
  }

  /** Adamax over {@code params}, all with {@code options}. */
  public Adamax(List<Parameter> params, AdamaxOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private Adamax(List<ParamGroup<AdamaxOptions>> groups) {
    super("Adamax", AdamaxOptions.class, groups);
  }

  /** Adamax over parameter groups with their own options. */
  public static Adamax ofGroups(List<ParamGroup<AdamaxOptions>> groups) {
    return new Adamax(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, AdamaxOptions o) {
    Tensor expAvg = previous == null ? Torch.zerosLike(param) : previous.expAvg();
    Tensor expInf = previous == null ? Torch.zerosLike(param) : previous.expInf();
    long step = previous == null ? 1 : previous.step() + 1;
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    expAvg.mul_(o.beta1()).add_(g, 1 - o.beta1());
    expInf.copy_(Torch.maximum(expInf.mul_(o.beta2()), g.abs().add_(o.eps())));
    double clr = o.lr() / (1 - Math.pow(o.beta1(), step));
    param.addcdiv_(expAvg, expInf, -clr);
    return new State(step, expAvg, expInf);
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, AdamaxOptions o) {
    return new State(step, required(tensors, "exp_avg", name()),
        required(tensors, "exp_inf", name()));
  }
}
