package dev.shapetorch.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a native-memory leak from the noise of a running JVM, for the tests that run a workload
 * many times and require the resident set to stay flat.
 *
 * <p>A process's resident set grows for reasons other than a leak: the JIT compiles more code,
 * malloc opens another arena, a compiler thread's scratch memory comes and goes, and the size is
 * counted in pages. Each of these is a jump in a few places; a leak is a climb at the same rate
 * everywhere. So a child JVM runs the workload in equal <em>windows</em> after a warm-up and
 * samples VmRSS before the first and after each window ({@link #sample}); the test reads the
 * samples back ({@link #parse}) and judges the <em>median</em> growth per window ({@link
 * #assertNoLeak}). A few windows with a jump do not move the median; a leak moves every window's
 * growth, so the median too. A test that uses this states the leak it must catch, in bytes per
 * step, and sets its limit several times below that rate and several times above the noise it
 * measured.
 */
final class ResidentSetGrowth {

  /** The prefix of the line the child prints with its samples. */
  private static final String TAG = "rssKb=";

  private static final Pattern LINE = Pattern.compile(TAG + "([0-9,]+)");

  private final long[] samplesKb;

  private ResidentSetGrowth(long[] samplesKb) {
    if (samplesKb.length < 4) {
      throw new IllegalArgumentException(
          "ResidentSetGrowth: need at least 3 windows (4 samples), got " + samplesKb.length);
    }
    this.samplesKb = samplesKb.clone();
  }

  /** Growth over the given samples (kB), in order: before the first window, then after each. */
  static ResidentSetGrowth of(long... samplesKb) {
    return new ResidentSetGrowth(samplesKb);
  }

  /** The resident set of this process, in kB (VmRSS of /proc/self/status). */
  static long residentKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("ResidentSetGrowth: cannot read /proc/self/status", e);
    }
    throw new IllegalStateException("ResidentSetGrowth: no VmRSS line in /proc/self/status");
  }

  /**
   * Child side: runs {@code window} {@code windows} times, sampling the resident set before the
   * first run and after each, and prints the samples on one line for {@link #parse}. Run the
   * workload once before this to warm up the JIT and the allocators.
   */
  static void sample(int windows, Runnable window) {
    long[] kb = new long[windows + 1];
    kb[0] = residentKb();
    for (int w = 1; w <= windows; w++) {
      window.run();
      kb[w] = residentKb();
    }
    StringBuilder line = new StringBuilder(TAG);
    for (int i = 0; i < kb.length; i++) {
      line.append(i == 0 ? "" : ",").append(kb[i]);
    }
    System.out.println(line);
  }

  /**
   * Test side: the samples a child printed with {@link #sample}.
   *
   * @throws AssertionError naming the output when it holds no samples
   */
  static ResidentSetGrowth parse(String childOutput) {
    Matcher m = LINE.matcher(childOutput);
    if (!m.find()) {
      throw new AssertionError("no '" + TAG + "' line in the child's output:\n" + childOutput);
    }
    return of(Arrays.stream(m.group(1).split(",")).mapToLong(Long::parseLong).toArray());
  }

  /** The growth of each window, in kB (negative where the resident set shrank). */
  long[] incrementsKb() {
    long[] d = new long[samplesKb.length - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = samplesKb[i + 1] - samplesKb[i];
    }
    return d;
  }

  /** The median growth of a window, in kB (the mean of the middle two for an even count). */
  double medianIncrementKb() {
    long[] d = incrementsKb();
    Arrays.sort(d);
    int n = d.length;
    return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
  }

  /** The median growth per step in bytes, for windows of {@code stepsPerWindow} steps. */
  double medianBytesPerStep(long stepsPerWindow) {
    return medianIncrementKb() * 1024.0 / stepsPerWindow;
  }

  /**
   * Fails when the median growth per step reaches {@code maxBytesPerStep}; otherwise prints the
   * figures (one line), so that a log shows how far from the limit a run was.
   *
   * @param stepsPerWindow the steps of the workload in one window
   * @param maxBytesPerStep the limit: well below the leak the test must catch, well above noise
   * @param what the workload, for the message (e.g. "10^6 small ops in scopes")
   */
  void assertNoLeak(long stepsPerWindow, double maxBytesPerStep, String what) {
    double perStep = medianBytesPerStep(stepsPerWindow);
    if (!(perStep < maxBytesPerStep)) {
      throw new AssertionError(String.format(
          "%s: the resident set grows by %.1f bytes per step (median of %d windows of %,d steps;"
              + " limit %.1f), a leak. VmRSS in kB before and after each window: %s;"
              + " growth per window: %s",
          what, perStep, samplesKb.length - 1, stepsPerWindow, maxBytesPerStep,
          Arrays.toString(samplesKb), Arrays.toString(incrementsKb())));
    }
    System.out.printf("%s: %.1f bytes per step (limit %.1f); %s%n", what, perStep,
        maxBytesPerStep, this);
  }

  @Override
  public String toString() {
    return "VmRSS kB " + Arrays.toString(samplesKb) + ", growth per window "
        + Arrays.toString(incrementsKb());
  }
}
