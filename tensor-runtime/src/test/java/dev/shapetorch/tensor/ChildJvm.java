package dev.shapetorch.tensor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM, for tests that need a clean process. */
final class ChildJvm {

  /** What the child printed and how it exited. */
  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code jvmFlags} and waits for it to exit, at most {@code
   * timeoutSeconds} (then it is killed and the call fails with what it printed so far). Its output
   * goes to a file, so a child that prints a lot never blocks on a full pipe.
   */
  static Result run(Class<?> main, List<String> jvmFlags, long timeoutSeconds)
      throws IOException, InterruptedException {
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
    Path out = Files.createTempFile("shapetorch-child-", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
      pb.environment().put("OPENBLAS_NUM_THREADS", "1");
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          throw new AssertionError("child JVM " + main.getSimpleName() + " did not finish in "
              + timeoutSeconds + " s; it printed:\n" + read(out));
        }
        return new Result(p.exitValue(), read(out));
      } finally {
        p.destroyForcibly();
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
