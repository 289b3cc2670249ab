package dev.shapetorch.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The parent side of the fuzzer: runs a range of a sweep's calls in child JVMs ({@link
 * FuzzChild}), a few side by side, and turns what they leave in their progress files into
 * findings. A child that dies is a {@link Verdict#CRASH} of the last call it started; one
 * that writes nothing for {@code hangSeconds} is killed, and its call runs once more alone in a
 * fresh child with {@code fuzz.confirmSeconds} (180) to finish: a {@link Verdict#HANG} only if it
 * does not (a loaded machine slows a legitimate call, such as filling a 2 GiB tensor, past
 * {@code hangSeconds}). Either way a new child goes on with the next call, so one bad op hides
 * no other. Starting a
 * child (the JVM, libtorch, the catalog of ops) is not a call: until its first progress line a
 * child has {@code startSeconds} (property {@code fuzz.startSeconds}, 300), as a loaded machine
 * can take more than {@code hangSeconds} to start a JVM.
 *
 * <p>Children run with one OpenMP thread each and an address-space limit (so that an
 * allocation of a size that cannot be served fails fast instead of swapping the machine), and
 * each runs at most {@code fuzz.chunkCalls} calls (2000), so that what calls leave behind does
 * not add up to that limit.
 */
final class Sweep {

  /** One failed call. */
  record Finding(int index, String call, String tag, String detail) {
    @Override
    public String toString() {
      return "#" + index + " " + call + "\n    " + tag + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  /** What a sweep did. */
  record Report(int calls, int jvms, long millis, List<Finding> findings) {

    /** Findings per tag. */
    Map<String, Integer> byTag() {
      Map<String, Integer> m = new TreeMap<>();
      findings.forEach(f -> m.merge(f.tag(), 1, Integer::sum));
      return m;
    }

    /** A readable summary: figures, counts per tag, and the first findings of each tag. */
    String summary(int examplesPerTag) {
      StringBuilder sb = new StringBuilder();
      sb.append(calls).append(" calls in ").append(jvms).append(" child JVMs, ")
          .append(millis / 1000.0).append(" s; findings: ").append(byTag()).append('\n');
      Map<String, Integer> shown = new TreeMap<>();
      for (Finding f : findings) {
        if (shown.merge(f.tag(), 1, Integer::sum) <= examplesPerTag) {
          sb.append(f).append('\n');
        }
      }
      return sb.toString();
    }
  }

  private final long seed;
  private final int random;
  private final long hangSeconds;
  private final Path dir;

  Sweep(long seed, int random, long hangSeconds, Path dir) {
    this.seed = seed;
    this.random = random;
    this.hangSeconds = hangSeconds;
    this.dir = dir;
  }

  /** Runs calls {@code [from, to)} in {@code parallel} lanes of child JVMs. */
  Report run(int from, int to, int parallel) throws InterruptedException {
    long start = System.nanoTime();
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    int[] jvms = new int[parallel];
    List<Thread> lanes = new ArrayList<>();
    int per = (to - from + parallel - 1) / parallel;
    for (int lane = 0; lane < parallel; lane++) {
      int a = from + lane * per;
      int b = Math.min(to, a + per);
      int id = lane;
      Thread t = new Thread(() -> {
        try {
          jvms[id] = lane(id, a, b, findings);
        } catch (IOException | InterruptedException e) {
          findings.add(new Finding(a, "lane " + id, "harness", e.toString()));
        }
      }, "fuzz-lane-" + lane);
      t.start();
      lanes.add(t);
    }
    for (Thread t : lanes) {
      t.join();
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort((x, y) -> Integer.compare(x.index(), y.index()));
    int total = 0;
    for (int j : jvms) {
      total += j;
    }
    return new Report(to - from, total, (System.nanoTime() - start) / 1_000_000, sorted);
  }

  private int lane(int id, int from, int to, List<Finding> findings)
      throws IOException, InterruptedException {
    int next = from;
    int jvms = 0;
    while (next < to) {
      jvms++;
      // A child runs at most chunkCalls() calls: what the calls leave behind (vision models'
      // weights, tensors the GC has not yet freed) accumulates within its address-space limit,
      // and a lane of 10,000 calls in one child ran out of it on an ordinary call.
      int end = (int) Math.min(to, (long) next + chunkCalls());
      Path progress = dir.resolve("lane" + id + "-" + jvms + ".progress");
      Path log = dir.resolve("lane" + id + "-" + jvms + ".log");
      Files.deleteIfExists(progress);
      Files.createFile(progress);
      Process p = start(next, end, progress, log);
      boolean hung = watch(p, progress);
      List<String> lines = Files.readAllLines(progress, StandardCharsets.UTF_8);
      int lastStarted = -1;
      String lastCall = "";
      boolean done = false;
      for (String line : lines) {
        if (line.startsWith("S ")) {
          int sp = line.indexOf(' ', 2);
          lastStarted = Integer.parseInt(line.substring(2, sp));
          lastCall = line.substring(sp + 1);
        } else if (line.startsWith("F ")) {
          int sp = line.indexOf(' ', 2);
          String rest = line.substring(sp + 1);
          int colon = rest.indexOf(": ");
          findings.add(new Finding(Integer.parseInt(line.substring(2, sp)), lastCall,
              colon < 0 ? rest : rest.substring(0, colon), colon < 0 ? "" : rest.substring(colon + 2)));
        } else if (line.startsWith("D ")) {
          done = true;
        }
      }
      if (done && !hung) {
        next = end;
        continue;
      }
      if (lastStarted < 0) {
        findings.add(new Finding(next, "(child start)", hung ? Verdict.HANG : Verdict.CRASH,
            (hung ? "the child JVM wrote no progress in its first " + startSeconds() + " s"
                : "the child JVM died before its first call, " + crashReason(p, log))
                + "; its output: " + tail(log)));
        return jvms;
      }
      if (hung && finishesAlone(lastStarted, id, jvms, findings)) {
        next = lastStarted + 1; // slow on a loaded machine, not hung: its own findings are in
        continue;
      }
      findings.add(new Finding(lastStarted, lastCall, hung ? Verdict.HANG : Verdict.CRASH,
          hung ? "no progress for " + hangSeconds + " s, nor for " + confirmSeconds()
              + " s alone in a fresh child" : crashReason(p, log)));
      next = lastStarted + 1;
    }
    return jvms;
  }

  /**
   * Runs call {@code index} once more, alone in a fresh child, with {@link #confirmSeconds()} to
   * finish: true if it does (adding the findings it reports), so that a call that only took
   * long while the machine was loaded (a 2 GiB tensor filled while other JVMs swapped) is no
   * hang; false if it again makes no progress or kills the child.
   */
  private boolean finishesAlone(int index, int lane, int jvm, List<Finding> findings)
      throws IOException, InterruptedException {
    Path progress = dir.resolve("lane" + lane + "-" + jvm + "-confirm.progress");
    Path log = dir.resolve("lane" + lane + "-" + jvm + "-confirm.log");
    Files.deleteIfExists(progress);
    Files.createFile(progress);
    Process p = start(index, index + 1, progress, log);
    if (watch(p, progress, confirmSeconds())) {
      return false;
    }
    List<String> lines = Files.readAllLines(progress, StandardCharsets.UTF_8);
    if (lines.stream().noneMatch(l -> l.startsWith("D "))) {
      return false;
    }
    String call = "";
    for (String line : lines) {
      if (line.startsWith("S ")) {
        call = line.substring(line.indexOf(' ', 2) + 1);
      } else if (line.startsWith("F ")) {
        String rest = line.substring(line.indexOf(' ', 2) + 1);
        int colon = rest.indexOf(": ");
        findings.add(new Finding(index, call, colon < 0 ? rest : rest.substring(0, colon),
            colon < 0 ? "" : rest.substring(colon + 2)));
      }
    }
    return true;
  }

  private Process start(int from, int to, Path progress, Path log) throws IOException {
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 21) {
      java.add("--enable-native-access=ALL-UNNAMED");
    }
    java.add("-Xmx768m");
    java.add("-XX:-CreateCoredumpOnCrash");
    java.add("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
    java.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
    java.add("-Dorg.bytedeco.javacpp.maxBytes=0");
    java.add("-cp");
    java.add(System.getProperty("java.class.path"));
    java.add(FuzzChild.class.getName());
    java.addAll(List.of(Long.toString(seed), Integer.toString(random), Integer.toString(from),
        Integer.toString(to), progress.toString()));
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
        "ulimit -v " + addressSpaceKb() + " 2>/dev/null; exec \"$@\"", "fuzz-child"));
    cmd.addAll(java);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    // glibc gives each thread that allocates an arena of 64 MiB of address space; within the
    // child's address-space limit a few dozen of them (the calls' threads) left no room for the
    // vision models' weights (VGG-11: 0.5 GiB), and the child JVM died of a failed malloc.
    pb.environment().put("MALLOC_ARENA_MAX", "2");
    return pb.start();
  }

  /**
   * 5.5 GiB of address space: the JVM and libtorch reserve about 4.2, a tensor gets the rest
   * (a legitimate request for gigabytes fails fast instead of filling the machine's memory).
   */
  private static long addressSpaceKb() {
    return Long.getLong("fuzz.addressSpaceKb", 11L << 19);
  }

  /** The most calls one child JVM runs before the next takes over (property {@code fuzz.chunkCalls}). */
  private static int chunkCalls() {
    return Math.max(1, Integer.getInteger("fuzz.chunkCalls", 2000));
  }

  /** How long a child may take to start, before its first progress line. */
  private static long startSeconds() {
    return Long.getLong("fuzz.startSeconds", 300);
  }

  /**
   * How long a call that made no progress for {@code hangSeconds} gets when it runs again alone
   * (property {@code fuzz.confirmSeconds}, 180).
   */
  private static long confirmSeconds() {
    return Long.getLong("fuzz.confirmSeconds", 180);
  }

  private boolean watch(Process p, Path progress) throws InterruptedException, IOException {
    return watch(p, progress, hangSeconds);
  }

  /**
   * Waits for the child; true if it stopped making progress and was killed: no new progress for
   * {@code limitSeconds}, or none at all in its first {@link #startSeconds()}.
   */
  private static boolean watch(Process p, Path progress, long limitSeconds)
      throws InterruptedException, IOException {
    long size = 0;
    long lastChange = System.nanoTime();
    while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
      long now = Files.size(progress);
      long limit = size == 0 ? startSeconds() : limitSeconds;
      if (now != size) {
        size = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(limit)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        return true;
      }
    }
    return false;
  }

  private static String crashReason(Process p, Path log) throws IOException {
    String signal = "";
    for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
      if (line.contains("SIGSEGV") || line.contains("SIGFPE") || line.contains("SIGABRT")
          || line.contains("SIGILL") || line.contains("SIGBUS") || line.contains("free()")
          || line.contains("double free") || line.contains("corrupted")
          || line.contains("terminate called")) {
        signal = line.replace("#", "").strip();
        break;
      }
    }
    return "exit code " + p.exitValue() + (signal.isEmpty() ? "" : ", " + signal);
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
