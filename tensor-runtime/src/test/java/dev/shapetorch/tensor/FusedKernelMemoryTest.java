package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A fused step frees every native object it makes (argument lists, boxed values, contiguous
 * stand-ins). Measured in windows of 20,000 fused steps after a warm-up (see {@link
 * ResidentSetGrowth}); the limit is {@value #MAX_BYTES_PER_STEP} bytes per step in the median
 * window. The leak this must catch is one such object left behind per step: one boxed double
 * not freed grows the resident set by 33 bytes per step (measured). Without a leak the median
 * window grows by 0 kB; the JIT's jumps of up to 15 MB fall in the first windows and do not move
 * the median. In a child JVM, as {@link MemoryTest}.
 */
class FusedKernelMemoryTest {

  static final int WINDOWS = 10;
  /** Steps of each optimizer per window: a window is twice as many fused steps. */
  static final int STEPS_PER_WINDOW = 10_000;
  static final double MAX_BYTES_PER_STEP = 8;

  /** The workload: prints the steps taken, whether the parameters are finite, and the samples. */
  public static final class Child {

    static void run(Optimizer<?, ?> opt, int steps) {
      for (int i = 0; i < steps; i++) {
        opt.step();
      }
    }

    static Parameter withGradient(Tensor value) {
      Parameter p = new Parameter(value);
      p.get().pow(2.0).sum().backward();
      return p;
    }

    public static void main(String[] args) {
      Parameter w = withGradient(Torch.randn(4, 3));
      Parameter b = withGradient(Torch.randn(3));
      Parameter strided = withGradient(Torch.randn(3, 4).t()); // updated through copies
      Adam adam = new Adam(List.of(w, b), AdamOptions.lr(1e-4).withAmsgrad(true).withFused(true));
      SGD sgd = new SGD(List.of(strided), SGDOptions.lr(1e-6).withMomentum(0.5).withFused(true));
      run(adam, STEPS_PER_WINDOW); // warm up the JIT and libtorch's allocator
      run(sgd, STEPS_PER_WINDOW);
      ResidentSetGrowth.sample(WINDOWS, () -> {
        run(adam, STEPS_PER_WINDOW);
        run(sgd, STEPS_PER_WINDOW);
      });
      boolean finite = Double.isFinite(w.get().abs().sum().item())
          && Double.isFinite(strided.get().abs().sum().item());
      System.out.println("steps=" + adam.state(w).step() + "," + sgd.state(strided).step()
          + " finite=" + finite);
    }
  }

  @Test
  void twoHundredThousandFusedSteps_keepTheResidentSetFlat() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class, MemoryTest.FIXED_HEAP, 300);
    assertEquals(0, r.exitCode(), r.output());
    Matcher m = Pattern.compile("steps=([0-9]+),([0-9]+) finite=(\\w+)").matcher(r.output());
    assertTrue(m.find(), r.output());
    String steps = Integer.toString((WINDOWS + 1) * STEPS_PER_WINDOW);
    assertEquals(steps, m.group(1), "the Adam steps ran");
    assertEquals(steps, m.group(2), "the SGD steps ran");
    assertEquals("true", m.group(3), "the parameters stay finite");
    ResidentSetGrowth.parse(r.output()).assertNoLeak(
        2L * STEPS_PER_WINDOW, MAX_BYTES_PER_STEP, "200,000 fused optimizer steps");
  }
}
