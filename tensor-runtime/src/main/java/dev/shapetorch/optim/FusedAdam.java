package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * The fused step of Adam and AdamW (PyTorch's {@code _fused_adam}): every parameter of a group
 * that has a gradient, one kernel call per device and dtype, with the states of {@link
 * AdamUpdate}'s single-tensor path, so that either path can continue the other. Package-private.
 */
final class FusedAdam {

  private final Optimizer<?, Adam.State> optimizer;
  private final boolean decoupled;
  private final StepCounters counters = new StepCounters();

  /**
   * @param decoupled AdamW's decoupled weight decay ({@code _fused_adamw_}) instead of Adam's L2
   */
  FusedAdam(Optimizer<?, Adam.State> optimizer, boolean decoupled) {
    this.optimizer = optimizer;
    this.decoupled = decoupled;
  }

  /** One step of group {@code group}'s parameters with gradients; the new states, in order. */
  List<Adam.State> step(int group, List<Parameter> params, List<Tensor> grads,
      List<Adam.State> previous, double lr, double beta1, double beta2, double eps,
      double weightDecay, boolean amsgrad, boolean maximize) {
    FusedGroups.check(optimizer, group, params, true);
    int n = params.size();
    List<Tensor> values = new ArrayList<>(n);
    List<Tensor> expAvgs = new ArrayList<>(n);
    List<Tensor> expAvgSqs = new ArrayList<>(n);
    List<Tensor> maxExpAvgSqs = new ArrayList<>(n);
    long[] steps = new long[n];
    for (int i = 0; i < n; i++) {
      Tensor p = params.get(i).leaf();
      Adam.State s = previous.get(i);
      values.add(p);
      expAvgs.add(s == null ? Torch.zerosLike(p) : s.expAvg());
      expAvgSqs.add(s == null ? Torch.zerosLike(p) : s.expAvgSq());
      Tensor max = s == null ? null : s.maxExpAvgSq();
      maxExpAvgSqs.add(amsgrad && max == null ? Torch.zerosLike(p) : max);
      steps[i] = s == null ? 0 : s.step();
    }
    for (int[] run : FusedGroups.runs(params)) {
      List<Tensor> stepCounters = counters.advance(FusedGroups.pick(params, run),
          FusedGroups.pick(steps, run), values.get(run[0]).device());
      List<Tensor> runMax = amsgrad ? FusedGroups.pick(maxExpAvgSqs, run) : List.of();
      if (decoupled) {
        FusedOptimizerKernels.adamw_(FusedGroups.pick(values, run),
            FusedGroups.pick(grads, run), FusedGroups.pick(expAvgs, run),
            FusedGroups.pick(expAvgSqs, run), runMax, stepCounters, lr, beta1, beta2,
            weightDecay, eps, amsgrad, maximize);
      } else {
        FusedOptimizerKernels.adam_(FusedGroups.pick(values, run),
            FusedGroups.pick(grads, run), FusedGroups.pick(expAvgs, run),
            FusedGroups.pick(expAvgSqs, run), runMax, stepCounters, lr, beta1, beta2,
            weightDecay, eps, amsgrad, maximize);
      }
    }
    List<Adam.State> next = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      next.add(new Adam.State(steps[i] + 1, expAvgs.get(i), expAvgSqs.get(i),
          maxExpAvgSqs.get(i)));
    }
    return next;
  }
}
