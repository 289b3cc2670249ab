package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Threads#setNumThreads} refuses thread counts that cannot work (issue 10 §6): zero,
 * negative and huge counts get a message naming the op, the count and the limit, and leave the
 * process' thread count as it was, so the next op still runs. The fuzzer leaves this op out (it
 * changes the thread count of every later call in its child JVM); this test fuzzes its bad counts
 * on its own, in a fresh child JVM, because a count libtorch accepted used to keep the process
 * busy creating threads, or fail every later parallel op.
 */
class ThreadsTest {

  /** The counts the child tries, one per line of its output. */
  static final int[] BAD = {0, -1, Integer.MIN_VALUE, 100_000, Integer.MAX_VALUE};

  @Test
  void setNumThreads_badCounts_refusedWithTheLimit_andTheProcessKeepsWorking() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class, List.of(), 120);
    assertEquals(0, r.exitCode(), r.output());
    List<String> lines = r.output().lines().filter(l -> l.startsWith("COUNT ")).toList();
    assertEquals(BAD.length, lines.size(), r.output());
    for (int i = 0; i < BAD.length; i++) {
      String prefix = "COUNT " + BAD[i] + " java.lang.IllegalArgumentException: "
          + "Threads.setNumThreads: ";
      assertTrue(lines.get(i).startsWith(prefix), lines.get(i));
      assertTrue(lines.get(i).contains(Integer.toString(BAD[i])), lines.get(i));
      if (BAD[i] > 0) {
        assertTrue(lines.get(i).contains("more than the limit of "), lines.get(i));
      }
    }
    assertTrue(r.output().contains("UNCHANGED true"), r.output());
    assertTrue(r.output().contains("MATMUL 512.0"), r.output());
  }

  @Test
  void setNumThreads_oneAboveTheLimit_isRefused_andTheCountStays() {
    int before = Threads.getNumThreads();
    int limit = Math.max(64, 4 * Runtime.getRuntime().availableProcessors());
    try {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> Threads.setNumThreads(limit + 1));
      assertTrue(e.getMessage().startsWith("Threads.setNumThreads: " + (limit + 1)
          + " threads is more than the limit of " + limit), e.getMessage());
      assertEquals(before, Threads.getNumThreads());
    } finally {
      Threads.setNumThreads(before);
    }
  }

  /** Tries each bad count, then runs an op. */
  public static final class Child {
    private Child() {}

    /** Prints {@code COUNT n outcome} per bad count, then whether the count stayed and an op's result. */
    public static void main(String[] args) {
      int before = Threads.getNumThreads();
      for (int n : BAD) {
        try {
          Threads.setNumThreads(n);
          System.out.println("COUNT " + n + " ACCEPTED");
        } catch (RuntimeException e) {
          System.out.println("COUNT " + n + " " + e.getClass().getName() + ": " + e.getMessage());
        }
      }
      System.out.println("UNCHANGED " + (Threads.getNumThreads() == before));
      Tensor ones = Torch.ones(512, 512);
      System.out.println("MATMUL " + ones.matmul(ones).max().item());
      System.exit(0);
    }
  }
}
