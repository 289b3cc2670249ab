package dev.shapetorch.tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM, for tests that need a clean process. */
final class ChildJvm {

  /** What the child printed and how it exited. */
  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  static Result run(Class<?> main, List<String> jvmFlags, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(main, jvmFlags, List.of(), timeoutSeconds);
  }

  /** As {@link #run(Class, List, long)}, with arguments for the child's {@code main}. */
  static Result run(Class<?> main, List<String> jvmFlags, List<String> args,
      long timeoutSeconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 21) {
      cmd.add("--enable-native-access=ALL-UNNAMED");
    }
    cmd.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    Process p = pb.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("child JVM " + main.getSimpleName() + " did not finish in "
            + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(),
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }
}
