package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scopes keep the resident set flat: a million small ops grow it by less than 20 MB. Runs in a
 * child JVM whose heap is committed up front, so that only native memory can grow.
 */
class MemoryTest {

  /** The workload, in a fresh JVM. Prints the checksum and the growth of VmRSS in kB. */
  public static final class Child {
    private static final int OPS_PER_SCOPE = 1_000;

    static long residentKb() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

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

    public static void main(String[] args) throws IOException {
      Tensor start = Torch.zeros(1);
      Tensor one = Torch.ones(1);
      run(start, one, 100); // warm up the JIT and libtorch's allocator
      long before = residentKb();
      double check = run(start, one, 1_000); // 10^6 adds
      long grown = residentKb() - before;
      System.out.println("check=" + check + " grownKb=" + grown);
    }
  }

  @Test
  void millionSmallOpsInScopes_keepTheResidentSetFlat() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class,
        List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"), 120);
    assertEquals(0, r.exitCode(), r.output());
    Matcher m = Pattern.compile("check=([0-9.E]+) grownKb=(-?[0-9]+)").matcher(r.output());
    assertTrue(m.find(), r.output());
    assertEquals(1_000 * 1_000.0, Double.parseDouble(m.group(1)), "the ops ran");
    long grownKb = Long.parseLong(m.group(2));
    assertTrue(grownKb < 20 * 1024, "VmRSS grew by " + grownKb + " kB over 10^6 ops");
  }
}
