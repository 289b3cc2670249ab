package dev.shapetorch.optim.lr;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adagrad;
import dev.shapetorch.optim.AdagradOptions;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduler errors, state and the interplay with optimizers. */
class SchedulerBehaviourTest {

  private static SGD sgd(double lr) {
    return new SGD(List.of(new Parameter(Torch.zeros(2))), SGDOptions.lr(lr).withMomentum(0.9));
  }

  @Test
  void oneCycle_steppedPastItsTotal_saysSo() {
    OneCycleLR s = new OneCycleLR(sgd(0.1), OneCycleLR.Options.maxLr(0.1).withTotalSteps(3));
    s.step();
    s.step();
    s.step();
    IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
    assertThat(e).hasMessageThat()
        .isEqualTo("OneCycleLR: tried to step 5 times; the specified number of total steps is 3");
  }

  @Test
  void oneCycle_onAnOptimizerWithoutMomentum_needsCycleMomentumOff() {
    Adagrad adagrad = new Adagrad(List.of(new Parameter(Torch.zeros(2))), AdagradOptions.lr(0.1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new OneCycleLR(adagrad, OneCycleLR.Options.maxLr(0.1).withTotalSteps(5)));
    assertThat(e).hasMessageThat().contains("Adagrad has no momentum to cycle");
    OneCycleLR ok = new OneCycleLR(adagrad,
        OneCycleLR.Options.maxLr(0.1).withTotalSteps(5).withCycleMomentum(false));
    assertThat(ok.lastLr()[0]).isWithin(1e-12).of(0.004);
  }

  @Test
  void state_resumesASchedule() {
    SGD a = sgd(1.0);
    StepLR first = new StepLR(a, 2, 0.5);
    first.step();
    first.step();
    first.step();
    SGD b = sgd(1.0);
    b.updateOptions(0, o -> o.withLr(a.options(0).lr()));
    StepLR resumed = new StepLR(b, 2, 0.5);
    resumed.loadState(first.state());
    first.step();
    resumed.step();
    assertThat(resumed.lastEpoch()).isEqualTo(4);
    assertThat(b.options(0).lr()).isEqualTo(a.options(0).lr());
    assertThat(b.options(0).lr()).isEqualTo(0.25);
  }

  @Test
  void constructionSetsEpochZero_andStepsAdvance() {
    SGD opt = sgd(0.1);
    ExponentialLR s = new ExponentialLR(opt, 0.5);
    assertThat(s.lastEpoch()).isEqualTo(0);
    assertThat(s.lastLr()).isEqualTo(new double[] {0.1});
    s.step();
    assertThat(s.lastEpoch()).isEqualTo(1);
    assertThat(opt.options(0).lr()).isEqualTo(0.05);
  }

  @Test
  void invalidArguments_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(0.1), 0));
    assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(0.1), 0));
    assertThrows(IllegalArgumentException.class, () -> OneCycleLR.Options.maxLr(0.1).withPctStart(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> ReduceLROnPlateau.Options.DEFAULTS.withFactor(1.0));
    assertThrows(IllegalArgumentException.class,
        () -> new ReduceLROnPlateau(sgd(0.1), ReduceLROnPlateau.Options.DEFAULTS.withMinLr(0.1, 0.2)));
  }
  @Test
  void plateau_savedAfterSixSteps_andResumedInAFreshScheduler_continuesAsAnUninterruptedRun() {
    double[] metrics = {1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94};
    ReduceLROnPlateau.Options options =
        ReduceLROnPlateau.Options.DEFAULTS.withFactor(0.5).withPatience(1).withCooldown(3);
    SGD whole = sgd(1.0);
    ReduceLROnPlateau uninterrupted = new ReduceLROnPlateau(whole, options);
    SGD before = sgd(1.0);
    ReduceLROnPlateau first = new ReduceLROnPlateau(before, options);
    for (int i = 0; i < 6; i++) {
      uninterrupted.step(metrics[i]);
      first.step(metrics[i]);
    }
    ReduceLROnPlateau.State saved = first.state();
    // After a reduction at step 4: best 0.9, one cooldown epoch left, rate halved once.
    assertThat(saved).isEqualTo(new ReduceLROnPlateau.State(0.9, 0, 1, 6, new double[] {0.5}));
    SGD after = sgd(1.0);
    after.loadStateDict(before.stateDict());
    ReduceLROnPlateau resumed = new ReduceLROnPlateau(after, options);
    resumed.loadState(saved);
    SGD notLoaded = sgd(0.5);
    ReduceLROnPlateau fresh = new ReduceLROnPlateau(notLoaded, options);
    boolean diverged = false;
    for (int i = 6; i < metrics.length; i++) {
      uninterrupted.step(metrics[i]);
      resumed.step(metrics[i]);
      fresh.step(metrics[i]);
      assertThat(resumed.lastLr()).isEqualTo(uninterrupted.lastLr());
      assertThat(resumed.state()).isEqualTo(uninterrupted.state());
      diverged |= fresh.lastLr()[0] != uninterrupted.lastLr()[0];
    }
    assertThat(after.options(0).lr()).isEqualTo(whole.options(0).lr());
    assertThat(after.options(0).lr()).isEqualTo(0.25);
    assertThat(diverged).isTrue(); // without the state, the schedule differs
  }

  @Test
  void plateau_loadState_ofAnotherNumberOfGroups_saysSo() {
    ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(0.1), ReduceLROnPlateau.Options.DEFAULTS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.loadState(
        new ReduceLROnPlateau.State(0.5, 0, 0, 3, new double[] {0.1, 0.01})));
    assertThat(e).hasMessageThat().isEqualTo("ReduceLROnPlateau.loadState: the state has 2"
        + " parameter groups, the optimizer has 1; load it into a scheduler of an optimizer with"
        + " the same groups");
    assertThat(s.lastLr()).isEqualTo(new double[] {0.1});
    assertThat(s.state().best()).isPositiveInfinity();
  }
}
