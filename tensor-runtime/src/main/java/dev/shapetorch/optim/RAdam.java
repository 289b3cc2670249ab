package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RAdam (Liu et al.), Adam with a rectified adaptive learning rate: PyTorch 1.13's {@code
 * torch.optim.RAdam}, with the same update:
 *
 * <pre>
 * g = grad + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
 * rhoInf = 2 / (1 - beta2) - 1;      rhoT = rhoInf - 2 t beta2^t / (1 - beta2^t)
 * rhoT > 5:  r = sqrt((rhoT - 4)(rhoT - 2) rhoInf / ((rhoInf - 4)(rhoInf - 2) rhoT))
 *            p = p - lr * m / (1 - beta1^t) * r * sqrt(1 - beta2^t) / (sqrt(v) + eps)
 * otherwise: p = p - lr * m / (1 - beta1^t)
 * </pre>
 *
 * <p>Shape: the state tensors {@code exp_avg} (m) and {@code exp_avg_sq} (v) have each
 * parameter's shape.
 *
 * <pre>{@code
 * var radam = new RAdam(model.parameters(), RAdamOptions.lr(1e-3));
 * }</pre>
 */
public final class RAdam extends Optimizer<RAdamOptions, RAdam.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates t
   * @param expAvg the running average of the gradient, m ({@code exp_avg})
   * @param expAvgSq the running average of its square, v ({@code exp_avg_sq})
   */
  public record State(long step, Tensor expAvg, Tensor expAvgSq) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      return m;
    }
  }

  /** RAdam over {@code params}, all with {@code options}. */
  public RAdam(List<Parameter> params, RAdamOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private RAdam(List<ParamGroup<RAdamOptions>> groups) {
    super("RAdam", RAdamOptions.class, groups);
  }

  /** RAdam over parameter groups with their own options. */
  public static RAdam ofGroups(List<ParamGroup<RAdamOptions>> groups) {
    return new RAdam(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, RAdamOptions o) {
    Tensor expAvg = previous == null ? Torch.zerosLike(param) : previous.expAvg();
    Tensor expAvgSq = previous == null ? Torch.zerosLike(param) : previous.expAvgSq();
    long step = previous == null ? 1 : previous.step() + 1;
    double beta1 = o.beta1();
    double beta2 = o.beta2();
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    Tensor g = grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    expAvg.mul_(beta1).add_(g, 1 - beta1);
    expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
    Tensor corrected = expAvg.div(biasCorrection1);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
    if (rhoT > 5) {
      double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf
          / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      Tensor adaptiveLr =
          expAvgSq.sqrt().add_(o.eps()).reciprocal().mul_(Math.sqrt(biasCorrection2));
      param.add_(corrected.mul_(o.lr()).mul_(adaptiveLr).mul_(rect), -1.0);
    } else {
      param.add_(corrected.mul_(o.lr()), -1.0);
    }
    return new State(step, expAvg, expAvgSq);
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, RAdamOptions o) {
    return new State(step, required(tensors, "exp_avg", name()),
        required(tensors, "exp_avg_sq", name()));
  }
}
