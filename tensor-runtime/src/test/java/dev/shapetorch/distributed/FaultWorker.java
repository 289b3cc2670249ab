package dev.shapetorch.distributed;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker of {@link DistributedTest}'s fault scenarios; {@code args[0]} names the scenario,
 * {@code args[1]} the group's timeout in seconds (a guard against hangs, except in {@code
 * timeout}, where it is how long the abandoned collective keeps {@code close()} waiting).
 *
 * <ul>
 *   <li>{@code join}: joins (a file store when {@code STORE_FILE} is set), prints {@code joined},
 *       leaves.
 *   <li>{@code step}: joins; the last rank prints {@code in step} and waits to be killed; the
 *       others all-reduce, which must fail naming it.
 *   <li>{@code exit3}: prints its pid; rank 1 exits with code 3 once rank 0 has printed its pid
 *       (a marker file in the temporary directory, named after {@code MASTER_PORT}), the others
 *       wait to be stopped.
 *   <li>{@code timeout}: joins with shape checks off; rank 1 prints {@code idle} and waits to be
 *       stopped; rank 0 all-reduces alone and waits for it at most 2 seconds.
 * </ul>
 *
 * <p>A {@link DistributedException} is printed as {@code FAILED faulty=[..]: message}, exit code 3.
 */
public final class FaultWorker {

  private FaultWorker() {}

  public static void main(String[] args) throws Exception {
    Threads.setNumThreads(1);
    String mode = args[0];
    Duration timeout = Duration.ofSeconds(Long.parseLong(args[1]));
    System.out.println("pid " + ProcessHandle.current().pid());
    if (mode.equals("exit3")) {
      // rank 1 fails only once rank 0 has printed its pid (the test looks for it): on a loaded
      // machine rank 0's JVM may start seconds after rank 1's
      Path ready = Path.of(System.getProperty("java.io.tmpdir"),
          "shapetorch-faultworker-" + System.getenv("MASTER_PORT") + ".ready");
      if (System.getenv("RANK").equals("1")) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!java.nio.file.Files.exists(ready) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        java.nio.file.Files.deleteIfExists(ready);
        System.exit(3);
      }
      System.out.flush();
      java.nio.file.Files.createFile(ready);
      Thread.sleep(Duration.ofMinutes(10).toMillis());
      return;
    }
    String file = System.getenv("STORE_FILE");
    ProcessGroupOptions o = file == null ? ProcessGroupOptions.fromEnvironment()
        : ProcessGroupOptions.file(Path.of(file), Integer.parseInt(System.getenv("RANK")),
            Integer.parseInt(System.getenv("WORLD_SIZE")));
    if (mode.equals("timeout")) {
      o = o.withCheckShapes(false);
    }
    try (ProcessGroup pg = ProcessGroup.init(o.withTimeout(timeout))) {
      System.out.println("joined rank " + pg.rank() + " of " + pg.worldSize());
      if (mode.equals("step")) {
        pg.barrier();
        if (pg.rank() == pg.worldSize() - 1) {
          System.out.println("in step");
          Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
        Tensor grad = Torch.ones(1000);
        pg.allReduce(grad);
        System.out.println("allReduce returned although a rank was killed");
        System.exit(1);
      }
      if (mode.equals("timeout")) {
        if (pg.rank() == 1) {
          System.out.println("idle");
          Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
        Work<Tensor> w = pg.allReduceAsync(Torch.ones(3), ReduceOp.SUM);
        try {
          w.await(Duration.ofSeconds(2));
        } catch (DistributedException e) {
          System.out.println("completed=" + w.isCompleted());
          throw e;
        }
        System.out.println("allReduce returned although rank 1 never joined it");
        System.exit(1);
      }
      pg.barrier();
    } catch (DistributedException e) {
      System.out.println("FAILED faulty=" + e.faultyRanks() + ": " + e.getMessage());
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }
    System.out.println("left");
  }
}
