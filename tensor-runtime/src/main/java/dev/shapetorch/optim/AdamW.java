package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter): PyTorch's {@code
 * torch.optim.AdamW}. Each step first shrinks the parameters, {@code p = p * (1 - lr *
 * weightDecay)}, then makes {@link Adam}'s update without weight decay in the gradient. Its
 * state is {@link Adam.State}.
 *
 * <p>With {@link AdamWOptions#withFused(boolean) withFused(true)} a step updates all of a group's
 * parameters in one call to libtorch's fused kernel (PyTorch's {@code fused=True}).
 *
 * <pre>{@code
 * var adamw = new AdamW(model.parameters(), AdamWOptions.lr(1e-3).withWeightDecay(0.05));
 * }</pre>
 */
public final class AdamW extends Optimizer<AdamWOptions, Adam.State> {

  private final FusedAdam fusedStep = new FusedAdam(this, true);

  /** AdamW over {@code params}, all with {@code options}. */
  public AdamW(List<Parameter> params, AdamWOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private AdamW(List<ParamGroup<AdamWOptions>> groups) {
    super("AdamW", AdamWOptions.class, groups);
  }

  /** AdamW over parameter groups with their own options. */
  public static AdamW ofGroups(List<ParamGroup<AdamWOptions>> groups) {
    return new AdamW(groups);
  }

  @Override
  protected Adam.State update(Tensor param, Tensor grad, Adam.State previous, AdamWOptions o) {
    Tensor g = o.maximize() ? grad.neg() : grad;
    param.mul_(1 - o.lr() * o.weightDecay());
    return AdamUpdate.step(param, g, previous, o.lr(), o.beta1(), o.beta2(), o.eps(), o.amsgrad());
  }

  /** With {@code fused} options, one fused kernel call per device and dtype; else per parameter. */
  @Override
  protected List<Adam.State> updateGroup(int group, List<Parameter> params, List<Tensor> grads,
      List<Adam.State> previous, AdamWOptions o) {
    if (!o.fused()) {
      return super.updateGroup(group, params, grads, previous, o);
    }
    return fusedStep.step(group, params, grads, previous, o.lr(), o.beta1(), o.beta2(), o.eps(),
        o.weightDecay(), o.amsgrad(), o.maximize());
  }

  @Override
  protected Adam.State restore(long step, Map<String, Tensor> tensors, AdamWOptions o) {
    return Adam.State.restore(name(), step, tensors, o.amsgrad());
  }
}
