package dev.shapetorch.optim.lr;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.Golden;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.ParamGroup;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scheduler's learning rates (and cycled momenta) equal PyTorch 1.13's. */
class SchedulerGoldenTest {

  private static final Golden GOLDEN = Golden.read("schedulers.txt");

  static List<String> cases() {
    Set<String> names = new LinkedHashSet<>();
    for (String[] row : GOLDEN.rows()) {
      if (!row[0].equals("#case")) {
        names.add(row[0]);
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * A scheduler case: the optimizer it drives (the current one: a resumed case swaps it) and
   * how to step it.
   */
  private record Run(Supplier<Optimizer<?, ?>> optimizer, DoubleConsumer step) {
    Run(Optimizer<?, ?> fixed, DoubleConsumer step) {
      this(() -> fixed, step);
    }
  }

  /**
   * A ReduceLROnPlateau run that, after {@code resumeAfter} steps, saves the scheduler's state
   * and the optimizer's state dict, and continues with a fresh optimizer and scheduler that
   * load them: what the {@code plateau_resume_*} golden cases did in PyTorch.
   */
  private static final class Resumed {
    private final String kind;
    private final ReduceLROnPlateau.Options options;
    private final int resumeAfter;
    private Optimizer<?, ?> optimizer;
    private ReduceLROnPlateau scheduler;
    private int steps;

    Resumed(String kind, ReduceLROnPlateau.Options options, int resumeAfter) {
      this.kind = kind;
      this.options = options;
      this.resumeAfter = resumeAfter;
      this.optimizer = optimizer(kind);
      this.scheduler = new ReduceLROnPlateau(optimizer, options);
    }

    void step(double metric) {
      if (steps == resumeAfter) {
        ReduceLROnPlateau.State saved = scheduler.state();
        Map<String, Tensor> optimizerState = optimizer.stateDict();
        optimizer = optimizer(kind);
        optimizer.loadStateDict(optimizerState);
        scheduler = new ReduceLROnPlateau(optimizer, options);
        scheduler.loadState(saved);
        assertThat(scheduler.state()).isEqualTo(saved);
      }
      scheduler.step(metric);
      steps++;
    }

    Run run() {
      return new Run(() -> optimizer, this::step);
    }
  }

  private static Optimizer<?, ?> optimizer(String kind) {
    Parameter p1 = new Parameter(Torch.zeros(2));
    Parameter p2 = new Parameter(Torch.zeros(3));
    switch (kind) {
      case "sgd1":
        return new SGD(List.of(p1, p2), SGDOptions.lr(0.1));
      case "sgd2":
        return SGD.ofGroups(List.of(new ParamGroup<>(List.of(p1), SGDOptions.lr(0.1)),
            new ParamGroup<>(List.of(p2), SGDOptions.lr(0.01))));
      case "sgd_momentum":
        return new SGD(List.of(p1, p2), SGDOptions.lr(0.1).withMomentum(0.9));
      case "sgd2_momentum":
        return SGD.ofGroups(List.of(
            new ParamGroup<>(List.of(p1), SGDOptions.lr(0.1).withMomentum(0.9)),
            new ParamGroup<>(List.of(p2), SGDOptions.lr(0.01).withMomentum(0.9))));
      case "adam":
        return new Adam(List.of(p1, p2), AdamOptions.lr(0.001));
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static Run run(String name) {
    switch (name) {
      case "step": {
        Optimizer<?, ?> o = optimizer("sgd2");
        LRScheduler s = new StepLR(o, 3, 0.5);
        return new Run(o, m -> s.step());
      }
      case "multistep": {
        Optimizer<?, ?> o = optimizer("sgd2");
        LRScheduler s = new MultiStepLR(o, new int[] {2, 5, 5, 9}, 0.3);
        return new Run(o, m -> s.step());
      }
      case "exponential": {
        Optimizer<?, ?> o = optimizer("sgd2");
        LRScheduler s = new ExponentialLR(o, 0.9);
        return new Run(o, m -> s.step());
      }
      case "cosine": {
        Optimizer<?, ?> o = optimizer("sgd2");
        LRScheduler s = new CosineAnnealingLR(o, 10, 0.001);
        return new Run(o, m -> s.step());
      }
      case "cosine_zero": {
        Optimizer<?, ?> o = optimizer("sgd1");
        LRScheduler s = new CosineAnnealingLR(o, 7);
        return new Run(o, m -> s.step());
      }
      case "onecycle": {
        Optimizer<?, ?> o = optimizer("sgd_momentum");
        LRScheduler s = new OneCycleLR(o, OneCycleLR.Options.maxLr(0.1).withTotalSteps(20));
        return new Run(o, m -> s.step());
      }
      case "onecycle_linear_three": {
        Optimizer<?, ?> o = optimizer("sgd2_momentum");
        LRScheduler s = new OneCycleLR(o, OneCycleLR.Options.maxLr(0.5, 0.05).withEpochs(3, 5)
            .withPctStart(0.4).withAnneal(OneCycleLR.Anneal.LINEAR).withThreePhase(true)
            .withDivFactors(10, 100).withMomentum(0.8, 0.9));
        return new Run(o, m -> s.step());
      }
      case "onecycle_adam": {
        Optimizer<?, ?> o = optimizer("adam");
        LRScheduler s = new OneCycleLR(o, OneCycleLR.Options.maxLr(0.01).withTotalSteps(12));
        return new Run(o, m -> s.step());
      }
      case "onecycle_nomomentum": {
        Optimizer<?, ?> o = optimizer("sgd1");
        LRScheduler s = new OneCycleLR(o,
            OneCycleLR.Options.maxLr(0.2).withTotalSteps(10).withCycleMomentum(false));
        return new Run(o, m -> s.step());
      }
      case "plateau_min": {
        Optimizer<?, ?> o = optimizer("sgd2");
        ReduceLROnPlateau s = new ReduceLROnPlateau(o, ReduceLROnPlateau.Options.DEFAULTS
            .withFactor(0.5).withPatience(2).withCooldown(1).withMinLr(0.03));
        return new Run(o, s::step);
      }
      case "plateau_max_abs": {
        Optimizer<?, ?> o = optimizer("sgd2");
        ReduceLROnPlateau s = new ReduceLROnPlateau(o, ReduceLROnPlateau.Options.DEFAULTS
            .withMode(ReduceLROnPlateau.Mode.MAX).withFactor(0.1).withPatience(1)
            .withThreshold(0.001, ReduceLROnPlateau.ThresholdMode.ABS));
        return new Run(o, s::step);
      }
      case "plateau_resume_cooldown":
        return new Resumed("sgd2", ReduceLROnPlateau.Options.DEFAULTS.withFactor(0.5)
            .withPatience(1).withCooldown(3).withMinLr(0.001), 6).run();
      case "plateau_resume_bad":
        return new Resumed("sgd2",
            ReduceLROnPlateau.Options.DEFAULTS.withFactor(0.5).withPatience(3), 6).run();
      default: {
        SchedulerCases.Case c = SchedulerCases.CASES.get(name);
        if (c == null) {
          throw new IllegalArgumentException("no Java construction for scheduler case " + name);
        }
        Optimizer<?, ?> o = optimizer(c.optimizer());
        LRScheduler s = c.scheduler().apply(o);
        return new Run(o, m -> c.step(s, m));
      }
    }
  }

  private static double[] metrics(String name) {
    for (String[] row : GOLDEN.rows("#case")) {
      if (row[1].equals(name) && row.length > 4 && row[4].startsWith("metrics=")) {
        String[] parts = row[4].substring("metrics=".length()).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          out[i] = Double.parseDouble(parts[i]);
        }
        return out;
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sequence_matchesPyTorch(String name) {
    List<String[]> rows = GOLDEN.rows(name);
    int steps = Golden.doubles(rows.get(0)[3]).length - 1;
    double[] metrics = metrics(name);
    Run run = run(name);
    int groups = run.optimizer().get().paramGroups().size();
    double[][] lrs = new double[groups][steps + 1];
    double[][] moms = new double[groups][steps + 1];
    for (int k = 0; k <= steps; k++) {
      if (k > 0) {
        run.step().accept(metrics == null ? Double.NaN : metrics[k - 1]);
      }
      for (int g = 0; g < groups; g++) {
        lrs[g][k] = run.optimizer().get().options(g).lr();
        moms[g][k] = momentum(run.optimizer().get(), g);
      }
    }
    assertThat(rows.size()).isEqualTo(2 * groups);
    for (String[] row : rows) {
      int g = Integer.parseInt(row[1]);
      double[] expected = Golden.doubles(row[3]);
      double[] actual = row[2].equals("lr") ? lrs[g] : moms[g];
      for (int k = 0; k < expected.length; k++) {
        assertWithMessage("%s group %s %s after %s steps", name, g, row[2], k)
            .that(actual[k]).isWithin(1e-12 * Math.max(1e-3, Math.abs(expected[k])))
            .of(expected[k]);
      }
    }
  }

  static List<String> resumableCases() {
    return new ArrayList<>(SchedulerCases.CASES.keySet());
  }

  /**
   * Saved after a third of the steps (the scheduler's state and the optimizer's state dict),
   * loaded into a fresh optimizer and a scheduler built the same way, continued: the rates equal
   * PyTorch's uninterrupted run.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("resumableCases")
  void savedAndResumed_matchesPyTorch(String name) {
    SchedulerCases.Case c = SchedulerCases.CASES.get(name);
    List<String[]> rows = GOLDEN.rows(name);
    int steps = Golden.doubles(rows.get(0)[3]).length - 1;
    double[] metrics = metrics(name);
    Optimizer<?, ?> o = optimizer(c.optimizer());
    LRScheduler s = c.scheduler().apply(o);
    int resumeAfter = steps / 3;
    for (int k = 1; k <= resumeAfter; k++) {
      c.step(s, metrics == null ? Double.NaN : metrics[k - 1]);
    }
    LRScheduler.State saved = s.state();
    Map<String, Tensor> optimizerState = o.stateDict();
    Optimizer<?, ?> fresh = optimizer(c.optimizer());
    LRScheduler resumed = c.scheduler().apply(fresh);
    fresh.loadStateDict(optimizerState);
    resumed.loadState(saved);
    assertThat(resumed.state()).isEqualTo(saved);
    for (int k = resumeAfter + 1; k <= steps; k++) {
      c.step(resumed, metrics == null ? Double.NaN : metrics[k - 1]);
      for (String[] row : rows) {
        int g = Integer.parseInt(row[1]);
        double expected = Golden.doubles(row[3])[k];
        double actual = row[2].equals("lr") ? fresh.options(g).lr() : momentum(fresh, g);
        assertWithMessage("%s resumed, group %s %s after %s steps", name, g, row[2], k)
            .that(actual).isWithin(1e-12 * Math.max(1e-3, Math.abs(expected))).of(expected);
      }
    }
  }

  private static double momentum(Optimizer<?, ?> o, int g) {
    return o.options(g).hasMomentumTerm() ? o.options(g).momentumTerm() : Double.NaN;
  }

}
