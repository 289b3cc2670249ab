package dev.shapetorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.serialize.SafeTensors;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DistributedDataParallel across two worker JVMs on loopback ({@link DdpWorker}, one torch thread
 * each, started by {@link Launcher}), started once for all the checks: DDP training equals single-process training on the
 * concatenated batch, noSync accumulation equals it too, the broadcast at construction makes
 * differently seeded ranks equal, a checkpoint saved on rank 0 loads equal everywhere, and
 * models that differ fail on every rank with a message naming the parameter and the ranks.
 */
class DistributedDataParallelTest {

  private static final int WORLD = 2;
  private static final double TOLERANCE = 1e-5;
  /** Against hangs only: the run takes seconds. */
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir static Path dir;
  private static List<Map<String, Tensor>> ranks;
  private static TensorScope scope;

  @BeforeAll
  static void runWorkers() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
    ExecutorService launcher = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> code = launcher.submit(() -> Launcher.run(new String[] {"--nproc",
          Integer.toString(WORLD), "--jvm-arg", "-Xmx512m", DdpWorker.class.getName(),
          dir.toString()}, ps, ps));
      int exit = code.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(0, exit, "the workers failed:\n" + log.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      throw new AssertionError("the workers did not finish in " + TIMEOUT_SECONDS + " s:\n"
          + log.toString(StandardCharsets.UTF_8), e);
    } finally {
      launcher.shutdownNow();
    }
    scope = TensorScope.open();
    ranks = new ArrayList<>();
    for (int r = 0; r < WORLD; r++) {
      ranks.add(SafeTensors.load(dir.resolve("rank" + r + ".safetensors")));
    }
  }

  @AfterAll
  static void freeTensors() {
    if (scope != null) {
      scope.close();
    }
  }

  /** The largest absolute difference between the entries {@code a*} and {@code b*}. */
  private static double maxDiff(Map<String, Tensor> x, String a, Map<String, Tensor> y,
      String b) {
    double max = 0;
    int compared = 0;
    for (Map.Entry<String, Tensor> e : x.entrySet()) {
      if (!e.getKey().startsWith(a)) {
        continue;
      }
      Tensor other = y.get(b + e.getKey().substring(a.length()));
      assertTrue(other != null, "no " + b + " entry for " + e.getKey());
      max = Math.max(max, e.getValue().sub(other).abs().max().item());
      compared++;
    }
    assertTrue(compared > 0, "no entries " + a);
    System.out.println("DistributedDataParallelTest: max |" + a + "* - " + b + "*| = " + max);
    return max;
  }

  @Test
  void construction_broadcastsRankZerosParameters_toDifferentlySeededRanks() {
    assertTrue(maxDiff(ranks.get(0), "before.", ranks.get(1), "before.") > 0.01,
        "the ranks were seeded differently");
    for (int r = 0; r < WORLD; r++) {
      assertEquals(0.0, maxDiff(ranks.get(r), "after.", ranks.get(0), "before."),
          "rank " + r + " holds rank 0's initial parameters");
    }
  }

  @Test
  void training_equalsSingleProcessTrainingOnTheConcatenatedBatch() {
    for (int r = 0; r < WORLD; r++) {
      double d = maxDiff(ranks.get(r), "train.ddp.", ranks.get(r), "train.ref.");
      assertTrue(d <= TOLERANCE, "rank " + r + ": DDP differs from the reference by " + d);
    }
    assertTrue(maxDiff(ranks.get(0), "train.ref.", ranks.get(0), "after.") > 1e-3,
        "the steps changed the parameters");
  }

  @Test
  void noSyncAccumulation_equalsSingleProcessAccumulation() {
    for (int r = 0; r < WORLD; r++) {
      double d = maxDiff(ranks.get(r), "accum.ddp.", ranks.get(r), "accum.ref.");
      assertTrue(d <= TOLERANCE, "rank " + r + ": DDP with noSync differs by " + d);
    }
    assertTrue(maxDiff(ranks.get(0), "accum.ref.", ranks.get(0), "train.ref.") > 1e-3,
        "the accumulation steps changed the parameters");
  }

  @Test
  void findUnusedParameters_trainsTheUsedHeadAsTheReference_andLeavesTheOtherAlone() {
    for (int r = 0; r < WORLD; r++) {
      double d = maxDiff(ranks.get(r), "unused.ddp.", ranks.get(r), "unused.ref.");
      assertTrue(d <= TOLERANCE, "rank " + r + ": DDP with an unused head differs by " + d);
      assertEquals(0.0, maxDiff(ranks.get(r), "unused.ddp.unused.", ranks.get(0),
          "unused.before.unused."), "the unused head is rank 0's initial one, untouched");
    }
    assertTrue(maxDiff(ranks.get(0), "unused.ref.used.", ranks.get(0), "unused.before.used.")
        > 1e-3, "the used head trained");
  }

  @Test
  void modelsThatDiffer_failOnEveryRank_namingTheParameterShapesAndRanks() throws Exception {
    for (int r = 0; r < WORLD; r++) {
      String message = Files.readString(dir.resolve("mismatch" + r + ".txt"));
      assertTrue(message.startsWith("DistributedDataParallel: the ranks' models differ:"
          + " parameter 'weight' is "), "rank " + r + ": " + message);
      assertTrue(message.contains("[3, 4] on rank 0 but ") && message.contains("[2, 4] on rank 1"),
          "rank " + r + ": " + message);
    }
  }

  @Test
  void aCheckpointSavedOnRankZero_loadsEqualOnEveryRank() {
    for (int r = 0; r < WORLD; r++) {
      assertEquals(0.0, maxDiff(ranks.get(r), "restored.", ranks.get(0), "accum.ddp."),
          "rank " + r + " restored rank 0's trained parameters");
    }
  }
}
