package dev.shapetorch.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** State save/load, groups, skipped parameters, validation and memory of optimizers. */
class OptimizerBehaviourTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sgd_groups", "adam_amsgrad_wd", "adamw_amsgrad",
      "rmsprop_centered_momentum", "adagrad_decay", "adadelta_groups", "adadelta_wd_maximize",
      "adamax_wd_maximize", "nadam_wd", "radam", "asgd_wd_maximize", "rprop_etas_maximize",
      "lbfgs", "lbfgs_strong_wolfe_history"})
  void stateDictAfterFiveSteps_resumesTheSameTrajectory(String name) {
    Golden golden = Golden.read(name + ".txt");
    Problem problem = new Problem();
    Optimizer<?, ?> first = Cases.build(golden, problem);
    for (int i = 0; i < 5; i++) {
      Cases.step(first, problem);
    }
    Map<String, Tensor> saved = first.stateDict();
    Optimizer<?, ?> resumed = Cases.build(golden, problem);
    loadInto(resumed, saved);
    for (int step = 6; step <= 10; step++) {
      Cases.step(resumed, problem);
    }
    OptimizerTrajectoryTest.assertClose(name, 10, "w", golden.values("step10.w"),
        problem.w.get().toFloatArray());
    OptimizerTrajectoryTest.assertClose(name, 10, "b", golden.values("step10.b"),
        problem.b.get().toFloatArray());
  }

  private static <O extends OptimizerOptions<O>, S extends ParamState> void loadInto(
      Optimizer<O, S> opt, Map<String, Tensor> state) {
    opt.loadStateDict(state);
  }

  @Test
  void stateDict_namesStateAndGroupEntries() {
    Problem p = new Problem();
    Adam adam = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01).withAmsgrad(true));
    p.backward();
    adam.step();
    Map<String, Tensor> sd = adam.stateDict();
    assertThat(sd.keySet()).containsAtLeast("state.0.step", "state.0.exp_avg",
        "state.0.exp_avg_sq", "state.0.max_exp_avg_sq", "state.1.exp_avg",
        "param_groups.0.params", "param_groups.0.lr", "param_groups.0.beta1",
        "param_groups.0.amsgrad");
    assertThat(sd.get("state.1.step").item()).isEqualTo(1.0);
    assertThat(sd.get("param_groups.0.params").toLongArray()).isEqualTo(new long[] {0, 1});
    assertThat(sd.get("param_groups.0.lr").item()).isEqualTo(0.01);
    assertThat(sd.get("param_groups.0.amsgrad").item()).isEqualTo(1.0);
    assertThat(sd.get("state.0.exp_avg").shape()).isEqualTo(new long[] {2, 3});
  }

  @Test
  void loadStateDict_restoresHyperparameters() {
    Problem p = new Problem();
    SGD a = new SGD(List.of(p.w), SGDOptions.lr(0.5).withMomentum(0.3));
    SGD b = new SGD(List.of(p.w), SGDOptions.lr(0.1));
    b.loadStateDict(a.stateDict());
    assertThat(b.options(0)).isEqualTo(SGDOptions.lr(0.5).withMomentum(0.3));
  }

  @Test
  void loadStateDict_withAWrongShape_namesTheEntryAndBothShapes() {
    Problem p = new Problem();
    Adam adam = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01));
    p.backward();
    adam.step();
    Map<String, Tensor> sd = new LinkedHashMap<>(adam.stateDict());
    sd.put("state.0.exp_avg", Torch.zeros(3, 2));
    Adam other = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01));
    ShapeException e = assertThrows(ShapeException.class, () -> other.loadStateDict(sd));
    assertThat(e).hasMessageThat().isEqualTo("[shape.mismatch.state_dict] Adam.loadStateDict:"
        + " shapes differ for state.0.exp_avg is [3, 2] but parameter 0 is [2, 3]; the state was"
        + " saved for a model with other sizes");
    assertThat(other.states()).isEmpty();
  }

  @Test
  void loadStateDict_ofAnotherGrouping_isRejected() {
    Problem p = new Problem();
    SGD one = new SGD(List.of(p.w, p.b), SGDOptions.lr(0.1));
    SGD two = SGD.ofGroups(List.of(new ParamGroup<>(List.of(p.w), SGDOptions.lr(0.1)),
        new ParamGroup<>(List.of(p.b), SGDOptions.lr(0.1))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> two.loadStateDict(one.stateDict()));
    assertThat(e).hasMessageThat()
        .isEqualTo("SGD.loadStateDict: the loaded state has 1 parameter groups, this optimizer has 2");
    SGD small = new SGD(List.of(p.w), SGDOptions.lr(0.1));
    IllegalArgumentException e2 =
        assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(one.stateDict()));
    assertThat(e2).hasMessageThat().contains("loaded parameter group 0 has 2 parameters, this"
        + " optimizer's has 1");
  }

  @Test
  void loadStateDict_ofAnotherOptimizer_reportsTheUnknownKeys() {
    Problem p = new Problem();
    Adam adam = new Adam(List.of(p.w), AdamOptions.lr(0.01));
    SGD sgd = new SGD(List.of(p.w), SGDOptions.lr(0.1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(adam.stateDict()));
    assertThat(e).hasMessageThat().contains("the loaded state has no value for 'momentum' of SGDOptions");
  }

  @Test
  void parametersWithoutGradient_areSkippedAndGetNoState() {
    Problem p = new Problem();
    Parameter unused = new Parameter(Torch.ones(4));
    Adam adam = new Adam(List.of(p.w, unused), AdamOptions.lr(0.1));
    p.backward();
    adam.step();
    assertThat(unused.get().toFloatArray()).isEqualTo(new float[] {1, 1, 1, 1});
    assertThat(adam.state(unused)).isNull();
    assertThat(adam.state(p.w).step()).isEqualTo(1);
    assertThat(adam.state(p.w).maxExpAvgSq()).isNull();
  }

  @Test
  void step_leavesNoTensorsInTheCallersScope() {
    Problem p = new Problem();
    RMSprop rms = new RMSprop(List.of(p.w, p.b),
        RMSpropOptions.lr(0.01).withMomentum(0.5).withCentered(true));
    try (TensorScope scope = TensorScope.open()) {
      p.backward();
      int before = scope.liveCount();
      rms.step();
      rms.step();
      assertThat(scope.liveCount()).isEqualTo(before);
    }
    RMSprop.State s = rms.state(p.w);
    assertThat(s.squareAvg().isFreed()).isFalse();
    assertThat(s.gradAvg().isFreed()).isFalse();
    assertThat(s.momentumBuffer().isFreed()).isFalse();
    assertThat(s.step()).isEqualTo(2);
  }

  @Test
  void lbfgsStep_leavesNoTensorsInTheCallersScope_andKeepsOneGlobalState() {
    Problem p = new Problem();
    LBFGS lbfgs = new LBFGS(List.of(p.w, p.b), LBFGSOptions.lr(0.8).withMaxIter(3)
        .withHistorySize(3).withLineSearchFn(LBFGSOptions.LineSearch.STRONG_WOLFE));
    try (TensorScope scope = TensorScope.open()) {
      int before = scope.liveCount();
      for (int i = 0; i < 4; i++) {
        lbfgs.step(p::closure);
      }
      assertThat(scope.liveCount()).isEqualTo(before);
    }
    LBFGS.State s = lbfgs.state();
    assertThat(s.step()).isIn(com.google.common.collect.Range.closed(4L, 12L)); // 1-3 per step
    assertThat(s.funcEvals()).isAtLeast(s.step() + 4);
    assertThat(s.oldDirs()).hasSize(3); // the history is full: the oldest pairs were dropped
    assertThat(s.ro()).hasSize(3);
    assertThat(s.d().shape()).isEqualTo(new long[] {9});
    assertThat(s.prevFlatGrad().isFreed()).isFalse();
    assertThat(lbfgs.state(p.w)).isSameInstanceAs(s);
    assertThat(lbfgs.state(p.b)).isNull();
  }

  @Test
  void lbfgsLoadStateDict_ofAnotherModelsSizes_isRefusedAndChangesNothing() {
    Problem p = new Problem();
    LBFGS big = new LBFGS(List.of(p.w, p.b), LBFGSOptions.lr(0.005));
    big.step(p::closure);
    LBFGS small = new LBFGS(List.of(p.b), LBFGSOptions.lr(0.005));
    Map<String, Tensor> sd = new LinkedHashMap<>(big.stateDict());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(sd));
    assertThat(e).hasMessageThat().isEqualTo("LBFGS.loadStateDict: state.0.d has shape [9] but"
        + " the parameters have 3 elements in all; the state was saved for a model with other"
        + " sizes");
    assertThat(small.state()).isNull();
  }

  @Test
  void nadamState_keepsMuProductAs0d_andRefusesAnotherShape() {
    Problem p = new Problem();
    NAdam nadam = new NAdam(List.of(p.w, p.b), NAdamOptions.DEFAULTS);
    p.backward();
    nadam.step();
    Map<String, Tensor> sd = new LinkedHashMap<>(nadam.stateDict());
    assertThat(sd.get("state.0.mu_product").shape()).isEqualTo(new long[0]);
    // mu_1 = beta1 * (1 - 0.5 * 0.96^(1 * momentum_decay))
    assertThat(sd.get("state.0.mu_product").item())
        .isWithin(1e-7).of(0.9 * (1 - 0.5 * Math.pow(0.96, 4e-3)));
    sd.put("state.0.mu_product", Torch.ones(2, 3));
    NAdam other = new NAdam(List.of(p.w, p.b), NAdamOptions.DEFAULTS);
    ShapeException e = assertThrows(ShapeException.class, () -> other.loadStateDict(sd));
    assertThat(e).hasMessageThat().contains("state.0.mu_product is [2, 3] but should be a 0-d"
        + " tensor []");
    assertThat(other.states()).isEmpty();
  }

  @Test
  void asgdState_keepsEtaAndMuAs0d_andAveragesFromStepT0() {
    Problem p = new Problem();
    ASGDOptions o = ASGDOptions.lr(0.05).withLambd(0.01).withT0(1);
    ASGD asgd = new ASGD(List.of(p.w, p.b), o);
    for (int i = 0; i < 3; i++) {
      p.backward();
      asgd.step();
    }
    ASGD.State third = asgd.state(p.w);
    // mu was 1 so far: the average is the last iterate; mu_3 = 1 / (3 - t0)
    assertThat(third.ax().toFloatArray()).isEqualTo(p.w.get().toFloatArray());
    assertThat(third.mu().shape()).isEqualTo(new long[0]);
    assertThat(third.mu().item()).isEqualTo(0.5);
    assertThat(third.eta().shape()).isEqualTo(new long[0]);
    assertThat(third.eta().item())
        .isWithin(1e-8).of(0.05 / Math.pow(1 + 0.01 * 0.05 * 3, 0.75));
    float[] ax3 = third.ax().toFloatArray();
    p.backward();
    asgd.step();
    float[] w4 = p.w.get().toFloatArray();
    float[] ax4 = asgd.state(p.w).ax().toFloatArray();
    for (int i = 0; i < ax4.length; i++) {
      assertThat((double) ax4[i]).isWithin(1e-6).of((ax3[i] + w4[i]) / 2.0);
    }
    Map<String, Tensor> sd = new LinkedHashMap<>(asgd.stateDict());
    assertThat(sd.get("state.0.eta").shape()).isEqualTo(new long[0]);
    sd.put("state.0.mu", Torch.ones(2, 3));
    ASGD other = new ASGD(List.of(p.w, p.b), o);
    ShapeException e = assertThrows(ShapeException.class, () -> other.loadStateDict(sd));
    assertThat(e).hasMessageThat().contains("state.0.mu is [2, 3] but should be a 0-d tensor []");
  }

  @Test
  void rprop_firstStepMovesEachElementByLr_thenGrowsOrShrinksItsStepSize() {
    Problem p = new Problem();
    Rprop rprop = new Rprop(List.of(p.w, p.b), RpropOptions.lr(0.05).withEtas(0.5, 2));
    p.backward();
    rprop.step();
    float[] start = Problem.DATA.values("w");
    float[] w1 = p.w.get().toFloatArray();
    for (int i = 0; i < w1.length; i++) {
      assertThat((double) Math.abs(w1[i] - start[i])).isWithin(1e-6).of(0.05);
    }
    p.backward();
    rprop.step();
    float[] sizes = rprop.state(p.w).stepSize().toFloatArray();
    // no gradient element of this problem is 0: each kept (x2) or changed (x0.5) its sign
    for (float size : sizes) {
      assertThat(Math.min(Math.abs(size - 0.025), Math.abs(size - 0.1))).isLessThan(1e-7);
    }
  }

  @Test
  void zeroGradFalse_zeroesEveryGradientInPlace() {
    Problem p = new Problem();
    SGD sgd = new SGD(List.of(p.w, p.b), SGDOptions.lr(0.1));
    p.backward();
    assertThat(p.w.grad().abs().sum().item()).isGreaterThan(0.0);
    sgd.zeroGrad(false);
    assertThat(p.w.grad().abs().sum().item()).isEqualTo(0.0);
    assertThat(p.b.grad().abs().sum().item()).isEqualTo(0.0);
  }

  @Test
  void zeroGrad_byDefault_setsEveryGradientToNone_asPyTorch2() {
    Problem p = new Problem();
    SGD sgd = new SGD(List.of(p.w, p.b), SGDOptions.lr(0.1));
    p.backward();
    Tensor first = p.w.grad().clone();
    sgd.zeroGrad();
    assertThat(p.w.grad()).isNull();
    assertThat(p.b.grad()).isNull();
    p.loss().backward(); // a fresh gradient, not added to the dropped one
    assertThat(p.w.grad().sub(first).abs().max().item()).isEqualTo(0.0);
  }

  @Test
  void step_skipsAParameterWhoseGradIsNone_butMovesOneWithAZeroGrad() {
    // SGD, lr 0.1, momentum 0.9: the first step sets buf = g and p -= 0.1 * g.
    Parameter none = new Parameter(Torch.fromArray(new float[] {1, 2}, 2));
    Parameter zero = new Parameter(Torch.fromArray(new float[] {1, 2}, 2));
    SGD dropped = new SGD(List.of(none), SGDOptions.lr(0.1).withMomentum(0.9));
    SGD zeroed = new SGD(List.of(zero), SGDOptions.lr(0.1).withMomentum(0.9));
    none.get().mul(Torch.fromArray(new float[] {10, 20}, 2)).sum().backward(); // g = [10, 20]
    zero.get().mul(Torch.fromArray(new float[] {10, 20}, 2)).sum().backward();
    dropped.step();
    zeroed.step();
    assertThat(none.get().toFloatArray()).usingTolerance(1e-6).containsExactly(0f, 0f).inOrder();
    dropped.zeroGrad();
    zeroed.zeroGrad(false);
    dropped.step(); // grad is none: skipped, momentum buffer untouched
    zeroed.step(); // grad is zero: buf = 0.9 * [10, 20], p -= 0.1 * buf
    assertThat(none.get().toFloatArray()).usingTolerance(1e-6).containsExactly(0f, 0f).inOrder();
    assertThat(dropped.state(none).momentumBuffer().toFloatArray()).usingTolerance(1e-6)
        .containsExactly(10f, 20f).inOrder();
    assertThat(zero.get().toFloatArray()).usingTolerance(1e-5)
        .containsExactly(-0.9f, -1.8f).inOrder();
  }

  @Test
  void updateOptions_changesOneGroupOnly() {
    Problem p = new Problem();
    SGD sgd = SGD.ofGroups(List.of(new ParamGroup<>(List.of(p.w), SGDOptions.lr(0.1)),
        new ParamGroup<>(List.of(p.b), SGDOptions.lr(0.2))));
    sgd.updateOptions(1, o -> o.withLr(0.05));
    assertThat(sgd.options(0).lr()).isEqualTo(0.1);
    assertThat(sgd.options(1).lr()).isEqualTo(0.05);
  }

  @Test
  void aParameterInTwoGroups_isRejected() {
    Problem p = new Problem();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SGD.ofGroups(List.of(new ParamGroup<>(List.of(p.w), SGDOptions.lr(0.1)),
            new ParamGroup<>(List.of(p.w, p.b), SGDOptions.lr(0.2)))));
    assertThat(e).hasMessageThat().contains("some parameters appear in more than one parameter group");
  }

  @Test
  void invalidHyperparameters_areRejectedAsPyTorchDoes() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> SGDOptions.lr(-1)))
        .hasMessageThat().isEqualTo("SGD: invalid learning rate value: -1.0 (must be >= 0)");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SGDOptions.lr(0.1).withNesterov(true)))
        .hasMessageThat().contains("Nesterov momentum requires a momentum > 0 and zero dampening");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> AdamOptions.lr(0.1).withBetas(1.0, 0.999)))
        .hasMessageThat().isEqualTo("Adam: invalid beta parameter: 1.0 (must be in [0, 1))");
    assertThrows(IllegalArgumentException.class, () -> RMSpropOptions.lr(0.1).withAlpha(-0.5));
    assertThrows(IllegalArgumentException.class, () -> AdagradOptions.lr(0.1).withLrDecay(-1));
  }

  @Test
  void stepWithClosure_returnsTheClosuresLoss() {
    Problem p = new Problem();
    SGD sgd = new SGD(List.of(p.w, p.b), SGDOptions.lr(0.1));
    double expected = p.loss().item();
    double loss = sgd.step(() -> {
      sgd.zeroGrad();
      Tensor l = p.loss();
      l.backward();
      return l.item();
    });
    assertThat(loss).isEqualTo(expected);
    assertThat(p.loss().item()).isLessThan(expected);
  }
}
