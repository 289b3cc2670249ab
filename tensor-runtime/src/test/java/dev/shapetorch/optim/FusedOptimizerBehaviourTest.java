package dev.shapetorch.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused optimizers against the single-tensor ones (an MLP over 50 steps, parameters that
 * get gradients late or never, other dtypes and layouts), their checks, state and memory.
 */
class FusedOptimizerBehaviourTest {

  /** A 6-16-3 MLP with fixed random weights and data, the same for every instance. */
  static final class Mlp {
    final List<Parameter> params = new ArrayList<>();
    private final Tensor x;
    private final Tensor y;

    Mlp(DType dtype) {
      Torch.manualSeed(7);
      for (long[] shape : new long[][] {{16, 6}, {16}, {3, 16}, {3}}) {
        params.add(new Parameter(Torch.randn(shape).mul(0.5).to(dtype)));
      }
      x = Torch.randn(32, 6).to(dtype).retain();
      y = Torch.randn(32, 3).to(dtype).retain();
    }

    void backward() {
      for (Parameter p : params) {
        p.get().zeroGrad_();
      }
      try (TensorScope scope = TensorScope.open()) {
        Tensor h = Torch.linear(x, params.get(0).get(), params.get(1).get()).relu();
        Tensor out = Torch.linear(h, params.get(2).get(), params.get(3).get());
        Torch.mseLoss(out, y, Reduction.MEAN).backward();
      }
    }
  }

