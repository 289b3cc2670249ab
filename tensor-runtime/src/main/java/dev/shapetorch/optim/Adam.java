package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba), optionally with AMSGrad and L2 weight decay: PyTorch's {@code
 * torch.optim.Adam}, with the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
 * vmax = max(vmax, v)  (AMSGrad, used instead of v below)
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * <p>With {@link AdamOptions#withFused(boolean) withFused(true)} a step updates all of a group's
 * parameters in one call to libtorch's fused kernel (PyTorch's {@code fused=True}), with the
 * same states and the same results to float rounding.
 *
 * <pre>{@code
 * var adam = new Adam(model.parameters(), AdamOptions.lr(1e-3));
 * }</pre>
 */
public final class Adam extends Optimizer<AdamOptions, Adam.State> {

  /**
   * The state of one parameter (Adam's and AdamW's).
   *
   * @param step the number of updates t
   * @param expAvg the running average of the gradient, m ({@code exp_avg})
   * @param expAvgSq the running average of its square, v ({@code exp_avg_sq})
   * @param maxExpAvgSq the maximum of v so far with AMSGrad ({@code max_exp_avg_sq}), else null
   */
  public record State(long step, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq)
      implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      if (maxExpAvgSq != null) {
        m.put("max_exp_avg_sq", maxExpAvgSq);
      }
      return m;
    }

    /** The state from saved tensors. */
    static State restore(String optimizer, long step, Map<String, Tensor> t, boolean amsgrad) {
      return new State(step, required(t, "exp_avg", optimizer), required(t, "exp_avg_sq", optimizer),
          amsgrad ? required(t, "max_exp_avg_sq", optimizer) : t.get("max_exp_avg_sq"));
    }
  }

  private final FusedAdam fusedStep = new FusedAdam(this, false);

  /** Adam over {@code params}, all with {@code options}. */
  public Adam(List<Parameter> params, AdamOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private Adam(List<ParamGroup<AdamOptions>> groups) {
    super("Adam", AdamOptions.class, groups);
  }

  /** Adam over parameter groups with their own options. */
  public static Adam ofGroups(List<ParamGroup<AdamOptions>> groups) {
    return new Adam(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, AdamOptions o) {
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    return AdamUpdate.step(param, g, previous, o.lr(), o.beta1(), o.beta2(), o.eps(), o.amsgrad());
  }

  /** With {@code fused} options, one fused kernel call per device and dtype; else per parameter. */
  @Override
  protected List<State> updateGroup(int group, List<Parameter> params, List<Tensor> grads,
      List<State> previous, AdamOptions o) {
    if (!o.fused()) {
      return super.updateGroup(group, params, grads, previous, o);
    }
    return fusedStep.step(group, params, grads, previous, o.lr(), o.beta1(), o.beta2(), o.eps(),
        o.weightDecay(), o.amsgrad(), o.maximize());
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, AdamOptions o) {
    return State.restore(name(), step, tensors, o.amsgrad());
  }
}
