package dev.shapetorch.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The API baseline check, run by {@code scripts/api-check.sh} (and so by
 * {@code scripts/release-check.sh}):
 *
 * <pre>
 * ApiCheck check  MODULE JAR BASELINE   exit 1 and list the changes if JAR's API is not BASELINE
 * ApiCheck update MODULE JAR BASELINE   write JAR's API to BASELINE
 * </pre>
 *
 * <p>Every difference fails the check, compatible ones too, so that the baseline is always
 * the API as it stands and the next change is measured against it; the report says which
 * changes break code compiled against the baseline and what to do.
 */
public final class ApiCheck {
  private ApiCheck() {}

  /**
   * Runs the check or the update.
   *
   * @param args {@code check|update MODULE JAR BASELINE}
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4 || !(args[0].equals("check") || args[0].equals("update"))) {
      System.err.println("usage: ApiCheck check|update MODULE JAR BASELINE");
      System.exit(2);
    }
    String module = args[1];
    Path jar = Path.of(args[2]);
    Path baseline = Path.of(args[3]);
    List<String> current = new ArrayList<>(header(module));
    current.addAll(ApiListing.of(jar));
    if (args[0].equals("update")) {
      Files.createDirectories(baseline.toAbsolutePath().getParent());
      Files.write(baseline, current, StandardCharsets.UTF_8);
      System.out.println("api-check: " + module + ": wrote " + baseline + " ("
          + (current.size() - header(module).size()) + " lines)");
      return;
    }
    if (!Files.isRegularFile(baseline)) {
      System.err.println("api-check: " + module + ": no API baseline at " + baseline
          + "; a new published module needs one: run `bash scripts/api-check.sh --update`"
          + " and commit it");
      System.exit(1);
    }
    List<ApiDiff.Change> changes =
        ApiDiff.compare(Files.readAllLines(baseline, StandardCharsets.UTF_8), current);
    if (changes.isEmpty()) {
      System.out.println("api-check: " + module + ": the API is its baseline " + baseline);
      return;
    }
    long incompatible = changes.stream()
        .filter(c -> c.level() != ApiDiff.Level.COMPATIBLE).count();
    StringBuilder report = new StringBuilder();
    report.append("api-check: ").append(module).append(": the API differs from its baseline ")
        .append(baseline).append(" (").append(incompatible).append(" incompatible, ")
        .append(changes.size() - incompatible).append(" compatible changes):\n");
    for (ApiDiff.Change change : changes) {
      report.append("  ").append(change).append('\n');
    }
    report.append("api-check: if this is deliberate, run `bash scripts/api-check.sh --update`,"
        + " commit the baseline with the change, and record it in CHANGELOG.md under"
        + " \"Unreleased\"");
    if (incompatible > 0) {
      report.append(" (an incompatible change needs the next minor version before 1.0, the"
          + " next major after it: docs/releasing.md, \"Versioning\")");
    }
    report.append("; if not, restore the API.");
    System.err.println(report);
    System.exit(1);
  }

  private static List<String> header(String module) {
    return List.of(
        "# The public API of " + module + ": the baseline that scripts/api-check.sh compares",
        "# the build with. Written by `bash scripts/api-check.sh --update`; do not edit by hand",
        "# (docs/releasing.md, \"API baseline\").");
  }
}