  /** Optimizer configurations, each as a factory given the parameters and the fused flag. */
  static Stream<Arguments> configurations() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("Adam", (Config) (ps, f) ->
        new Adam(ps, AdamOptions.lr(1e-2).withFused(f))));
    out.add(Arguments.of("Adam amsgrad weight decay", (Config) (ps, f) ->
        new Adam(ps, AdamOptions.lr(1e-2).withAmsgrad(true).withWeightDecay(0.01)
            .withFused(f))));
    out.add(Arguments.of("AdamW amsgrad", (Config) (ps, f) ->
        new AdamW(ps, AdamWOptions.lr(1e-2).withWeightDecay(0.1).withAmsgrad(true)
            .withFused(f))));
    out.add(Arguments.of("SGD", (Config) (ps, f) ->
        new SGD(ps, SGDOptions.lr(0.05).withFused(f))));
    out.add(Arguments.of("SGD Nesterov", (Config) (ps, f) ->
        new SGD(ps, SGDOptions.lr(0.05).withMomentum(0.9).withNesterov(true)
            .withWeightDecay(1e-3).withFused(f))));
    out.add(Arguments.of("Adagrad", (Config) (ps, f) ->
        new Adagrad(ps, AdagradOptions.lr(0.05).withLrDecay(0.01)
            .withInitialAccumulatorValue(0.1).withFused(f))));
    return out.stream();
  }

  interface Config {
    Optimizer<?, ?> make(List<Parameter> params, boolean fused);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void fusedAndSingleTensor_agreeOverFiftySteps_onAnMlp(String name, Config config) {
    Mlp single = new Mlp(DType.FLOAT32);
    Mlp fused = new Mlp(DType.FLOAT32);
    Optimizer<?, ?> a = config.make(single.params, false);
    Optimizer<?, ?> b = config.make(fused.params, true);
    for (int step = 0; step < 50; step++) {
      single.backward();
      a.step();
      fused.backward();
      b.step();
    }
    assertAgree(name, single.params, fused.params, 1e-5);
    assertThat(b.state(fused.params.get(0)).step()).isEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void float64AndMixedDtypeGroups_agreeWithSingleTensor(String name, Config config) {
    Mlp single = new Mlp(DType.FLOAT64);
    Mlp fused = new Mlp(DType.FLOAT64);
    // one float32 parameter outside the graph's dtype: a second kernel call, for that dtype
    Parameter extraSingle = new Parameter(Torch.fromArray(new float[] {1, -2, 3}, 3));
    Parameter extraFused = new Parameter(Torch.fromArray(new float[] {1, -2, 3}, 3));
    List<Parameter> ps = new ArrayList<>(single.params);
    ps.add(extraSingle);
    List<Parameter> pf = new ArrayList<>(fused.params);
    pf.add(extraFused);
    Optimizer<?, ?> a = config.make(ps, false);
    Optimizer<?, ?> b = config.make(pf, true);
    for (int step = 0; step < 5; step++) {
      single.backward();
      fused.backward();
      for (Parameter extra : List.of(extraSingle, extraFused)) {
        extra.get().zeroGrad_();
        extra.get().pow(2.0).sum().backward();
      }
      a.step();
      b.step();
    }
    assertAgree(name, ps, pf, 1e-6);
    assertThat(extraFused.get().toFloatArray()).isNotEqualTo(new float[] {1, -2, 3});
  }

  @Test
  void aParameterWithoutGradient_isLeftAlone_andGetsNoState() {
    Golden golden = Golden.read("adam_amsgrad_wd.txt");
    Problem p = new Problem();
    Parameter unused = new Parameter(Torch.fromArray(new float[] {1, 2, 3, 4}, 4));
    Adam adam = new Adam(List.of(p.w, unused, p.b), AdamOptions.lr(0.01).withBetas(0.8, 0.99)
        .withEps(1e-6).withWeightDecay(0.1).withAmsgrad(true).withFused(true));
    for (int step = 1; step <= 10; step++) {
      p.backward();
      adam.step();
    }
    assertThat(unused.get().toFloatArray()).isEqualTo(new float[] {1, 2, 3, 4});
    assertThat(unused.grad()).isNull();
    assertThat(adam.state(unused)).isNull();
    assertThat(adam.stateDict().keySet()).containsNoneOf("state.1.step", "state.1.exp_avg");
    OptimizerTrajectoryTest.assertClose("adam_amsgrad_wd", 10, "w", golden.values("step10.w"),
        p.w.get().toFloatArray());
    OptimizerTrajectoryTest.assertClose("adam_amsgrad_wd", 10, "b", golden.values("step10.b"),
        p.b.get().toFloatArray());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void aParameterWhoseGradientsStartLater_keepsItsOwnStepCount(String name, Config config) {
    Function<Boolean, List<Parameter>> run = fusedFlag -> {
      Problem p = new Problem();
      Parameter late = new Parameter(Torch.fromArray(new float[] {0.5f, -1.5f}, 2));
      Optimizer<?, ?> opt = config.make(List.of(p.w, late, p.b), fusedFlag);
      for (int step = 1; step <= 6; step++) {
        p.backward();
        if (step >= 3) {
          late.get().zeroGrad_();
          late.get().sub(1.0).pow(2.0).sum().backward();
        }
        opt.step();
      }
      assertThat(opt.state(p.w).step()).isEqualTo(6);
      assertThat(opt.state(late).step()).isEqualTo(4);
      return List.of(p.w, late, p.b);
    };
    assertAgree(name, run.apply(false), run.apply(true), 1e-6);
  }

  @Test
  void nonContiguousParameters_agreeWithSingleTensor() {
    Function<Boolean, Parameter> run = fusedFlag -> {
      Parameter t = new Parameter(Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
      Adam adam = new Adam(List.of(t), AdamOptions.lr(0.1).withAmsgrad(true).withFused(fusedFlag));
      Tensor target = Torch.fromArray(new float[] {0, 1, 0, 1, 0, 1}, 3, 2);
      for (int step = 0; step < 5; step++) {
        t.get().zeroGrad_();
        t.get().sub(target).pow(2.0).sum().backward();
        adam.step();
      }
      return t;
    };
    assertAgree("transposed", List.of(run.apply(false)), List.of(run.apply(true)), 1e-6);
  }

  @Test
  void theFusedStep_runsTheKernel_whichChecksStatesAgainstTheirParameter() {
    Parameter single = new Parameter(Torch.fromArray(new float[] {1, 2}, 2));
    Parameter fused = new Parameter(Torch.fromArray(new float[] {1, 2}, 2));
    Adam a = new Adam(List.of(single), AdamOptions.lr(0.1));
    Adam b = new Adam(List.of(fused), AdamOptions.lr(0.1).withFused(true));
    for (Parameter p : List.of(single, fused)) {
      p.get().pow(2.0).sum().backward();
    }
    a.step();
    b.step();
    for (Parameter p : List.of(single, fused)) {
      p.set(p.get().to(DType.FLOAT64)); // the optimizer's state stays float32
      p.get().pow(2.0).sum().backward();
    }
    a.step(); // the single-tensor ops convert
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::step);
    assertThat(e).hasMessageThat().isEqualTo("FusedOptimizerKernels.adam_: expAvgs[0] is"
        + " float32[2] on cpu but params[0] is float64[2] on cpu; each gradient and state tensor"
        + " has its parameter's dtype and device");
  }

  @Test
  void aNonFloatingParameter_isRejectedNamingTheOptimizerGroupAndParameter() {
    Problem p = new Problem();
    Parameter counts = new Parameter(Torch.fromArray(new long[] {1, 2}, 2), false);
    Adam adam = Adam.ofGroups(List.of(
        new ParamGroup<>(List.of(p.b), AdamOptions.lr(0.1)),
        new ParamGroup<>(List.of(p.w, counts), AdamOptions.lr(0.1).withFused(true))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FusedGroups.check(adam, 1, List.of(p.w, counts), true));
    assertThat(e).hasMessageThat().isEqualTo("Adam: fused=true needs floating-point parameters"
        + " (float32, float64, float16, bfloat16) on the CPU or a CUDA device, but parameter 1 of"
        + " group 1 is torch.int64[2] on cpu; use withFused(false) for this group");
    Adagrad adagrad = new Adagrad(List.of(counts), AdagradOptions.lr(0.1).withFused(true));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> FusedGroups.check(adagrad, 0, List.of(counts), false)))
        .hasMessageThat().contains("Adagrad: fused=true needs floating-point parameters (float32,"
            + " float64, float16, bfloat16) on the CPU, but parameter 0 of group 0");
  }

  @Test
  void stateDict_isTheSameFormat_withFusedAmongTheOptions() {
    Problem p = new Problem();
    Adam single = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01).withAmsgrad(true));
    Problem q = new Problem();
    Adam fused = new Adam(List.of(q.w, q.b), AdamOptions.lr(0.01).withAmsgrad(true)
        .withFused(true));
    for (int i = 0; i < 3; i++) {
      p.backward();
      single.step();
      q.backward();
      fused.step();
    }
    Map<String, Tensor> a = single.stateDict();
    Map<String, Tensor> b = fused.stateDict();
    assertThat(b.keySet()).containsExactlyElementsIn(a.keySet()).inOrder();
    assertThat(b.get("state.1.step").item()).isEqualTo(3.0);
    assertThat(b.get("state.1.step").dtype()).isEqualTo(DType.FLOAT32);
    assertThat(b.get("param_groups.0.fused").item()).isEqualTo(1.0);
    assertThat(a.get("param_groups.0.fused").item()).isEqualTo(0.0);
  }

  @Test
  void aStateSavedBeforeTheFusedFlagExisted_loadsWithItOff() {
    Problem p = new Problem();
    Adam adam = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01).withFused(true));
    p.backward();
    adam.step();
    Map<String, Tensor> old = new LinkedHashMap<>(adam.stateDict());
    old.remove("param_groups.0.fused");
    Adam other = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.5).withFused(true));
    other.loadStateDict(old);
    assertThat(other.options(0)).isEqualTo(AdamOptions.lr(0.01));
    assertThat(other.state(p.w).step()).isEqualTo(1);
  }

  @Test
  void fusedStep_leavesNoTensorsInTheCallersScope_andKeepsItsState() {
    Problem p = new Problem();
    AdamW adamw = new AdamW(List.of(p.w, p.b), AdamWOptions.lr(0.01).withAmsgrad(true)
        .withFused(true));
    try (TensorScope scope = TensorScope.open()) {
      p.backward();
      int before = scope.liveCount();
      adamw.step();
      adamw.step();
      assertThat(scope.liveCount()).isEqualTo(before);
    }
    Adam.State s = adamw.state(p.w);
    assertThat(s.expAvg().isFreed()).isFalse();
    assertThat(s.expAvgSq().isFreed()).isFalse();
    assertThat(s.maxExpAvgSq().isFreed()).isFalse();
    assertThat(s.step()).isEqualTo(2);
    p.backward();
    adamw.step(); // the step counters survived the scope too
    assertThat(adamw.state(p.w).step()).isEqualTo(3);
  }

  @Test
  void theGradients_areNotChangedByAFusedStep() {
    Problem p = new Problem();
    Adam adam = new Adam(List.of(p.w, p.b), AdamOptions.lr(0.01).withMaximize(true)
        .withWeightDecay(0.1).withFused(true));
    p.backward();
    float[] before = p.w.grad().toFloatArray();
    adam.step();
    assertThat(p.w.grad().toFloatArray()).isEqualTo(before);
  }

  static void assertAgree(String name, List<Parameter> expected, List<Parameter> actual,
      double tolerance) {
    for (int k = 0; k < expected.size(); k++) {
      double[] e = expected.get(k).get().toDoubleArray();
      double[] a = actual.get(k).get().toDoubleArray();
      assertThat(a.length).isEqualTo(e.length);
      for (int i = 0; i < e.length; i++) {
        assertWithMessage("%s parameter %s [%s]", name, k, i).that(a[i])
            .isWithin(tolerance * Math.max(1, Math.abs(e[i]))).of(e[i]);
      }
    }
  }
}
