package dev.shapetorch.distributed;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.time.Duration;
import java.util.Arrays;

/**
 * Not a test: the median time of {@code allReduce} (SUM) for 1 and 1M float32 elements, with the
 * cross-rank shape check on (default) or off. Run it under the launcher:
 *
 * <pre>
 * java -cp TEST_CLASSPATH dev.shapetorch.distributed.Launcher --nproc 2 \
 *     dev.shapetorch.distributed.AllReduceBenchmark [iterations] [on|off]
 * </pre>
 *
 * Rank 0 prints one line per case.
 */
public final class AllReduceBenchmark {

  private AllReduceBenchmark() {}

  public static void main(String[] args) {
    Threads.setNumThreads(1);
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    boolean checks = args.length < 2 || !args[1].equals("off");
    ProcessGroupOptions o = ProcessGroupOptions.fromEnvironment()
        .withTimeout(Duration.ofMinutes(5)).withCheckShapes(checks);
    try (ProcessGroup pg = ProcessGroup.init(o)) {
      for (int n : new int[] {1, 1 << 20}) {
        Tensor t = Torch.ones(n);
        for (int i = 0; i < 5; i++) {
          pg.allReduce(t);
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
          pg.barrier();
          long t0 = System.nanoTime();
          pg.allReduce(t);
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        if (pg.rank() == 0) {
          System.out.printf("allReduce %d floats, %d ranks, shape check %s: median %.3f ms,"
              + " min %.3f ms (%d runs)%n", n, pg.worldSize(), checks ? "on" : "off",
              ms[iterations / 2], ms[0], iterations);
        }
      }
      pg.barrier();
    }
  }
}
