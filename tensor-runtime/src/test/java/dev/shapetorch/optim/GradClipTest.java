package dev.shapetorch.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** clipGradNorm_ and clipGradValue_ equal PyTorch's torch.nn.utils functions. */
class GradClipTest {

  private static final Golden CLIP = Golden.read("clip.txt");

  private static void check(String label, ToDoubleFunction<List<Parameter>> clip, boolean hasTotal) {
    Problem p = new Problem();
    p.backward();
    double total = clip.applyAsDouble(List.of(p.w, p.b));
    if (hasTotal) {
      assertThat(total).isWithin(1e-6).of(CLIP.values(label + ".total")[0]);
    }
    OptimizerTrajectoryTest.assertClose(label, 0, "grad.w", CLIP.values(label + ".grad.w"),
        p.w.grad().toFloatArray());
    OptimizerTrajectoryTest.assertClose(label, 0, "grad.b", CLIP.values(label + ".grad.b"),
        p.b.grad().toFloatArray());
  }

  @Test
  void norm2_scalesTheGradientsDownToMaxNorm() {
    check("norm2_0.05", ps -> GradClip.clipGradNorm_(ps, 0.05), true);
  }

  @Test
  void norm2_belowMaxNorm_leavesTheGradients() {
    check("norm2_10", ps -> GradClip.clipGradNorm_(ps, 10.0), true);
  }

  @Test
  void infinityNorm_usesTheLargestAbsoluteValue() {
    check("norminf_0.02", ps -> GradClip.clipGradNorm_(ps, 0.02, Double.POSITIVE_INFINITY), true);
  }

  @Test
  void norm1() {
    check("norm1_0.1", ps -> GradClip.clipGradNorm_(ps, 0.1, 1.0), true);
  }

  @Test
  void value_clampsEachElement() {
    check("value_0.02", ps -> {
      GradClip.clipGradValue_(ps, 0.02);
      return 0;
    }, false);
  }

  @Test
  void parametersWithoutGradients_areIgnored() {
    Parameter none = new Parameter(Torch.ones(3));
    assertThat(GradClip.clipGradNorm_(List.of(none), 1.0)).isEqualTo(0.0);
    assertThat(none.grad()).isNull();
  }

  @Test
  void nonFiniteNorm_throwsWhenAsked() {
    Parameter p = new Parameter(Torch.ones(2));
    p.get().mul(Double.POSITIVE_INFINITY).sum().backward();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GradClip.clipGradNorm_(List.of(p), 1.0, 2.0, true));
    assertThat(e).hasMessageThat().contains("the total norm of order 2.0 of the gradients is");
  }
}
