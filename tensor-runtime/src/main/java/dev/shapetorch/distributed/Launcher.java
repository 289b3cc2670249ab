package dev.shapetorch.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the workers of a distributed job on this machine, like PyTorch's {@code torchrun}: N
 * JVMs running a main class, each with {@code MASTER_ADDR}, {@code MASTER_PORT}, {@code RANK},
 * {@code WORLD_SIZE}, {@code LOCAL_RANK} and {@code LOCAL_WORLD_SIZE} set, so that {@link
 * ProcessGroup#initFromEnvironment()} joins them. Their output is forwarded line by line with a
 * {@code [rank k]} prefix. When a worker fails, the others are stopped and the launcher exits with
 * the failed worker's exit code; it exits 0 when all succeed.
 *
 * <pre>
 * java -cp APP_CLASSPATH dev.shapetorch.distributed.Launcher --nproc 2 com.example.Train --epochs 3
 * </pre>
 *
 * <p>Options (before the main class): {@code --nproc N} (workers on this machine, default 1),
 * {@code --nnodes M} and {@code --node-rank K} (machines and this machine's index, default 1 and
 * 0; ranks are {@code K * N + local}), {@code --master-addr A} (default 127.0.0.1), {@code
 * --master-port P} (default: a free port, on one machine; 29500 on several), {@code --jvm-arg X}
 * (repeatable, passed to each worker JVM). Workers get the launcher's class path and {@code
 * OMP_NUM_THREADS=1} unless it is set.
 */
public final class Launcher {

  private static final String OP = "Launcher";
  private static final long STOP_GRACE_SECONDS = 5;

  /** What to start; from the command line. */
  private record Plan(int nproc, int nnodes, int nodeRank, String masterAddr, int masterPort,
      List<String> jvmArgs, String mainClass, List<String> args) {}

  private Launcher() {}

  /**
   * Starts the workers, waits for them and exits with the first failed worker's exit code (0 if
   * all succeed; 2 for a bad command line).
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * As {@link #main}, returning the exit code instead of exiting, and writing the workers' output
   * (prefixed) and the launcher's own messages to {@code out} and {@code err}.
   *
   * @return 0 if every worker exited 0; the first failed worker's exit code otherwise; 2 for a bad
   *     command line
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Plan plan;
    try {
      plan = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println("usage: Launcher [--nproc N] [--nnodes M --node-rank K] [--master-addr A]"
          + " [--master-port P] [--jvm-arg X]... MAIN_CLASS [ARGS...]");
      return 2;
    }
    return launch(plan, out, err);
  }

  private static int launch(Plan plan, PrintStream out, PrintStream err) {
    int port = plan.masterPort() > 0 ? plan.masterPort() : freePort();
    int world = plan.nproc() * plan.nnodes();
    List<Process> workers = new ArrayList<>();
    List<Thread> pumps = new ArrayList<>();
    Thread hook = new Thread(() -> stopAll(workers));
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (int local = 0; local < plan.nproc(); local++) {
        int rank = plan.nodeRank() * plan.nproc() + local;
        ProcessBuilder pb = new ProcessBuilder(command(plan));
        Map<String, String> env = pb.environment();
        env.put("MASTER_ADDR", plan.masterAddr());
        env.put("MASTER_PORT", Integer.toString(port));
        env.put("RANK", Integer.toString(rank));
        env.put("WORLD_SIZE", Integer.toString(world));
        env.put("LOCAL_RANK", Integer.toString(local));
        env.put("LOCAL_WORLD_SIZE", Integer.toString(plan.nproc()));
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        Process p;
        try {
          p = pb.start();
        } catch (IOException e) {
          err.println(OP + ": could not start worker " + rank + " (" + e.getMessage() + ");"
              + " check that java is at " + javaBinary());
          stopAll(workers);
          return 1;
        }
        synchronized (workers) {
          workers.add(p);
        }
        pumps.add(pump(p.getInputStream(), "[rank " + rank + "] ", out));
        pumps.add(pump(p.getErrorStream(), "[rank " + rank + "] ", err));
      }
      int code = waitForAll(plan, workers, err);
      for (Thread t : pumps) {
        t.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS));
      }
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll(workers);
      return 130;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs: it stops the workers
      }
    }
  }

  /** Waits until all exit 0, or one fails: then stops the others and returns its code. */
  private static int waitForAll(Plan plan, List<Process> workers, PrintStream err)
      throws InterruptedException {
    List<Process> running = new ArrayList<>(workers);
    while (!running.isEmpty()) {
      for (int i = 0; i < running.size(); i++) {
        Process p = running.get(i);
        if (p.waitFor(20, TimeUnit.MILLISECONDS)) {
          running.remove(i--);
          int code = p.exitValue();
          if (code != 0) {
            int rank = plan.nodeRank() * plan.nproc() + workers.indexOf(p);
            err.println(OP + ": rank " + rank + " exited with code " + code + "; stopping the"
                + " other workers");
            stopAll(workers);
            return code;
          }
        }
      }
    }
    return 0;
  }

