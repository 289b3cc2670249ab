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
 * stand-ins): 200,000 of them grow the resident set by less than 20 MB. In a child JVM, as
 * {@link MemoryTest}.
 */
class FusedKernelMemoryTest {

  /** The workload: prints the steps taken, whether the parameters are finite, and the growth. */
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

    public static void main(String[] args) throws Exception {
      Parameter w = withGradient(Torch.randn(4, 3));
      Parameter b = withGradient(Torch.randn(3));
      Parameter strided = withGradient(Torch.randn(3, 4).t()); // updated through copies
      Adam adam = new Adam(List.of(w, b), AdamOptions.lr(1e-4).withAmsgrad(true).withFused(true));
      SGD sgd = new SGD(List.of(strided), SGDOptions.lr(1e-6).withMomentum(0.5).withFused(true));
      run(adam, 5_000); // warm up the JIT and libtorch's allocator
      run(sgd, 5_000);
      long before = MemoryTest.Child.residentKb();
      run(adam, 100_000);
      run(sgd, 100_000);
      long grown = MemoryTest.Child.residentKb() - before;
      boolean finite = Double.isFinite(w.get().abs().sum().item())
          && Double.isFinite(strided.get().abs().sum().item());
      System.out.println("steps=" + adam.state(w).step() + "," + sgd.state(strided).step()
          + " finite=" + finite + " grownKb=" + grown);
    }
  }

  @Test
  void twoHundredThousandFusedSteps_keepTheResidentSetFlat() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class,
        List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"), 180);
    assertEquals(0, r.exitCode(), r.output());
    Matcher m = Pattern.compile("steps=([0-9]+),([0-9]+) finite=(\\w+) grownKb=(-?[0-9]+)")
        .matcher(r.output());
    assertTrue(m.find(), r.output());
    assertEquals("105000", m.group(1), "the Adam steps ran");
    assertEquals("105000", m.group(2), "the SGD steps ran");
    assertEquals("true", m.group(3));
    long grownKb = Long.parseLong(m.group(4));
    assertTrue(grownKb < 20 * 1024, "VmRSS grew by " + grownKb + " kB over 200,000 fused steps");
  }
}
