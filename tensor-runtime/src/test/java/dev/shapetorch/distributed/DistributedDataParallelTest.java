package dev.shapetorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.serialize.SafeTensors;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DistributedDataParallel across two worker JVMs on loopback ({@link DdpWorker}, one torch thread
 * each), started once for all the checks: DDP training equals single-process training on the
 * concatenated batch, noSync accumulation equals it too, the broadcast at construction makes
 * differently seeded ranks equal, and a checkpoint saved on rank 0 loads equal everywhere.
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
    Path store = dir.resolve("store");
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int r = 0; r < WORLD; r++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      if (Runtime.version().feature() >= 21) {
        cmd.add("--enable-native-access=ALL-UNNAMED");
      }
      cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
          DdpWorker.class.getName(), store.toString(), Integer.toString(r),
          Integer.toString(WORLD), dir.toString()));
      Path log = dir.resolve("rank" + r + ".log");
      logs.add(log);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
              new File("/dev/null")));
      pb.environment().put("OMP_NUM_THREADS", "1");
      procs.add(pb.start());
    }
    try {
      for (int r = 0; r < WORLD; r++) {
        Process p = procs.get(r);
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String log = Files.readString(logs.get(r));
        assertTrue(done, "rank " + r + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + log);
        assertEquals(0, p.exitValue(), "rank " + r + " failed:\n" + log);
      }
    } finally {
      for (Process p : procs) {
        p.destroyForcibly();
      }
    }
    scope = TensorScope.open();
    ranks = new ArrayList<>();
    for (int r = 0; r < WORLD; r++) {
      ranks.add(SafeTensors.load(dir.resolve("rank" + r + ".safetensors")));
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
  void aCheckpointSavedOnRankZero_loadsEqualOnEveryRank() {
    for (int r = 0; r < WORLD; r++) {
      assertEquals(0.0, maxDiff(ranks.get(r), "restored.", ranks.get(0), "accum.ddp."),
          "rank " + r + " restored rank 0's trained parameters");
    }
  }
}
