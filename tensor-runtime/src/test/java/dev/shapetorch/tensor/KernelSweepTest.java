package dev.shapetorch.tensor;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.tensor.KernelCase.Path;
import dev.shapetorch.tensor.KernelSweep.Verdict;
import java.util.Map;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The differential harness itself: it tells a wrong kernel from float32 rounding, says which path
 * is wrong and prints what reproduces the case, and leaves libtorch's oneDNN switch as it found
 * it.
 */
@Isolated("switches libtorch's process-wide oneDNN flag off and on")
class KernelSweepTest {

  private static final long[] SHAPE = {2, 500};

  /** A case whose paths return the given values (a path given null throws). */
  private static KernelCase synthetic(double[] fast, double[] reference, double[] float64) {
    return new KernelCase() {
      @Override
      public String op() {
        return "synthetic";
      }

      @Override
      public String describe() {
        return "synthetic x[2, 500] contiguous";
      }

      @Override
      public KernelOutputs run(Path path) {
        double[] v = path == Path.FAST ? fast : path == Path.REFERENCE ? reference : float64;
        if (v == null) {
          throw new IllegalStateException("synthetic: this path fails");
        }
        return new KernelOutputs().add("forward", v, SHAPE, 0, 0);
      }
    };
  }

  /** Sums of 1000 unit terms, as a reduction kernel would return them. */
  private static double[] sums() {
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1000 * Math.sin(i);
    }
    return v;
  }

  private static double[] roundedToFloat(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = (float) v[i];
    }
    return r;
  }

  private static KernelSweep.Report runOne(KernelCase c) {
    return KernelSweep.run("synthetic", 1, seed -> c);
  }

  @Test
  void float32Rounding_agrees() {
    double[] exact = sums();
    KernelSweep.Report r = runOne(synthetic(roundedToFloat(exact), roundedToFloat(exact), exact));
    assertThat(r.failures).isEmpty();
    assertThat(r.count(Verdict.AGREES)).isEqualTo(1);
    assertThat(r.worstFastVsFloat64).isLessThan(0.01);
  }

  @Test
  void fastPathMissingOneTermOfAThousand_isWrongAndPrintsWhatReproducesIt() {
    double[] exact = sums();
    double[] fast = roundedToFloat(exact);
    fast[777] -= 1; // one unit term dropped from a sum of 1000
    KernelSweep.Report r = runOne(synthetic(fast, roundedToFloat(exact), exact));
    assertThat(r.count(Verdict.WRONG)).isEqualTo(1);
    assertThat(r.failureText()).contains("synthetic x[2, 500] contiguous");
    assertThat(r.failureText()).contains("element [1, 277] (flat 777)");
    assertThat(r.failureText()).contains("-Dkernels.replay=synthetic:");
  }

  @Test
  void bothFloat32PathsWrong_failsAsFloat32Wrong() {
    double[] exact = sums();
    double[] wrong = roundedToFloat(exact);
    wrong[3] = 0;
    KernelSweep.Report r = runOne(synthetic(wrong, wrong, exact));
    assertThat(r.count(Verdict.FLOAT32_WRONG)).isEqualTo(1);
    assertThat(r.failures).hasSize(1);
  }

  @Test
  void referencePathWrongOnly_isANoteNotAFailure() {
    double[] exact = sums();
    double[] wrong = roundedToFloat(exact);
    wrong[3] = 0;
    KernelSweep.Report r = runOne(synthetic(roundedToFloat(exact), wrong, exact));
    assertThat(r.count(Verdict.REFERENCE_WRONG)).isEqualTo(1);
    assertThat(r.failures).isEmpty();
    assertThat(r.notes).hasSize(1);
  }

  @Test
  void fastPathThrowing_fails() {
    double[] exact = sums();
    KernelSweep.Report r = runOne(synthetic(null, roundedToFloat(exact), exact));
    assertThat(r.count(Verdict.FAST_THREW)).isEqualTo(1);
    assertThat(r.failureText()).contains("synthetic: this path fails");
  }

  @Test
  void exactOutputs_mustMatchExactly() {
    KernelOutputs a = new KernelOutputs().addExact("indices", 1, 2, 3);
    KernelOutputs b = new KernelOutputs().addExact("indices", 1, 2, 4);
    Map<String, KernelOutputs.Output> x = a.all();
    Map<String, KernelOutputs.Output> y = b.all();
    assertThat(KernelComparison.compare(x.get("indices"), y.get("indices")).agrees()).isFalse();
    assertThat(KernelComparison.compare(x.get("indices"), x.get("indices")).agrees()).isTrue();
  }

  @Test
  void oneDnnSwitch_isRestoredEvenWhenTheReferencePathThrows() {
    NativeLibrary.ensureLoaded();
    boolean before = torch.globalContext().userEnabledMkldnn();
    runOne(synthetic(sums(), null, null));
    assertThat(torch.globalContext().userEnabledMkldnn()).isEqualTo(before);
    try {
      KernelSweep.withOneDnnDisabled(() -> {
        assertThat(torch.globalContext().userEnabledMkldnn()).isFalse();
        throw new IllegalStateException("inside");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessageThat().isEqualTo("inside");
    }
    assertThat(torch.globalContext().userEnabledMkldnn()).isEqualTo(before);
  }
}
