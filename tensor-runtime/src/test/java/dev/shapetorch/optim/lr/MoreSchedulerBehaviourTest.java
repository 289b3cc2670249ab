package dev.shapetorch.optim.lr;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adagrad;
import dev.shapetorch.optim.AdagradOptions;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Errors, state and interplay of LambdaLR to ChainedScheduler and SWALR. */
class MoreSchedulerBehaviourTest {

  private static SGD sgd(double lr) {
    return new SGD(List.of(new Parameter(Torch.zeros(2))), SGDOptions.lr(lr).withMomentum(0.9));
  }

  private static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void invalidArguments_nameTheSchedulerAndTheValue() {
    assertThat(message(() -> new LinearLR(sgd(0.1), 0.0, 1.0, 5)))
        .isEqualTo("LinearLR: startFactor must be in (0, 1], got 0.0 (the first epoch's rate is"
            + " base * startFactor)");
    assertThat(message(() -> new LinearLR(sgd(0.1), 0.5, 1.5, 5)))
        .isEqualTo("LinearLR: endFactor must be between 0 and 1, got 1.5");
    assertThat(message(() -> new LinearLR(sgd(0.1), 0.5, 1.0, 0)))
        .isEqualTo("LinearLR: totalIters must be positive, got 0");
    assertThat(message(() -> new ConstantLR(sgd(0.1), 1.5, 5)))
        .isEqualTo("ConstantLR: factor must be between 0 and 1, got 1.5");
    assertThat(message(() -> new PolynomialLR(sgd(0.1), 0, 1.0)))
        .isEqualTo("PolynomialLR: totalIters must be positive, got 0");
    assertThat(message(() -> new CosineAnnealingWarmRestarts(sgd(0.1), 0)))
        .isEqualTo("CosineAnnealingWarmRestarts: t0 must be a positive number of epochs, got 0");
    assertThat(message(() -> new CosineAnnealingWarmRestarts(sgd(0.1), 2, 0, 0)))
        .isEqualTo("CosineAnnealingWarmRestarts: tMult must be at least 1, got 0");
    assertThat(message(() -> new CosineAnnealingWarmRestarts(sgd(0.1), 2).step(-1.0)))
        .isEqualTo("CosineAnnealingWarmRestarts.step: expected a non-negative epoch, got -1.0");
    assertThat(message(() -> CyclicLR.Options.between(0.1, 1).withStepSizes(0, null)))
        .isEqualTo("CyclicLR: stepSizeUp must be a positive number of steps, got 0");
    assertThat(message(() -> new CyclicLR(sgd(0.1),
        CyclicLR.Options.between(new double[] {0.1, 0.2, 0.3}, new double[] {1}))))
        .isEqualTo("CyclicLR: expected 1 values for baseLr (one per parameter group) or one for"
            + " all, got 3");
    assertThat(message(() -> new SWALR(sgd(0.1), 0.05, -1, SWALR.Anneal.COS)))
        .isEqualTo("SWALR: annealEpochs must be >= 0, got -1");
    assertThat(message(() -> new LambdaLR(sgd(0.1),
        List.<IntToDoubleFunction>of(e -> 1, e -> 2))))
        .isEqualTo("LambdaLR: expected 1 factor functions (one per parameter group), got 2; pass"
            + " one function for all groups or one per group");
  }

  @Test
  void sequentialAndChained_refuseSchedulersOfAnotherOptimizer_andWrongMilestones() {
    SGD a = sgd(0.1);
    SGD b = sgd(0.1);
    LRScheduler onA = new ExponentialLR(a, 0.9);
    LRScheduler onB = new ExponentialLR(b, 0.9);
    assertThat(message(() -> new SequentialLR(a, List.of(onA, onB), new int[] {3})))
        .isEqualTo("SequentialLR: the scheduler at index 1 drives another optimizer; build every"
            + " scheduler on the optimizer passed in");
    assertThat(message(() -> new SequentialLR(a, List.of(onA), new int[] {3})))
        .isEqualTo("SequentialLR: expected one milestone fewer than schedulers, got 1 schedulers"
            + " and 1 milestones [3]");
    assertThat(message(() -> new ChainedScheduler(List.of(onA, onB))))
        .isEqualTo("ChainedScheduler: the schedulers at index 0 and 1 drive different"
            + " optimizers; chain schedulers of one optimizer");
  }

