package dev.shapetorch.bench;

import dev.shapetorch.distributed.ProcessGroup;
import dev.shapetorch.distributed.ProcessGroupOptions;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * ShapeTorch's side of the all-reduce bandwidth in {@code benchmarks/distributed/run.sh}: the
 * median time of {@code allReduce} (sum) of a float32 tensor of the given megabytes between the
 * workers the {@code Launcher} started, after two warm-up calls, each call after a barrier. Rank 0
 * prints {@code allreduce MB median_ms MS gb_per_s RATE}, the line PyTorch's side prints.
 *
 * <pre>
 * java -cp CP dev.shapetorch.distributed.Launcher --nproc 2 \
 *     dev.shapetorch.bench.AllReduceBandwidth MB [REPEATS] [check|nocheck]
 * </pre>
 *
 * <p>{@code nocheck} turns off the cross-rank shape check that precedes every collective (about
 * half a millisecond here), which PyTorch does not have.
 */
public final class AllReduceBandwidth {

  private AllReduceBandwidth() {}

  /** Runs one size; see the class comment for the arguments. */
  public static void main(String[] args) {
    double megabytes = Double.parseDouble(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    boolean check = args.length < 3 || !args[2].equals("nocheck");
    Threads.setNumThreads(1);
    ProcessGroupOptions o = ProcessGroupOptions.fromEnvironment()
        .withTimeout(Duration.ofMinutes(5)).withCheckShapes(check);
    try (ProcessGroup pg = ProcessGroup.init(o)) {
      Tensor t = Torch.ones((long) (megabytes * 1024 * 1024 / 4));
      double[] ms = new double[repeats];
      for (int i = 0; i < repeats + 2; i++) {
        pg.barrier();
        long t0 = System.nanoTime();
        pg.allReduce(t);
        if (i >= 2) {
          ms[i - 2] = (System.nanoTime() - t0) / 1e6;
        }
      }
      Arrays.sort(ms);
      double median = repeats % 2 == 1 ? ms[repeats / 2]
          : (ms[repeats / 2 - 1] + ms[repeats / 2]) / 2;
      if (pg.rank() == 0) {
        System.out.printf(Locale.ROOT, "allreduce %s median_ms %.3f gb_per_s %.3f%n",
            megabytes, median, megabytes / 1024 / (median / 1000));
      }
      pg.barrier();
    }
  }
}
