package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi et al.): PyTorch's {@code torch.optim.Adagrad}, with the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * clr = lr / (1 + (t - 1) * lrDecay)
 * sum = sum + g * g          (starting from initialAccumulatorValue)
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 *
 * <p>With {@link AdagradOptions#withFused(boolean) withFused(true)} a step updates all of a
 * group's parameters in one call to libtorch's fused kernel (PyTorch's {@code fused=True}; CPU
 * only).
 *
 * <pre>{@code
 * var adagrad = new Adagrad(model.parameters(), AdagradOptions.lr(0.01));
 * }</pre>
 */
public final class Adagrad extends Optimizer<AdagradOptions, Adagrad.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates t
   * @param sum the sum of squared gradients ({@code sum})
   */
  public record State(long step, Tensor sum) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("sum", sum);
      return m;
    }
  }

  private final StepCounters stepCounters = new StepCounters();

  /** Adagrad over {@code params}, all with {@code options}. */
  public Adagrad(List<Parameter> params, AdagradOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private Adagrad(List<ParamGroup<AdagradOptions>> groups) {
    super("Adagrad", AdagradOptions.class, groups);
  }

  /** Adagrad over parameter groups with their own options. */
  public static Adagrad ofGroups(List<ParamGroup<AdagradOptions>> groups) {
    return new Adagrad(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, AdagradOptions o) {
    Tensor sum = previous == null
        ? Torch.fullLike(param, o.initialAccumulatorValue())
        : previous.sum();
    long step = previous == null ? 1 : previous.step() + 1;
    Tensor g = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      g = g.add(param, o.weightDecay());
    }
    double clr = o.lr() / (1 + (step - 1) * o.lrDecay());
    sum.addcmul_(g, g, 1);
    Tensor std = sum.sqrt().add_(o.eps());
    param.addcdiv_(g, std, -clr);
    return new State(step, sum);
  }

  /** With {@code fused} options, one fused kernel call per dtype (CPU only); else per parameter. */
  @Override
  protected List<State> updateGroup(int group, List<Parameter> params, List<Tensor> grads,
      List<State> previous, AdagradOptions o) {
    if (!o.fused()) {
      return super.updateGroup(group, params, grads, previous, o);
    }
    FusedGroups.check(this, group, params, false);
    int n = params.size();
    List<Tensor> values = new ArrayList<>(n);
    List<Tensor> sums = new ArrayList<>(n);
    long[] steps = new long[n];
    for (int i = 0; i < n; i++) {
      Tensor p = params.get(i).leaf();
      State s = previous.get(i);
      values.add(p);
      sums.add(s == null ? Torch.fullLike(p, o.initialAccumulatorValue()) : s.sum());
      steps[i] = s == null ? 0 : s.step();
    }
    for (int[] run : FusedGroups.runs(params)) {
      List<Tensor> counters = stepCounters.advance(FusedGroups.pick(params, run),
          FusedGroups.pick(steps, run), values.get(run[0]).device());
      FusedOptimizerKernels.adagrad_(FusedGroups.pick(values, run), FusedGroups.pick(grads, run),
          FusedGroups.pick(sums, run), counters, o.lr(), o.lrDecay(), o.weightDecay(), o.eps(),
          o.maximize());
    }
    List<State> next = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      next.add(new State(steps[i] + 1, sums.get(i)));
    }
    return next;
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, AdagradOptions o) {
    return new State(step, required(tensors, "sum", name()));
  }
}
