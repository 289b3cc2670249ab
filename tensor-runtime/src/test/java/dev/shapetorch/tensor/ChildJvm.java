package dev.shapetorch.tensor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a fresh JVM, for tests that need a clean process.
 * The child starts as a user's {@code java -cp ... Main} would, with no ShapeTorch-specific flags
 * and an empty environment (plus what a test names): ShapeTorch applies its runtime settings by
 * itself (see {@code dev.shapetorch.internal.RuntimeDefaults}). Public for the tests of the other
 * packages.
 */
public final class ChildJvm {

  /** What the child printed (standard output and error, interleaved) and how it exited. */
  public record Result(int exitCode, String output) {}

  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code jvmFlags} and waits for it to exit, at most {@code
   * timeoutSeconds} (then it is killed and the call fails with what it printed so far). Its output
   * goes to a file, so a child that prints a lot never blocks on a full pipe.
   */
  public static Result run(Class<?> main, List<String> jvmFlags, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(main, jvmFlags, List.of(), Map.of(), timeoutSeconds);
  }

  /** As {@link #run(Class, List, long)}, with arguments for the child's {@code main}. */
  public static Result run(Class<?> main, List<String> jvmFlags, List<String> args,
      long timeoutSeconds) throws IOException, InterruptedException {
    return run(main, jvmFlags, args, Map.of(), timeoutSeconds);
  }

  /** Runs {@code main} with {@code environment} as the child's whole environment. */
  public static Result run(Class<?> main, List<String> jvmFlags, Map<String, String> environment,
      long timeoutSeconds) throws IOException, InterruptedException {
    return run(main, jvmFlags, List.of(), environment, timeoutSeconds);
  }

  /** The general form: flags, arguments and the child's whole environment. */
  public static Result run(Class<?> main, List<String> jvmFlags, List<String> args,
      Map<String, String> environment,
      long timeoutSeconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 21) {
      cmd.add("--enable-native-access=ALL-UNNAMED");
    }
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(args);
    Path out = Files.createTempFile("shapetorch-child-", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(environment);
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
