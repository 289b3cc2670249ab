package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multiplies each learning rate by {@code gamma} at each milestone epoch, as PyTorch's {@code
 * MultiStepLR}; a milestone listed k times multiplies by {@code gamma^k}.
 *
 * <pre>{@code
 * new MultiStepLR(optimizer, new int[] {30, 80}, 0.1);
 * }</pre>
 */
public final class MultiStepLR extends LRScheduler {

  private final Map<Integer, Integer> milestones = new TreeMap<>();
  private final double gamma;

  /** Decays by {@code gamma} at each of {@code milestones} (epoch numbers). */
  public MultiStepLR(Optimizer<?, ?> optimizer, int[] milestones, double gamma) {
    super(optimizer);
    for (int m : milestones) {
      this.milestones.merge(m, 1, Integer::sum);
    }
    this.gamma = gamma;
    start();
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    Integer times = milestones.get(lastEpoch());
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = times == null ? groupLr(i) : groupLr(i) * Math.pow(gamma, times);
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    int passed = 0;
    for (Map.Entry<Integer, Integer> m : milestones.entrySet()) {
      if (m.getKey() <= lastEpoch()) {
        passed += m.getValue();
      }
    }
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * Math.pow(gamma, passed);
    }
    return lrs;
  }
}
