package dev.shapetorch.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential fuzzer from the command line ({@code scripts/differential-fuzz.sh SEED
 * COUNT [BATCH]}): runs {@code COUNT} programs of seed {@code SEED}, known disagreements
 * included, {@code BATCH} programs per javac run; prints the report, and rewrites it after every
 * batch to {@code target/differential-fuzz.txt} (so a long run can be read while it goes);
 * exits with 1 when a disagreement is not a {@link KnownDisagreement}.
 */
public final class DifferentialFuzz {
  private DifferentialFuzz() {}

  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path partial = Path.of("target", "differential-fuzz.txt");
    Files.createDirectories(partial.getParent());
    long start = System.nanoTime();
    List<Verdict> verdicts = new ArrayList<>();
    for (int done = 0; done < count; ) {
      int n = Math.min(batch, count - done);
      verdicts.addAll(DifferentialRun.range(seed, done, n));
      done += n;
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      System.err.printf("differential-fuzz: %d/%d programs, %d disagreements, %d s"
              + " (javac with the checker %d s, running %d s)%n", done, count,
          Report.disagreements(verdicts).size(), seconds,
          DifferentialRun.checkerNanos / 1_000_000_000L,
          DifferentialRun.runtimeNanos / 1_000_000_000L);
      write(partial, Report.of(verdicts, "seed " + seed + ", " + seconds + " s, "
          + (done < count ? "partial: " + done + " of " + count : "complete")));
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.print(Report.of(verdicts, "seed " + seed + ", " + seconds + " s"));
    boolean unknown = Report.disagreements(verdicts).stream()
        .anyMatch(v -> KnownDisagreement.of(v.program()).isEmpty());
    System.exit(unknown ? 1 : 0);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
