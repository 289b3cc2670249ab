package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, optionally with momentum, dampening, Nesterov momentum and weight
 * decay: PyTorch's {@code torch.optim.SGD}, with the same update:
 *
 * <pre>
 * g = grad (negated when maximising) + weightDecay * p
 * buf = g on the first step, else momentum * buf + (1 - dampening) * g     (when momentum != 0)
 * g = g + momentum * buf  (Nesterov)   or   g = buf
 * p = p - lr * g
 * </pre>
 *
 * <p>With {@link SGDOptions#withFused(boolean) withFused(true)} a step updates all of a group's
 * parameters in one call to libtorch's fused kernel (PyTorch's {@code fused=True}).
 *
 * <pre>{@code
 * var sgd = new SGD(model.parameters(), SGDOptions.lr(0.1).withMomentum(0.9));
 * }</pre>
 */
public final class SGD extends Optimizer<SGDOptions, SGD.State> {

  /**
   * The state of one parameter.
   *
   * @param step the number of updates
   * @param momentumBuffer the momentum buffer, or null when momentum is 0
   */
  public record State(long step, Tensor momentumBuffer) implements ParamState {
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      if (momentumBuffer != null) {
        m.put("momentum_buffer", momentumBuffer);
      }
      return m;
    }
  }

  /** SGD over {@code params}, all with {@code options}. */
  public SGD(List<Parameter> params, SGDOptions options) {
    this(List.of(new ParamGroup<>(params, options)));
  }

  private SGD(List<ParamGroup<SGDOptions>> groups) {
    super("SGD", SGDOptions.class, groups);
  }

  /** SGD over parameter groups with their own options. */
  public static SGD ofGroups(List<ParamGroup<SGDOptions>> groups) {
    return new SGD(groups);
  }

  @Override
  protected State update(Tensor param, Tensor grad, State previous, SGDOptions o) {
    Tensor d = o.maximize() ? grad.neg() : grad;
    if (o.weightDecay() != 0) {
      d = d.add(param, o.weightDecay());
    }
    Tensor buf = previous == null ? null : previous.momentumBuffer();
    if (o.momentum() != 0) {
      if (buf == null) {
        buf = d.clone().detach();
      } else {
        buf.mul_(o.momentum()).add_(d, 1 - o.dampening());
      }
      d = o.nesterov() ? d.add(buf, o.momentum()) : buf;
    }
    param.add_(d, -o.lr());
    return new State(previous == null ? 1 : previous.step() + 1, buf);
  }

  /**
   * With {@code fused} options, one fused kernel call per device and dtype (two when some
   * parameters have a momentum buffer and some get their first); else per parameter.
   */
  @Override
  protected List<State> updateGroup(int group, List<Parameter> params, List<Tensor> grads,
      List<State> previous, SGDOptions o) {
    if (!o.fused()) {
      return super.updateGroup(group, params, grads, previous, o);
    }
    FusedGroups.check(this, group, params, true);
    int n = params.size();
    List<Tensor> values = new ArrayList<>(n);
    List<Tensor> buffers = new ArrayList<>(n);
    boolean[] first = new boolean[n];
    for (int i = 0; i < n; i++) {
      Tensor p = params.get(i).leaf();
      Tensor buf = previous.get(i) == null ? null : previous.get(i).momentumBuffer();
      if (o.momentum() != 0 && buf == null) {
        buf = Torch.emptyLike(p);
        first[i] = true;
      }
      values.add(p);
      buffers.add(buf);
    }
    for (int[] run : FusedGroups.runs(params)) {
      if (o.momentum() == 0) {
        FusedOptimizerKernels.sgd_(FusedGroups.pick(values, run), FusedGroups.pick(grads, run),
            List.of(), o.weightDecay(), 0, o.lr(), o.dampening(), o.nesterov(), o.maximize(),
            false);
        continue;
      }
      for (boolean firstStep : new boolean[] {true, false}) {
        int[] part = Arrays.stream(run).filter(i -> first[i] == firstStep).toArray();
        if (part.length > 0) {
          FusedOptimizerKernels.sgd_(FusedGroups.pick(values, part),
              FusedGroups.pick(grads, part), FusedGroups.pick(buffers, part), o.weightDecay(),
              o.momentum(), o.lr(), o.dampening(), o.nesterov(), o.maximize(), firstStep);
        }
      }
    }
    List<State> next = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      State s = previous.get(i);
      next.add(new State(s == null ? 1 : s.step() + 1, buffers.get(i)));
    }
    return next;
  }

  @Override
  protected State restore(long step, Map<String, Tensor> tensors, SGDOptions o) {
    return new State(step, tensors.get("momentum_buffer"));
  }
}
