package dev.shapetorch.distributed;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process groups of 2 and 3 worker JVMs on 127.0.0.1: every collective against its definition
 * (one spawn per world size runs them all, see {@link CollectivesWorker}), the shape checks'
 * messages, the faults (a rank killed mid-step, a wrong world size, a port in use), the launcher,
 * and that nothing is left running or listening afterwards. Timeouts here only guard against
 * hangs; nothing is timed.
 */
class DistributedTest {

  /** Generous: a guard against a hang on a loaded machine, never a measurement. */
  private static final long GUARD_SECONDS = 240;
  private static final String TIMEOUT = "120";

  @TempDir Path tmp;

  @AfterEach
  void nothingLeftRunning() {
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList())
        .isEmpty();
  }

  // ---- every collective

  @Test
  void twoRanks_everyCollectiveMatchesItsDefinition() throws Exception {
    everyCollective(2);
  }

  @Test
  void threeRanks_everyCollectiveMatchesItsDefinition() throws Exception {
    everyCollective(3);
  }

  private void everyCollective(int n) throws Exception {
    int port = freePort();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Launcher.run(new String[] {"--nproc", "" + n, "--master-port", "" + port,
        CollectivesWorker.class.getName(), TIMEOUT}, ps, ps);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(0);
    for (int r = 0; r < n; r++) {
      assertThat(text).containsMatch("\\[rank " + r + "\\] rank " + r + ": all \\d+ checks passed");
      // the mismatch names every rank's shape, on every rank
      StringBuilder shapes = new StringBuilder();
      for (int q = 0; q < n; q++) {
        shapes.append(q == 0 ? "" : ", ").append("rank ").append(q).append(" has [4, ")
            .append(q == 1 ? 2 : 3).append(']');
      }
      assertThat(text).contains("[rank " + r + "] ok allReduce shape mismatch: "
          + "[shape.mismatch.collective] ProcessGroup.allReduce: " + shapes);
    }
    assertPortFree(port);
  }

  // ---- faults

  @Test
  void rankKilledMidStep_othersFailNamingIt() throws Exception {
    int port = freePort();
    List<Worker> ws = start(3, port, "step", Map.of());
    Worker victim = ws.get(2);
    victim.awaitLine("in step");
    victim.process.destroyForcibly().waitFor();
    for (int r = 0; r < 2; r++) {
      Worker w = ws.get(r);
      assertThat(w.waitForExit()).isEqualTo(3);
      String text = w.output();
      assertThat(text).contains("FAILED");
      assertThat(text).containsMatch("faulty=\\[([0-9], )*2\\]");
      assertThat(text).containsMatch("ProcessGroup.allReduce: rank " + r + " of 3: ranks? "
          + "([0-9], )*2 (is|are) no longer running");
    }
    assertPortFree(port);
  }

  @Test
  void rankThatNeverArrives_awaitTimesOutNamingTheOp() throws Exception {
    int port = freePort();
    // The allReduce that rank 0 gives up on after 2 s stays in flight until the group's timeout
    // ends it, and close() waits for that (as PyTorch's Gloo group does): a group timeout of
    // 45 s keeps the test short and still leaves the two ranks' JVMs ample time to meet.
    List<Worker> ws = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      ws.add(Worker.start(r, 2, port, "timeout", Map.of(), tmp, "45"));
    }
    ws.get(1).awaitLine("idle");
    Worker w = ws.get(0);
    assertThat(w.waitForExit()).isEqualTo(3);
    assertThat(w.output()).contains("completed=false");
    assertThat(w.output()).contains("FAILED faulty=[]: ProcessGroup.allReduce: rank 0 of 2 timed"
        + " out after 2 s waiting for the other ranks");
    ws.get(1).process.destroyForcibly().waitFor();
    assertPortFree(port);
  }

  @Test
  void wrongWorldSize_everyRankSaysWhichRanksDisagree() throws Exception {
    int port = freePort();
    List<Worker> ws = new ArrayList<>();
    ws.add(Worker.start(0, 2, port, "join", Map.of(), tmp));
    ws.add(Worker.start(1, 3, port, "join", Map.of(), tmp));
    for (Worker w : ws) {
      assertThat(w.waitForExit()).isEqualTo(3);
      assertThat(w.output()).contains("ProcessGroup.init: the ranks disagree on WORLD_SIZE:"
          + " rank 0 has 2, rank 1 has 3; give every process the same WORLD_SIZE");
    }
    assertPortFree(port);
  }

  @Test
  void fileStore_ranksJoinAndLeave() throws Exception {
    Path file = tmp.resolve("store");
    List<Worker> ws = start(2, 1, "join", Map.of("STORE_FILE", file.toString()));
    for (Worker w : ws) {
      assertThat(w.waitForExit()).isEqualTo(0);
      assertThat(w.output()).contains("left");
    }
  }

  @Test
  void portInUse_rankZeroSaysSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      DistributedException e = assertThrows(DistributedException.class,
          () -> ProcessGroup.init(ProcessGroupOptions.tcp("127.0.0.1", port, 0, 1)
              .withTimeout(Duration.ofSeconds(30))));
      assertThat(e).hasMessageThat().startsWith("ProcessGroup.init: rank 0 could not listen on"
          + " 127.0.0.1:" + port);
      assertThat(e).hasMessageThat().contains("MASTER_PORT " + port + " is in use");
    }
  }

  @Test
  void oneRankGroup_listensOnLoopbackOnly_andFreesItsPortOnClose() throws Exception {
    int port = freePort();
    List<String> before = listeningSockets();
    ProcessGroup pg = ProcessGroup.init(ProcessGroupOptions.tcp("127.0.0.1", port, 0, 1)
        .withTimeout(Duration.ofSeconds(60)));
    try {
      List<String> opened = listeningSockets();
      opened.removeAll(before);
      assertThat(opened).isNotEmpty();
      for (String addr : opened) {
        assertThat(addr).startsWith("0100007F:"); // 127.0.0.1, in /proc/net/tcp's notation
      }
      assertThat(opened).contains(String.format("0100007F:%04X", port));
      Tensor t = Torch.ones(3);
      pg.allReduce(t, ReduceOp.SUM);
      assertThat(t.toFloatArray()).isEqualTo(new float[] {1, 1, 1});
      assertThat(pg.rank()).isEqualTo(0);
      assertThat(pg.worldSize()).isEqualTo(1);
    } finally {
      pg.close();
    }
    pg.close(); // idempotent
    assertPortFree(port);
    IllegalStateException closed = assertThrows(IllegalStateException.class, pg::barrier);
    assertThat(closed).hasMessageThat().contains("ProcessGroup.barrier: the process group is"
        + " closed");
  }

  // ---- launcher

  @Test
  void launcher_stopsTheOthersWhenOneFails_andExitsWithItsCode() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Launcher.run(new String[] {"--nproc", "2", FaultWorker.class.getName(), "exit3",
        TIMEOUT}, ps, ps);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(3);
    assertThat(text).contains("Launcher: rank 1 exited with code 3; stopping the other workers");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\[rank 0\\] pid (\\d+)").matcher(text);
    assertThat(m.find()).isTrue();
    long pid = Long.parseLong(m.group(1));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void launcher_badCommandLine_exits2WithUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(Launcher.run(new String[] {"--nproc", "zero", "Main"}, ps, ps)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Launcher: --nproc must be an integer, got zero");
  }

  // ---- helpers

  private List<Worker> start(int n, int port, String mode, Map<String, String> env)
      throws IOException {
    List<Worker> ws = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      ws.add(Worker.start(r, n, port, mode, env, tmp));
    }
    return ws;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Binding the port on 127.0.0.1 succeeds: nothing listens there any more. */
  private static void assertPortFree(int port) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // a closed connection's TIME_WAIT is not a listener
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
  }

  /** This process's listening TCP sockets, as {@code HEXADDR:HEXPORT} from /proc/net/tcp{,6}. */
  private static List<String> listeningSockets() throws IOException {
    List<String> inodes = new ArrayList<>();
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String link = Files.readSymbolicLink(fd).toString();
          if (link.startsWith("socket:[")) {
            inodes.add(link.substring(8, link.length() - 1));
          }
        } catch (IOException gone) {
          // closed meanwhile
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table)).subList(1,
          Files.readAllLines(Path.of(table)).size())) {
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          out.add(f[1]);
        }
      }
    }
    return out;
  }

  /** One worker JVM started by hand (not by the launcher, which would stop the survivors). */
  private static final class Worker {
    final Process process;
    final Path log;

    private Worker(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static Worker start(int rank, int world, int port, String mode, Map<String, String> env,
        Path dir) throws IOException {
      return start(rank, world, port, mode, env, dir, TIMEOUT);
    }

    /** As above, with the group's timeout in seconds. */
    static Worker start(int rank, int world, int port, String mode, Map<String, String> env,
        Path dir, String timeoutSeconds) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), FaultWorker.class.getName(), mode,
          timeoutSeconds));
      Path log = dir.resolve("rank" + rank + "-" + System.nanoTime() + ".log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> e = new HashMap<>(Map.of("MASTER_ADDR", "127.0.0.1",
          "MASTER_PORT", "" + port, "RANK", "" + rank, "WORLD_SIZE", "" + world,
          "LOCAL_RANK", "" + rank, "OMP_NUM_THREADS", "1"));
      e.putAll(env);
      pb.environment().putAll(e);
      return new Worker(pb.start(), log);
    }

    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    int waitForExit() throws Exception {
      if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("worker hung; it printed:\n" + output());
      }
      return process.exitValue();
    }

    /** Polls the worker's output for {@code line} (it prints it when it got there). */
    void awaitLine(String line) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
      while (!output().contains(line)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("worker never printed \"" + line + "\":\n" + output());
        }
        Thread.sleep(20);
      }
    }
  }
}
