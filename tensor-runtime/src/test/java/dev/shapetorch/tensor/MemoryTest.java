package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scopes free what they own: small ops in scopes keep the resident set flat. Measured in windows
 * of 100,000 ops after a warm-up (see {@link ResidentSetGrowth}); the limit is {@value
 * #MAX_BYTES_PER_OP} bytes per op in the median window. The smallest leak this must catch is one
 * native object per op: one tensor handle never freed grows the resident set by 49 bytes per op,
 * one result tensor kept alive natively by 446 (both measured). Without a leak the median window
 * grows by 0 to 80 kB, under 1 byte per op. Runs in a child JVM whose heap is
 * committed up front, so that only native memory can grow.
 */
class MemoryTest {

  static final int WINDOWS = 10;
  static final int SCOPES_PER_WINDOW = 100;
  static final int OPS_PER_SCOPE = 1_000;
  static final double MAX_BYTES_PER_OP = 8;

  /** The JVM flags of a child that measures native memory: a fixed, pre-touched heap. */
  static final List<String> FIXED_HEAP =
      List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC");

  /** The workload, in a fresh JVM: prints the checksum and the resident-set samples. */
  public static final class Child {

    static double run(Tensor start, Tensor b, int scopes) {
      double check = 0;
      for (int s = 0; s < scopes; s++) {
        try (TensorScope scope = TensorScope.open()) {
          Tensor x = start;
          for (int i = 0; i < OPS_PER_SCOPE; i++) {
            x = x.add(b);
          }
          check += x.item();
        }
      }
      return check;
    }

    public static void main(String[] args) {
      Tensor start = Torch.zeros(1);
      Tensor one = Torch.ones(1);
      run(start, one, 2 * SCOPES_PER_WINDOW); // warm up the JIT and libtorch's allocator
      double[] check = {0};
      ResidentSetGrowth.sample(WINDOWS, () -> check[0] += run(start, one, SCOPES_PER_WINDOW));
      System.out.println("check=" + check[0]);
    }
  }

  @Test
  void millionSmallOpsInScopes_keepTheResidentSetFlat() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class, FIXED_HEAP, 300);
    assertEquals(0, r.exitCode(), r.output());
    Matcher m = Pattern.compile("check=([0-9.E]+)").matcher(r.output());
    assertTrue(m.find(), r.output());
    assertEquals((double) WINDOWS * SCOPES_PER_WINDOW * OPS_PER_SCOPE,
        Double.parseDouble(m.group(1)), "the ops ran");
    ResidentSetGrowth.parse(r.output()).assertNoLeak(
        (long) SCOPES_PER_WINDOW * OPS_PER_SCOPE, MAX_BYTES_PER_OP, "10^6 small ops in scopes");
  }
}