  /** Asks every live worker to stop, then kills those still running after a grace period. */
  private static void stopAll(List<Process> workers) {
    List<Process> all;
    synchronized (workers) {
      all = new ArrayList<>(workers);
    }
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : all) {
      try {
        if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread pump(InputStream in, String prefix, PrintStream to) {
    Thread t = new Thread(() -> {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (to) {
            to.println(prefix + line);
          }
        }
      } catch (IOException e) {
        // the worker is gone; its output ends here
      }
    }, "launcher-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static List<String> command(Plan plan) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    if (Runtime.version().feature() >= 21) {
      cmd.add("--enable-native-access=ALL-UNNAMED"); // JavaCPP's native calls, without a warning
    }
    cmd.addAll(plan.jvmArgs());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(plan.mainClass());
    cmd.addAll(plan.args());
    return cmd;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A port free on 127.0.0.1 now (the kernel's choice), for rank 0's store. */
  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(OP + ": could not find a free port on 127.0.0.1 ("
          + e.getMessage() + "); pass --master-port", e);
    }
  }

  private static Plan parse(String[] args) {
    int nproc = 1;
    int nnodes = 1;
    int nodeRank = 0;
    String addr = "127.0.0.1";
    int port = 0;
    List<String> jvmArgs = new ArrayList<>();
    int i = 0;
    for (; i < args.length && args[i].startsWith("--"); i++) {
      String opt = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(OP + ": " + opt + " needs a value");
      }
      String v = args[++i];
      switch (opt) {
        case "--nproc", "--nproc-per-node", "--nproc_per_node" -> nproc = positive(opt, v);
        case "--nnodes" -> nnodes = positive(opt, v);
        case "--node-rank", "--node_rank" -> nodeRank = number(opt, v);
        case "--master-addr", "--master_addr" -> addr = v;
        case "--master-port", "--master_port" -> port = positive(opt, v);
        case "--jvm-arg" -> jvmArgs.add(v);
        default -> throw new IllegalArgumentException(OP + ": unknown option " + opt);
      }
    }
    if (i >= args.length) {
      throw new IllegalArgumentException(OP + ": no main class given");
    }
    if (nodeRank < 0 || nodeRank >= nnodes) {
      throw new IllegalArgumentException(OP + ": --node-rank must be 0 to --nnodes - 1 = "
          + (nnodes - 1) + ", got " + nodeRank);
    }
    if (nnodes > 1 && port == 0) {
      port = ProcessGroupOptions.DEFAULT_PORT; // every machine must agree on it
    }
    List<String> rest = List.of(args).subList(i + 1, args.length);
    return new Plan(nproc, nnodes, nodeRank, addr, port, List.copyOf(jvmArgs), args[i], rest);
  }

  private static int positive(String opt, String v) {
    int n = number(opt, v);
    if (n < 1) {
      throw new IllegalArgumentException(OP + ": " + opt + " must be at least 1, got " + n);
    }
    return n;
  }

  private static int number(String opt, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(OP + ": " + opt + " must be an integer, got " + v, e);
    }
  }
}
