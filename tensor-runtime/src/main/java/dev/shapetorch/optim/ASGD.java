package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Averaged stochastic gradient descent (Polyak and Juditsky): PyTorch 1.13's {@code
 * torch.optim.ASGD}, with the same update at step t (eta from {@code lr}, mu from 1):
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * p = p * (1 - lambd * eta) - eta * g
 * ax = ax + mu * (p - ax)          (ax = p while mu is 1)
 * eta = lr / (1 + lambd * lr * t)^alpha
 * mu = 1 / max(1, t - t0)
 * </pre>
 *
 * <p>The parameters follow the plain iterates; {@code ax}, the averaged parameter, is state the
 * caller reads (from {@link #states()} or {@link #stateDict()}) to evaluate with.
 *
 * <p>Shape: the state tensor {@code ax} has each parameter's shape; {@code eta} and {@code mu}
 * are 0-d tensors (of the parameter's dtype), as in PyTorch.
 *
 * <pre>{@code
 * var asgd = new ASGD(model.parameters(), ASGDOptions.lr(0.05).withT0(100));
 * }</pre>
 */
public final class ASGD extends Optimizer<ASGDOptions, ASGD.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates t
   * @param eta the step size of the next update, a 0-d tensor ({@code eta})
   * @param mu the averaging weight of the next update, a 0-d tensor ({@code mu})
   * @param ax the averaged parameter ({@code ax})
   */
  public record State(long step, Tensor eta, Tensor mu, Tensor ax) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("eta", eta);
      m.put("mu", mu);
      m.put("ax", ax);
      return m;
    }
  }

  /** ASGD over {@code params}, all with {@code options}. */
  public ASGD(List<Parameter> params, ASGDOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private ASGD(List<ParamGroup<ASGDOptions>> groups) {
    super("ASGD", ASGDOptions.class, groups);
  }

  /** ASGD over parameter groups with their own options. */
  public static ASGD ofGroups(List<ParamGroup<ASGDOptions>> groups) {
    return new ASGD(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, ASGDOptions o) {
    Tensor eta = previous == null ? Torch.scalarTensor(o.lr(), param.dtype()) : previous.eta();
    Tensor mu = previous == null ? Torch.scalarTensor(1.0, param.dtype()) : previous.mu();
    Tensor ax = previous == null ? Torch.zerosLike(param) : previous.ax();
    long step = previous == null ? 1 : previous.step() + 1;
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    double etaNow = eta.item();
    param.mul_(1 - o.lambd() * etaNow);
    param.add_(g, -etaNow);
    if (mu.item() != 1) {
      ax.add_(param.sub(ax).mul_(mu));
    } else {
      ax.copy_(param);
    }
    eta.fill_(o.lr() / Math.pow(1 + o.lambd() * o.lr() * step, o.alpha()));
    mu.fill_(1 / Math.max(1, step - o.t0()));
    return new State(step, eta, mu, ax);
  }

  /** {@code eta} and {@code mu} are 0-d tensors. */
  @Override
  protected Set<String> scalarStates() {
    return Set.of("eta", "mu");
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, ASGDOptions o) {
    return new State(step, required(tensors, "eta", name()), required(tensors, "mu", name()),
        required(tensors, "ax", name()));
  }
}
