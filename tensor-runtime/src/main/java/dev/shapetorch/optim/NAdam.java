package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NAdam (Dozat), Adam with Nesterov momentum: PyTorch 1.13's {@code torch.optim.NAdam}, with the
 * same update:
 *
 * <pre>
 * g = grad + weightDecay * p
 * mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentumDecay))
 * P = P * mu_t          (mu_product, from 1)
 * m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
 * d = sqrt(v / (1 - beta2^t)) + eps
 * p = p - lr * (1 - mu_t) / (1 - P) * g / d - lr * mu_{t+1} / (1 - P * mu_{t+1}) * m / d
 * </pre>
 *
 * <p>Shape: the state tensors {@code exp_avg} (m) and {@code exp_avg_sq} (v) have each
 * parameter's shape; {@code mu_product} (P) is a 0-d tensor, as in PyTorch.
 *
 * <pre>{@code
 * var nadam = new NAdam(model.parameters(), NAdamOptions.lr(2e-3));
 * }</pre>
 */
public final class NAdam extends Optimizer<NAdamOptions, NAdam.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates t
   * @param muProduct the product of the momentum schedule so far, a 0-d tensor ({@code
   *     mu_product})
   * @param expAvg the running average of the gradient, m ({@code exp_avg})
   * @param expAvgSq the running average of its square, v ({@code exp_avg_sq})
   */
  public record State(long step, Tensor muProduct, Tensor expAvg, Tensor expAvgSq)
      implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("mu_product", muProduct);
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      return m;
    }
  }

  /** NAdam over {@code params}, all with {@code options}. */
  public NAdam(List<Parameter> params, NAdamOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private NAdam(List<ParamGroup<NAdamOptions>> groups) {
    super("NAdam", NAdamOptions.class, groups);
  }

  /** NAdam over parameter groups with their own options. */
  public static NAdam ofGroups(List<ParamGroup<NAdamOptions>> groups) {
    return new NAdam(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, NAdamOptions o) {
    Tensor muProduct = previous == null
        ? Torch.scalarTensor(1.0, param.dtype()) : previous.muProduct();
    Tensor expAvg = previous == null ? Torch.zerosLike(param) : previous.expAvg();
    Tensor expAvgSq = previous == null ? Torch.zerosLike(param) : previous.expAvgSq();
    long step = previous == null ? 1 : previous.step() + 1;
    double beta1 = o.beta1();
    double beta2 = o.beta2();
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    Tensor g = grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    double mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * o.momentumDecay()));
    double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * o.momentumDecay()));
    muProduct.mul_(mu);
    double product = muProduct.item();
    double productNext = muProduct.mul(mu).mul_(muNext).item();
    expAvg.mul_(beta1).add_(g, 1 - beta1);
    expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
    Tensor denom = expAvgSq.div(biasCorrection2).sqrt_().add_(o.eps());
    param.addcdiv_(g, denom, -o.lr() * (1 - mu) / (1 - product));
    param.addcdiv_(expAvg, denom, -o.lr() * muNext / (1 - productNext));
    return new State(step, muProduct, expAvg, expAvgSq);
  }

  /** {@code mu_product} is a 0-d tensor. */
  @Override
  protected Set<String> scalarStates() {
    return Set.of("mu_product");
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, NAdamOptions o) {
    return new State(step, required(tensors, "mu_product", name()),
        required(tensors, "exp_avg", name()), required(tensors, "exp_avg_sq", name()));
  }
}
