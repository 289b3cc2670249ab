package dev.shapetorch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.fuzz.Calls.Call;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §6: no input kills the JVM, hangs it, leaks an internal exception, leaves a data
 * loader's worker thread running or raises a message that does not start with the op the user
 * called. Calls every public op of tensor-runtime
 * ({@link Catalog}) with adversarial arguments ({@link Inputs}) in child JVMs ({@link Sweep})
 * and fails on any crash or hang, and on any other finding not in {@code
 * fuzz/known-findings.txt} (the message findings still open, by tag and op; the list may only
 * shrink). CI runs a bounded sweep; {@code scripts/fuzz.sh} runs bigger ones with the same code.
 *
 * <p>System properties: {@code fuzz.seed} (1), {@code fuzz.random} (random calls per op, 8),
 * {@code fuzz.parallel} (child JVMs side by side, 2), {@code fuzz.chunkCalls} (the most calls one
 * child runs before a fresh one takes over, 2000), {@code fuzz.hangSeconds} (30), {@code
 * fuzz.confirmSeconds} (the time a call that made no progress for {@code fuzz.hangSeconds} gets
 * when it runs again alone, 180: a hang is a call that finishes in neither), {@code
 * fuzz.startSeconds} (the time a child may take to start, 300).
 */
class FuzzTest {

  @Test
  void everyPublicOp_survivesAdversarialArguments_withNamedErrors(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("fuzz.seed", 1);
    int random = Integer.getInteger("fuzz.random", 8);
    int parallel = Integer.getInteger("fuzz.parallel", 2);
    long hang = Long.getLong("fuzz.hangSeconds", 30);
    List<Call> calls = Calls.all(seed, random);
    Sweep.Report report = new Sweep(seed, random, hang, dir).run(0, calls.size(), parallel);
    System.out.println("FuzzTest: " + Catalog.ops().size() + " ops; " + report.summary(3));

    Set<String> known = known();
    List<String> fatal = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Sweep.Finding f : report.findings()) {
      String key = f.tag() + "\t" + (f.index() < calls.size() ? calls.get(f.index()).op().id()
          : f.call());
      seen.add(key);
      if (f.tag().equals(Verdict.CRASH) || f.tag().equals(Verdict.HANG)
          || f.tag().equals("harness")) {
        fatal.add(f.toString());
      } else if (!known.contains(key)) {
        fresh.add(f.toString());
      }
    }
    assertTrue(fatal.isEmpty(), "JVM crashes or hangs:\n" + String.join("\n", fatal));
    assertTrue(fresh.isEmpty(), fresh.size() + " findings not in fuzz/known-findings.txt:\n"
        + String.join("\n", fresh.subList(0, Math.min(50, fresh.size()))));
    Set<String> fixed = new TreeSet<>(known);
    fixed.removeAll(seen);
    if (!fixed.isEmpty()) {
      System.out.println("FuzzTest: " + fixed.size() + " known findings no longer occur at this"
          + " seed (remove them from fuzz/known-findings.txt if a bigger sweep agrees):\n"
          + String.join("\n", fixed));
    }
  }

  /** {@code tag TAB op-id} lines of the known findings; {@code #} starts a comment. */
  static Set<String> known() throws IOException {
    Set<String> out = new TreeSet<>();
    try (InputStream in = FuzzTest.class.getResourceAsStream("/fuzz/known-findings.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip().replaceFirst(" {2,}|\\t", "\t"));
        }
      }
    }
    return out;
  }

  /** Writes the known-findings file of a sweep (scripts/fuzz.sh --baseline). */
  static void writeKnown(Path file, List<Call> calls, Sweep.Report report) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Sweep.Finding f : report.findings()) {
      if (!f.tag().equals(Verdict.CRASH) && !f.tag().equals(Verdict.HANG)) {
        keys.add(f.tag() + "\t" + calls.get(f.index()).op().id());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("# Findings of the fuzzer still open (tag TAB op): messages to fix, never crashes.");
    lines.add("# FuzzTest fails on any finding not listed here; remove a line once it is fixed.");
    lines.addAll(keys);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
