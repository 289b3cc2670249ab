package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Hinton), optionally centered and with momentum: PyTorch's {@code
 * torch.optim.RMSprop}, with the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * v = alpha * v + (1 - alpha) * g * g
 * avg = sqrt(v - gAvg^2) + eps  with  gAvg = alpha * gAvg + (1 - alpha) * g  (centered)
 * avg = sqrt(v) + eps                                                       (otherwise)
 * buf = momentum * buf + g / avg;  p = p - lr * buf     (momentum > 0)
 * p = p - lr * g / avg                                  (otherwise)
 * </pre>
 *
 * <pre>{@code
 * var rms = new RMSprop(model.parameters(), RMSpropOptions.lr(1e-3));
 * }</pre>
 */
public final class RMSprop extends Optimizer<RMSpropOptions, RMSprop.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates
   * @param squareAvg the running average of the squared gradient ({@code square_avg})
   * @param momentumBuffer the momentum buffer when momentum > 0 ({@code momentum_buffer}), else
   *     null
   * @param gradAvg the running average of the gradient when centered ({@code grad_avg}), else
   *     null
   */
  public record State(long step, Tensor squareAvg, Tensor momentumBuffer, Tensor gradAvg)
      implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("square_avg", squareAvg);
      if (momentumBuffer != null) {
        m.put("momentum_buffer", momentumBuffer);
      }
      if (gradAvg != null) {
        m.put("grad_avg", gradAvg);
      }
      return m;
    }
  }

  /** RMSprop over {@code params}, all with {@code options}. */
  public RMSprop(List<Parameter> params, RMSpropOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private RMSprop(List<ParamGroup<RMSpropOptions>> groups) {
    super("RMSprop", RMSpropOptions.class, groups);
  }

  /** RMSprop over parameter groups with their own options. */
  public static RMSprop ofGroups(List<ParamGroup<RMSpropOptions>> groups) {
    return new RMSprop(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, RMSpropOptions o) {
    Tensor squareAvg = previous == null ? Torch.zerosLike(param) : previous.squareAvg();
    Tensor buf = previous == null ? null : previous.momentumBuffer();
    Tensor gradAvg = previous == null ? null : previous.gradAvg();
    if (o.momentum() > 0 && buf == null) {
      buf = Torch.zerosLike(param);
    }
    if (o.centered() && gradAvg == null) {
      gradAvg = Torch.zerosLike(param);
    }
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    squareAvg.mul_(o.alpha()).addcmul_(g, g, 1 - o.alpha());
    Tensor avg;
    if (o.centered()) {
      gradAvg.mul_(o.alpha()).add_(g, 1 - o.alpha());
      avg = squareAvg.clone().addcmul_(gradAvg, gradAvg, -1).sqrt_();
    } else {
      avg = squareAvg.sqrt();
    }
    avg.add_(o.eps());
    if (o.momentum() > 0) {
      buf.mul_(o.momentum()).addcdiv_(g, avg, 1);
      param.add_(buf, -o.lr());
    } else {
      param.addcdiv_(g, avg, -o.lr());
    }
    return new State(previous == null ? 1 : previous.step() + 1, squareAvg, buf, gradAvg);
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, RMSpropOptions o) {
    return new State(step, required(tensors, "square_avg", name()),
        o.momentum() > 0 ? required(tensors, "momentum_buffer", name())
            : tensors.get("momentum_buffer"),
        o.centered() ? required(tensors, "grad_avg", name()) : tensors.get("grad_avg"));
  }
}
