package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.tensor.KernelCase.Path;
import dev.shapetorch.tensor.KernelComparison.Result;
import java.io.FileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.bytedeco.pytorch.Context;
import org.bytedeco.pytorch.global.torch;

/**
 * Runs random {@link KernelCase}s of one kernel family on the three paths and sorts each into
 * agreement or a kind of disagreement.
 *
 * <p>Knobs (system property, else environment variable): {@code kernels.configs} / {@code
 * KERNELS_CONFIGS}, configurations per family; {@code kernels.seed} / {@code KERNELS_SEED}, the
 * base seed (each case gets its own seed from it); {@code kernels.replay} / {@code
 * KERNELS_REPLAY}, {@code family:caseSeed} to run that one case alone, as a failure prints it;
 * {@code kernels.log} / {@code KERNELS_LOG}, a file that gets each case's line before it runs
 * (what a crash of the JVM leaves behind).
 */
final class KernelSweep {

  /** The base seed of CI's run. */
  static final long DEFAULT_SEED = 0x5eed_c0de_2024L;

  /** How a case came out. */
  enum Verdict {
    AGREES(0, "agrees"),
    WRONG(3, "WRONG: the float32 fast path is beyond tolerance of both float64 and the float32"
        + " reference path"),
    FLOAT32_WRONG(2, "WRONG in float32: the fast and reference paths agree with each other but"
        + " not with float64"),
    REFERENCE_WRONG(1, "the reference path is beyond tolerance of float64 (the fast path is"
        + " right)"),
    FAST_THREW(4, "the fast path threw where the reference path computed"),
    REFERENCE_THREW(1, "the reference path threw where the fast path computed"),
    REJECTED(4, "every path rejected the configuration");

    final int severity;
    final String meaning;

    Verdict(int severity, String meaning) {
      this.severity = severity;
      this.meaning = meaning;
    }

    /** Whether ShapeTorch's result (the fast path) is wrong or missing. */
    boolean failsShapeTorch() {
      return this == WRONG || this == FLOAT32_WRONG || this == FAST_THREW || this == REJECTED;
    }
  }

  /** What one family's sweep found. */
  static final class Report {
    final String family;
    final long seed;
    final Map<String, Integer> perOp = new TreeMap<>();
    final Map<Verdict, Integer> verdicts = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    double worstFastVsFloat64;
    double worstAgreeing;
    String worstCase = "none";
    double worstReferenceVsFloat64;
    double worstFastVsReference;
    int cases;
    long nanos;

    Report(String family, long seed) {
      this.family = family;
      this.seed = seed;
    }

    int count(Verdict v) {
      return verdicts.getOrDefault(v, 0);
    }

    /** One line: counts per op and per verdict, the largest error over tolerance, the time. */
    String summary() {
      StringBuilder ops = new StringBuilder();
      perOp.forEach((op, n) -> ops.append(ops.length() == 0 ? "" : ", ").append(op).append(' ')
          .append(n));
      return String.format("%s: %d configs in %.1f s (%s); wrong %d, float32-wrong %d, fast"
              + " threw %d, rejected %d, reference-wrong %d, reference threw %d; worst"
              + " error/tolerance fast~float64 %.3g (%.3g among agreeing configs),"
              + " reference~float64 %.3g, fast~reference %.3g; seed %d",
          family, cases, nanos / 1e9, ops, count(Verdict.WRONG), count(Verdict.FLOAT32_WRONG),
          count(Verdict.FAST_THREW), count(Verdict.REJECTED), count(Verdict.REFERENCE_WRONG),
          count(Verdict.REFERENCE_THREW), worstFastVsFloat64, worstAgreeing,
          worstReferenceVsFloat64,
          worstFastVsReference, seed);
    }

    /** Every case where ShapeTorch's numbers are wrong or missing, each reproducible alone. */
    String failureText() {
      StringBuilder sb = new StringBuilder(summary()).append('\n');
      int shown = Math.min(failures.size(), 20);
      for (int i = 0; i < shown; i++) {
        sb.append(failures.get(i)).append('\n');
      }
      if (failures.size() > shown) {
        sb.append("... and ").append(failures.size() - shown).append(" more\n");
      }
      return sb.toString();
    }
  }

  private KernelSweep() {}

  /** The number of configurations per family: the knob, else {@code ciDefault}. */
  static int configs(int ciDefault) {
    String v = knob("kernels.configs", "KERNELS_CONFIGS");
    return v == null ? ciDefault : Integer.parseInt(v.trim());
  }

  /** {@code family:caseSeed} when one case is to be replayed, else null. */
  static String replay() {
    return knob("kernels.replay", "KERNELS_REPLAY");
  }

