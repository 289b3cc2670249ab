package dev.shapetorch.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer's first 10 steps on the fixed problem equal PyTorch 1.13's, to 1e-5 (LBFGS's:
 * 10 {@code step(closure)} calls, each of several iterations, and the losses they return).
 */
class OptimizerTrajectoryTest {

  static Stream<String> cases() {
    return Golden.optimizerCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tenSteps_matchPyTorch(String name) {
    Golden golden = Golden.read(name + ".txt");
    Problem problem = new Problem();
    Optimizer<?, ?> opt = Cases.build(golden, problem);
    for (int step = 1; step <= 10; step++) {
      double loss = Cases.step(opt, problem);
      if (Cases.needsClosure(golden)) {
        assertWithMessage("%s step %s loss", name, step).that(loss)
            .isWithin(1e-5).of(golden.values("step" + step + ".loss")[0]);
      }
      assertClose(name, step, "w", golden.values("step" + step + ".w"), problem.w.get().toFloatArray());
      assertClose(name, step, "b", golden.values("step" + step + ".b"), problem.b.get().toFloatArray());
    }
  }

  static void assertClose(String name, int step, String param, float[] expected, float[] actual) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertWithMessage("%s step %s %s[%s]", name, step, param, i)
          .that((double) actual[i]).isWithin(1e-5).of(expected[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseMoves_theParameters(String name) {
    // guards the fixture itself: a case whose parameters never move would test nothing
    Golden golden = Golden.read(name + ".txt");
    float[] start = Problem.DATA.values("w");
    float[] end = golden.values("step10.w");
    double moved = 0;
    for (int i = 0; i < start.length; i++) {
      moved += Math.abs(end[i] - start[i]);
    }
    assertThat(moved).isGreaterThan(1e-3);
  }
}
