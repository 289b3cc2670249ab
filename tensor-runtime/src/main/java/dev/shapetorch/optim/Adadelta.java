package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adadelta (Zeiler): PyTorch's {@code torch.optim.Adadelta}, with the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * v = rho * v + (1 - rho) * g * g
 * delta = sqrt(u + eps) / sqrt(v + eps) * g
 * u = rho * u + (1 - rho) * delta * delta
 * p = p - lr * delta
 * </pre>
 *
 * <p>Shape: the state tensors {@code square_avg} (v) and {@code acc_delta} (u) have each
 * parameter's shape.
 *
 * <pre>{@code
 * var adadelta = new Adadelta(model.parameters(), AdadeltaOptions.DEFAULTS);
 * }</pre>
 */
public final class Adadelta extends Optimizer<AdadeltaOptions, Adadelta.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates
   * @param squareAvg the running average of the squared gradient, v ({@code square_avg})
   * @param accDelta the running average of the squared update, u ({@code acc_delta})
   */
  public record State(long step, Tensor squareAvg, Tensor accDelta) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("square_avg", squareAvg);
      m.put("acc_delta", accDelta);
      return m;
    }
  }

  /** Adadelta over {@code params}, all with {@code options}. */
  public Adadelta(List<Parameter> params, AdadeltaOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private Adadelta(List<ParamGroup<AdadeltaOptions>> groups) {
    super("Adadelta", AdadeltaOptions.class, groups);
  }

  /** Adadelta over parameter groups with their own options. */
  public static Adadelta ofGroups(List<ParamGroup<AdadeltaOptions>> groups) {
    return new Adadelta(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, AdadeltaOptions o) {
    Tensor squareAvg = previous == null ? Torch.zerosLike(param) : previous.squareAvg();
    Tensor accDelta = previous == null ? Torch.zerosLike(param) : previous.accDelta();
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    squareAvg.mul_(o.rho()).addcmul_(g, g, 1 - o.rho());
    Tensor std = squareAvg.add(o.eps()).sqrt_();
    Tensor delta = accDelta.add(o.eps()).sqrt_().div_(std).mul_(g);
    accDelta.mul_(o.rho()).addcmul_(delta, delta, 1 - o.rho());
    param.add_(delta, -o.lr());
    return new State(previous == null ? 1 : previous.step() + 1, squareAvg, accDelta);
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, AdadeltaOptions o) {
    return new State(step, required(tensors, "square_avg", name()),
        required(tensors, "acc_delta", name()));
  }
}
