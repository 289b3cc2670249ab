package dev.shapetorch.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Generates programs, compiles them with the checker in batches (one javac run per batch, many
 * files of many programs each), runs each one and compares the verdicts.
 */
final class DifferentialRun {
  /** Programs per generated file. */
  static final int PER_FILE = 50;

  /** Time spent in javac with the checker, and in running programs, by this JVM so far. */
  static long checkerNanos;
  static long runtimeNanos;

  private DifferentialRun() {}

  /**
   * The first {@code count} programs of run {@code seed} that {@code keep} accepts, judged.
   *
   * @param batch programs per javac run
   */
  static List<Verdict> run(long seed, int count, int batch, Predicate<Program> keep) {
    ProgramGenerator generator = new ProgramGenerator();
    List<Verdict> verdicts = new ArrayList<>();
    List<Program> pending = new ArrayList<>();
    int kept = 0;
    for (int index = 0; kept < count; index++) {
      Program p = generator.generate(index, ProgramGenerator.programSeed(seed, index));
      if (!keep.test(p)) {
        continue;
      }
      pending.add(p);
      kept++;
      if (pending.size() == batch || kept == count) {
        verdicts.addAll(judge(pending));
        pending.clear();
      }
    }
    return verdicts;
  }

  /** Programs {@code first} to {@code first + count - 1} of run {@code seed}, judged. */
  static List<Verdict> range(long seed, int first, int count) {
    ProgramGenerator generator = new ProgramGenerator();
    List<Program> programs = new ArrayList<>();
    for (int index = first; index < first + count; index++) {
      programs.add(generator.generate(index, ProgramGenerator.programSeed(seed, index)));
    }
    return judge(programs);
  }

  /** Compiles {@code programs} with the checker, runs them and compares. */
  static List<Verdict> judge(List<Program> programs) {
    List<GeneratedSource> sources = new ArrayList<>();
    for (int i = 0; i < programs.size(); i += PER_FILE) {
      List<Program> part = programs.subList(i, Math.min(programs.size(), i + PER_FILE));
      sources.add(GeneratedSource.render("Batch" + part.get(0).id(), part));
    }
    long start = System.nanoTime();
    CheckerRun checked = CheckerRun.check(sources);
    checkerNanos += System.nanoTime() - start;
    if (!checked.unattributed.isEmpty()) {
      if (programs.size() == 1) {
        Program p = programs.get(0);
        CheckerOutcome crash = new CheckerOutcome(List.of(),
            String.join("\n", checked.unattributed), null);
        return List.of(Verdict.of(p, crash, RuntimeOutcome.FINISHED));
      }
      // A crash or an error that no line owns: find the program it belongs to by halves.
      int half = programs.size() / 2;
      List<Verdict> out = new ArrayList<>(judge(programs.subList(0, half)));
      out.addAll(judge(programs.subList(half, programs.size())));
      return out;
    }
    List<Program> invalid = programs.stream()
        .filter(p -> checked.outcomes.get(p.id()).invalid() != null).toList();
    if (!invalid.isEmpty()) {
      // javac writes no class when one program is not Java (a generator bug): judge the others
      // again without it.
      List<Verdict> out = new ArrayList<>();
      for (Program p : invalid) {
        out.add(Verdict.of(p, checked.outcomes.get(p.id()), RuntimeOutcome.FINISHED));
      }
      List<Program> valid = programs.stream().filter(p -> !invalid.contains(p)).toList();
      if (!valid.isEmpty()) {
        out.addAll(judge(valid));
      }
      return out;
    }
    ClassLoader classes = checked.classes.loader();
    List<Verdict> out = new ArrayList<>();
    for (GeneratedSource source : sources) {
      for (Program p : source.programs()) {
        CheckerOutcome checker = checked.outcomes.get(p.id());
        if (!checked.classes.has(source.classOf(p))) {
          throw new IllegalStateException("javac wrote no class for " + source.classOf(p)
              + "; its errors: " + checker.errors() + "\n" + source.text());
        }
        long ran = System.nanoTime();
        RuntimeOutcome runtime = ProgramRunner.run(classes, source, p);
        runtimeNanos += System.nanoTime() - ran;
        out.add(Verdict.of(p, checker, runtime));
      }
    }
    return out;
  }
}