  static String knob(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * Runs {@code count} cases of {@code family} (or the one case {@code kernels.replay} names),
   * each made by {@code generator} from its own seed.
   */
  static Report run(String family, int count, LongFunction<KernelCase> generator) {
    String seedKnob = knob("kernels.seed", "KERNELS_SEED");
    long seed = seedKnob == null ? DEFAULT_SEED : Long.parseLong(seedKnob.trim());
    Report report = new Report(family, seed);
    List<Long> caseSeeds = new ArrayList<>();
    String replay = replay();
    if (replay != null) {
      String[] parts = replay.split(":");
      if (parts[0].equals(family)) {
        caseSeeds.add(Long.parseLong(parts[1].trim()));
      }
    } else {
      SplittableRandom seeds = new SplittableRandom(seed ^ family.hashCode());
      for (int i = 0; i < count; i++) {
        caseSeeds.add(seeds.nextLong());
      }
    }
    String logPath = knob("kernels.log", "KERNELS_LOG");
    long start = System.nanoTime();
    try (Writer log = logPath == null ? Writer.nullWriter() : new FileWriter(logPath, true)) {
      for (int i = 0; i < caseSeeds.size(); i++) {
        long caseSeed = caseSeeds.get(i);
        KernelCase c = generator.apply(caseSeed);
        String header = "[" + family + " #" + i + "] " + c.describe()
            + "\n  replay: -Dkernels.replay=" + family + ":" + caseSeed;
        log.write(header + "\n");
        log.flush();
        check(report, c, header);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    report.nanos = System.nanoTime() - start;
    return report;
  }

  private static void check(Report report, KernelCase c, String header) {
    report.cases++;
    report.perOp.merge(c.op(), 1, Integer::sum);
    Attempt fast = Attempt.of(() -> c.run(Path.FAST));
    Attempt reference = Attempt.of(() -> withOneDnnDisabled(() -> c.run(Path.REFERENCE)));
    Attempt float64 = Attempt.of(() -> withOneDnnDisabled(() -> c.run(Path.FLOAT64)));
    if (fast.error != null || reference.error != null || float64.error != null) {
      Verdict v = fast.error == null ? Verdict.REFERENCE_THREW
          : reference.error == null && float64.error == null ? Verdict.FAST_THREW
          : Verdict.REJECTED;
      record(report, v, header + "\n  " + v.meaning + ": fast " + fast.message() + "; reference "
          + reference.message() + "; float64 " + float64.message());
      return;
    }
    StringBuilder detail = new StringBuilder();
    Verdict verdict = Verdict.AGREES;
    double caseWorst = 0;
    for (Map.Entry<String, KernelOutputs.Output> e : float64.outputs.all().entrySet()) {
      String name = e.getKey();
      KernelOutputs.Output exact = e.getValue();
      KernelOutputs.Output f = fast.outputs.all().get(name);
      KernelOutputs.Output r = reference.outputs.all().get(name);
      if (f == null || r == null) {
        throw new IllegalStateException(c.op() + ": output " + name + " missing on a path");
      }
      Result fastVs64 = KernelComparison.compare(f, exact);
      Result refVs64 = KernelComparison.compare(r, exact);
      Result fastVsRef = KernelComparison.compare(f, r);
      caseWorst = Math.max(caseWorst, fastVs64.ratio());
      if (fastVs64.ratio() > report.worstFastVsFloat64) {
        report.worstFastVsFloat64 = fastVs64.ratio();
        report.worstCase = header + "\n  " + name + ": " + fastVs64.describe(exact.shape());
      }
      report.worstReferenceVsFloat64 = Math.max(report.worstReferenceVsFloat64, refVs64.ratio());
      report.worstFastVsReference = Math.max(report.worstFastVsReference, fastVsRef.ratio());
      Verdict v = !fastVs64.agrees() && !fastVsRef.agrees() ? Verdict.WRONG
          : !fastVs64.agrees() ? Verdict.FLOAT32_WRONG
          : !refVs64.agrees() ? Verdict.REFERENCE_WRONG
          : Verdict.AGREES;
      if (v != Verdict.AGREES) {
        detail.append("\n  ").append(name).append(' ').append(Arrays.toString(
                exact.shape())).append(": ").append(v.meaning)
            .append("\n    fast vs float64:      ").append(fastVs64.describe(exact.shape()))
            .append("\n    fast vs reference:    ").append(fastVsRef.describe(exact.shape()))
            .append("\n    reference vs float64: ").append(refVs64.describe(exact.shape()));
        if (v.severity > verdict.severity) {
          verdict = v;
        }
      }
    }
    if (verdict != Verdict.AGREES) {
      record(report, verdict, header + detail);
    } else {
      report.verdicts.merge(Verdict.AGREES, 1, Integer::sum);
      report.worstAgreeing = Math.max(report.worstAgreeing, caseWorst);
    }
  }

  private static void record(Report report, Verdict v, String text) {
    report.verdicts.merge(v, 1, Integer::sum);
    (v.failsShapeTorch() ? report.failures : report.notes).add(text);
  }

  /**
   * Runs {@code body} with libtorch's oneDNN switch off, restoring it after. The switch is
   * process-wide: {@link KernelDifferentialTest} is {@code @Isolated} and surefire runs test
   * classes one after another in one JVM.
   */
  static <T> T withOneDnnDisabled(Supplier<T> body) {
    NativeLibrary.ensureLoaded();
    Context context = torch.globalContext();
    boolean before = context.userEnabledMkldnn();
    context.setUserEnabledMkldnn(false);
    try {
      return body.get();
    } finally {
      context.setUserEnabledMkldnn(before);
    }
  }

  /** One path's outputs, or what it threw; the tensors it made are freed. */
  private static final class Attempt {
    KernelOutputs outputs;
    RuntimeException error;

    static Attempt of(Supplier<KernelOutputs> run) {
      Attempt a = new Attempt();
      try (TensorScope scope = TensorScope.open()) {
        a.outputs = run.get();
      } catch (RuntimeException e) {
        a.error = e;
      }
      return a;
    }

    String message() {
      if (error == null) {
        return "computed";
      }
      String m = String.valueOf(error.getMessage());
      int nl = m.indexOf('\n');
      return "threw " + error.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
  }
}
