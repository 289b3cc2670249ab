package dev.shapetorch.optim.lr;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.ParamGroup;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * The Java construction of each golden case of LambdaLR to ChainedScheduler and SWALR (the cases
 * optim_golden.py's more_scheduler_cases writes): the optimizer kind and the scheduler factory.
 */
final class SchedulerCases {

  private SchedulerCases() {}

  /**
   * A case: the optimizer it schedules and the scheduler built on it; {@code epochs} steps with
   * the golden metrics as {@code step(epoch)} (warm restarts) instead of {@code step()}.
   */
  record Case(String optimizer, Function<Optimizer<?, ?>, LRScheduler> scheduler, boolean epochs) {
    Case(String optimizer, Function<Optimizer<?, ?>, LRScheduler> scheduler) {
      this(optimizer, scheduler, false);
    }

    /** Steps {@code s} once, with {@code metric} as the epoch where the case gives epochs. */
    void step(LRScheduler s, double metric) {
      if (epochs) {
        ((CosineAnnealingWarmRestarts) s).step(metric);
      } else {
        s.step();
      }
    }
  }

  static Optimizer<?, ?> optimizer(String kind) {
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

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    CASES.put("lambda", new Case("sgd2", o -> new LambdaLR(o, e -> Math.pow(0.95, e))));
    CASES.put("lambda_groups", new Case("sgd2", o -> new LambdaLR(o,
        List.<IntToDoubleFunction>of(e -> 1.0 / (e + 1), e -> Math.pow(0.9, e)))));
    CASES.put("multiplicative", new Case("sgd2", o -> new MultiplicativeLR(o, e -> 0.9)));
    CASES.put("multiplicative_groups", new Case("sgd2", o -> new MultiplicativeLR(o,
        List.<IntToDoubleFunction>of(e -> 0.95, e -> e % 3 == 0 ? 0.5 : 1.0))));
    CASES.put("linear", new Case("sgd2", LinearLR::new));
    CASES.put("linear_custom", new Case("sgd2", o -> new LinearLR(o, 0.25, 0.5, 10)));
    CASES.put("constant", new Case("sgd2", ConstantLR::new));
    CASES.put("constant_custom", new Case("sgd2", o -> new ConstantLR(o, 0.5, 8)));
    CASES.put("polynomial", new Case("sgd2", PolynomialLR::new));
    CASES.put("polynomial_custom", new Case("sgd2", o -> new PolynomialLR(o, 12, 2.0)));
    CASES.put("cyclic", new Case("sgd2_momentum",
        o -> new CyclicLR(o, CyclicLR.Options.between(0.001, 0.01).withStepSizes(5, null))));
    CASES.put("cyclic_defaults", new Case("sgd1",
        o -> new CyclicLR(o, CyclicLR.Options.between(0.001, 0.01))));
    CASES.put("cyclic_tri2", new Case("sgd2_momentum", o -> new CyclicLR(o,
        CyclicLR.Options.between(new double[] {0.001, 0.0001}, new double[] {0.01, 0.002})
            .withStepSizes(3, 5).withMode(CyclicLR.Mode.TRIANGULAR2)
            .withMomentum(new double[] {0.85, 0.8}, new double[] {0.95, 0.9}))));
    CASES.put("cyclic_exp", new Case("sgd2", o -> new CyclicLR(o,
        CyclicLR.Options.between(0.01, 0.1).withStepSizes(4, null)
            .withMode(CyclicLR.Mode.EXP_RANGE).withGamma(0.9).withCycleMomentum(false))));
    CASES.put("cyclic_scale_cycle", new Case("sgd_momentum", o -> new CyclicLR(o,
        CyclicLR.Options.between(0.01, 0.05).withStepSizes(2, 3)
            .withScaleFn(x -> 1 / x, CyclicLR.ScaleMode.CYCLE))));
    CASES.put("cyclic_scale_iterations", new Case("sgd_momentum", o -> new CyclicLR(o,
        CyclicLR.Options.between(0.01, 0.05).withStepSizes(3, null)
            .withScaleFn(x -> Math.pow(0.97, x), CyclicLR.ScaleMode.ITERATIONS))));
    CASES.put("cawr", new Case("sgd2", o -> new CosineAnnealingWarmRestarts(o, 7)));
    CASES.put("cawr_mult",
        new Case("sgd2", o -> new CosineAnnealingWarmRestarts(o, 3, 2, 0.001)));
    CASES.put("cawr_fractional",
        new Case("sgd2", o -> new CosineAnnealingWarmRestarts(o, 2, 2, 0.0005), true));
    CASES.put("cawr_fractional_mult1",
        new Case("sgd1", o -> new CosineAnnealingWarmRestarts(o, 4), true));
    CASES.put("sequential", new Case("sgd2", o -> new SequentialLR(o,
        List.of(new LinearLR(o, 0.1, 1.0, 4), new ExponentialLR(o, 0.9)), new int[] {4})));
    CASES.put("sequential3", new Case("sgd2", o -> new SequentialLR(o,
        List.of(new ConstantLR(o, 0.5, 3), new CosineAnnealingLR(o, 6), new StepLR(o, 3, 0.5)),
        new int[] {3, 10})));
    CASES.put("chained", new Case("sgd2", o -> new ChainedScheduler(
        List.of(new ConstantLR(o, 0.1, 2), new ExponentialLR(o, 0.9)))));
    CASES.put("chained3", new Case("sgd2", o -> new ChainedScheduler(List.of(new LinearLR(o),
        new MultiStepLR(o, new int[] {6, 12}, 0.1), new PolynomialLR(o, 20, 0.5)))));
    CASES.put("swalr", new Case("sgd2", o -> new SWALR(o, 0.05)));
    CASES.put("swalr_linear", new Case("sgd2",
        o -> new SWALR(o, new double[] {0.02, 0.005}, 5, SWALR.Anneal.LINEAR)));
    CASES.put("swalr_zero", new Case("sgd1", o -> new SWALR(o, 0.03, 0, SWALR.Anneal.COS)));
  }
}
