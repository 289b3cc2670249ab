package dev.shapetorch.optim;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.tensor.Tensor;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With {@code withFused(true)}, every golden case of SGD, Adam, AdamW and Adagrad (groups,
 * weight decay, AMSGrad, maximize, Nesterov, learning-rate decay...) follows PyTorch 1.13's
 * single-tensor trajectory to 1e-5; states saved by either path resume on the other.
 */
class FusedOptimizerTrajectoryTest {

  static Stream<String> fusedCases() {
    return Golden.optimizerCases().filter(n -> Cases.hasFused(Golden.read(n + ".txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fusedCases")
  void tenFusedSteps_matchPyTorch(String name) {
    Golden golden = Golden.read(name + ".txt");
    Problem problem = new Problem();
    Optimizer<?, ?> opt = Cases.build(golden, problem, true);
    for (int step = 1; step <= 10; step++) {
      problem.backward();
      opt.step();
      OptimizerTrajectoryTest.assertClose(name, step, "w", golden.values("step" + step + ".w"),
          problem.w.get().toFloatArray());
      OptimizerTrajectoryTest.assertClose(name, step, "b", golden.values("step" + step + ".b"),
          problem.b.get().toFloatArray());
    }
    assertThat(opt.states().values().stream().mapToLong(ParamState::step).distinct().toArray())
        .asList().containsExactly(10L);
  }

  static Stream<Arguments> resumeCases() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String name : new String[] {"sgd_groups", "sgd_nesterov", "adam_amsgrad_wd",
        "adam_groups", "adamw_amsgrad", "adagrad_decay"}) {
      out.add(Arguments.of(name, true, true));
      out.add(Arguments.of(name, true, false));
      out.add(Arguments.of(name, false, true));
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} saved fused={1}, resumed fused={2}")
  @MethodSource("resumeCases")
  void stateDictAfterFiveSteps_resumesOnEitherPath(String name, boolean savedFused,
      boolean resumedFused) {
    Golden golden = Golden.read(name + ".txt");
    Problem problem = new Problem();
    Optimizer<?, ?> first = Cases.build(golden, problem, savedFused);
    for (int i = 0; i < 5; i++) {
      problem.backward();
      first.step();
    }
    Map<String, Tensor> saved = first.stateDict();
    assertThat(saved.get("param_groups.0.fused").item()).isEqualTo(savedFused ? 1.0 : 0.0);
    Optimizer<?, ?> resumed = Cases.build(golden, problem, resumedFused);
    resumed.loadStateDict(saved);
    // like PyTorch, loading restores the saved group options, fused included: choose again
    setFused(resumed, resumedFused);
    for (int step = 6; step <= 10; step++) {
      problem.backward();
      resumed.step();
    }
    OptimizerTrajectoryTest.assertClose(name, 10, "w", golden.values("step10.w"),
        problem.w.get().toFloatArray());
    OptimizerTrajectoryTest.assertClose(name, 10, "b", golden.values("step10.b"),
        problem.b.get().toFloatArray());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fusedCases")
  void switchingFusedOnAndOffBetweenSteps_keepsTheTrajectory(String name) {
    Golden golden = Golden.read(name + ".txt");
    Problem problem = new Problem();
    Optimizer<?, ?> opt = Cases.build(golden, problem, true);
    for (int step = 1; step <= 10; step++) {
      setFused(opt, step <= 3 || step >= 7); // steps 4 to 6 take the single-tensor path
      problem.backward();
      opt.step();
    }
    OptimizerTrajectoryTest.assertClose(name, 10, "w", golden.values("step10.w"),
        problem.w.get().toFloatArray());
    OptimizerTrajectoryTest.assertClose(name, 10, "b", golden.values("step10.b"),
        problem.b.get().toFloatArray());
  }

  /** Sets {@code fused} in every group of any of the four optimizers. */
  static void setFused(Optimizer<?, ?> opt, boolean fused) {
    for (int g = 0; g < opt.paramGroups().size(); g++) {
      int group = g;
      if (opt instanceof Adam adam) {
        adam.updateOptions(group, o -> o.withFused(fused));
      } else if (opt instanceof AdamW adamw) {
        adamw.updateOptions(group, o -> o.withFused(fused));
      } else if (opt instanceof SGD sgd) {
        sgd.updateOptions(group, o -> o.withFused(fused));
      } else if (opt instanceof Adagrad adagrad) {
        adagrad.updateOptions(group, o -> o.withFused(fused));
      } else {
        throw new IllegalArgumentException(opt.name() + " has no fused kernel");
      }
    }
  }
}