  @Test
  void cyclic_cyclesAdamsBeta1_asSgdsMomentum() {
    Optimizer<?, ?> adam =
        new Adam(List.of(new Parameter(Torch.zeros(2))), AdamOptions.lr(0.001));
    SGD sgd = sgd(0.1);
    CyclicLR.Options options = CyclicLR.Options.between(0.001, 0.01).withStepSizes(3, null);
    CyclicLR onAdam = new CyclicLR(adam, options);
    CyclicLR onSgd = new CyclicLR(sgd, options);
    assertThat(adam.options(0).momentumTerm()).isEqualTo(0.9);
    for (int k = 0; k < 8; k++) {
      onAdam.step();
      onSgd.step();
      assertThat(adam.options(0).momentumTerm()).isEqualTo(sgd.options(0).momentumTerm());
      assertThat(adam.options(0).lr()).isEqualTo(sgd.options(0).lr());
    }
    assertThat(((AdamOptions) adam.options(0)).beta2()).isEqualTo(0.999);
    assertThat(adam.options(0).momentumTerm()).isWithin(1e-12).of(0.9 - 0.1 * 2 / 3); // step 8 of cycles of 6: 2/3 up
  }

  @Test
  void cyclic_onAnOptimizerWithoutMomentum_needsCycleMomentumOff() {
    Adagrad adagrad = new Adagrad(List.of(new Parameter(Torch.zeros(2))), AdagradOptions.lr(0.1));
    assertThat(message(() -> new CyclicLR(adagrad, CyclicLR.Options.between(0.01, 0.1))))
        .isEqualTo("CyclicLR: Adagrad has no momentum to cycle; pass withCycleMomentum(false)");
    CyclicLR ok = new CyclicLR(adagrad,
        CyclicLR.Options.between(0.01, 0.1).withCycleMomentum(false).withStepSizes(2, null));
    ok.step();
    assertThat(ok.lastLr()[0]).isWithin(1e-15).of(0.055);
  }

  @Test
  void lambda_stateHoldsNoFunction_aResumedSchedulerUsesItsOwn() {
    SGD a = sgd(1.0);
    LambdaLR first = new LambdaLR(a, e -> 1.0 / (e + 1));
    first.step();
    first.step();
    LRScheduler.State saved = first.state();
    assertThat(saved.extra()).isEmpty();
    SGD b = sgd(1.0);
    LambdaLR resumed = new LambdaLR(b, e -> 2.0);
    resumed.loadState(saved);
    resumed.step();
    assertThat(resumed.lastEpoch()).isEqualTo(3);
    assertThat(b.options(0).lr()).isEqualTo(2.0);
  }

  @Test
  void warmRestarts_fractionalEpochs_followTheCosineWithinAPeriod() {
    SGD opt = sgd(1.0);
    CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 4);
    s.step(2.0);
    assertThat(opt.options(0).lr()).isWithin(1e-15).of(0.5);
    s.step(5.0);
    assertThat(s.lastEpoch()).isEqualTo(5);
    assertThat(s.epochsSinceRestart()).isEqualTo(1.0);
    s.step(4.5);
    assertThat(s.lastEpoch()).isEqualTo(4);
    assertThat(opt.options(0).lr()).isWithin(1e-15).of((1 + Math.cos(Math.PI / 8)) / 2);
    assertThat(message(() -> s.loadState(new LRScheduler.State(1, 1, new double[] {1.0},
        new double[] {1.0})))).startsWith("CosineAnnealingWarmRestarts.loadState: expected the"
            + " restart progress");
  }

  @Test
  void chained_stateRestoresEveryScheduler() {
    SGD a = sgd(1.0);
    ChainedScheduler first = new ChainedScheduler(
        List.of(new ConstantLR(a, 0.5, 2), new ExponentialLR(a, 0.5)));
    first.step();
    LRScheduler.State saved = first.state();
    assertThat(saved.schedulers()).hasSize(2);
    SGD b = sgd(1.0);
    ChainedScheduler resumed = new ChainedScheduler(
        List.of(new ConstantLR(b, 0.5, 2), new ExponentialLR(b, 0.5)));
    b.loadStateDict(a.stateDict());
    resumed.loadState(saved);
    first.step();
    resumed.step();
    assertThat(b.options(0).lr()).isEqualTo(a.options(0).lr());
    assertThat(a.options(0).lr()).isEqualTo(0.25);
    assertThat(message(() -> resumed.loadState(new LRScheduler.State(1, 1, new double[] {1.0},
        new double[] {1.0})))).isEqualTo("ChainedScheduler.loadState: the state has 0"
            + " schedulers, this one drives 2; load a state saved by a scheduler built the same"
            + " way");
  }
}
