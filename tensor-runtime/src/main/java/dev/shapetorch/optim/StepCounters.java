package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step counters the fused Adam, AdamW and Adagrad kernels read: one 0-d float32 tensor per
 * parameter on its device, as PyTorch's fused path keeps {@code state['step']}. The counters of
 * a run of parameters are views into one tensor, kept from step to step, so that counting a step
 * for all of them is one {@code add_} and no tensor is allocated. The step a state record holds
 * (a long) stays the truth: a counter that does not hold it (after {@code loadStateDict}, or
 * steps taken without the fused kernel) is set from it before use. Package-private.
 */
final class StepCounters {

  /** The counters of one run of parameters, keyed by its first parameter. */
  private final Map<Parameter, Run> runs = new IdentityHashMap<>();

  private static final class Run {
    final Parameter[] params;
    final Device device;
    final Tensor all;
    final List<Tensor> views;
    final long[] held;

    Run(List<Parameter> params, Device device) {
      this.params = params.toArray(new Parameter[0]);
      this.device = device;
      this.all = Torch.zeros(new long[] {params.size()}, DType.FLOAT32, device).retain();
      Tensor[] v = new Tensor[params.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = all.select(0, i).retain();
      }
      this.views = List.of(v);
      this.held = new long[params.size()];
    }

    boolean isFor(List<Parameter> ps, Device d) {
      if (ps.size() != params.length || !d.equals(device)) {
        return false;
      }
      for (int i = 0; i < params.length; i++) {
        if (ps.get(i) != params[i]) {
          return false;
        }
      }
      return true;
    }

    void close() {
      for (Tensor v : views) {
        v.close();
      }
      all.close();
    }
  }

  /**
   * Counters for {@code params} (one run: same device) holding each parameter's previous step
   * plus one, as PyTorch's {@code torch._foreach_add_(state_steps, 1)} before the kernel.
   *
   * @param previousSteps each parameter's step before this one (0 before its first)
   * @return the counters, in order; they belong to this object: do not close them
   */
  List<Tensor> advance(List<Parameter> params, long[] previousSteps, Device device) {
    Run run = runs.get(params.get(0));
    if (run == null || !run.isFor(params, device)) {
      if (run != null) {
        run.close();
      }
      run = new Run(params, device);
      runs.put(params.get(0), run);
    }
    for (int i = 0; i < previousSteps.length; i++) {
      if (run.held[i] != previousSteps[i]) {
        run.views.get(i).fill_(previousSteps[i]);
        run.held[i] = previousSteps[i];
      }
    }
    run.all.add_(1.0);
    for (int i = 0; i < run.held.length; i++) {
      run.held[i]++;
    }
    return run.views;
  }
}
