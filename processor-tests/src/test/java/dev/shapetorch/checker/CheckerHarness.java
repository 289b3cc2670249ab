package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Runs javac with the Shape Checker over test sources and compares what it reports with the
 * {@code // :: error: (key)} expectations written in them ({@link ExpectedDiagnostic}): every
 * expected diagnostic must appear in the same file, on the same line, of the same kind and key,
 * and no other diagnostic may appear.
 *
 * <p>The test sources are compiled against the test classpath, which holds the real
 * tensor-runtime classes.
 */
final class CheckerHarness {
  private static final Pattern KEYED = Pattern.compile("^\\[([A-Za-z0-9_.:]+)\\] ");

  private CheckerHarness() {}

  /** One diagnostic javac reported. */
  record Reported(long line, String kind, String key, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + kind + ": (" + key + ") " + message;
    }
  }

  /** Compiles {@code sources} together with the Shape Checker (and the given -A options). */
  static Compilation compile(List<JavaFileObject> sources, String... options) {
    List<String> opts = new ArrayList<>(
        List.of("-Xlint:-options,-processing", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000",
            // no slow.typechecking warning, which a loaded machine would add to the expected ones
            "-AslowTypecheckingSeconds=100000"));
    opts.addAll(List.of(options));
    return Compiler.javac().withProcessors(new ShapeChecker()).withOptions(opts).compile(sources);
  }

  /** What javac reported about {@code file} (errors and warnings). */
  static List<Reported> reported(Compilation compilation, JavaFileObject file) {
    List<Reported> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getSource() == null || !d.getSource().toUri().equals(file.toUri())) {
        continue;
      }
      String kind;
      switch (d.getKind()) {
        case ERROR:
          kind = "error";
          break;
        case WARNING:
        case MANDATORY_WARNING:
          kind = "warning";
          break;
        default:
          continue;
      }
      String message = d.getMessage(Locale.ROOT);
      Matcher m = KEYED.matcher(message);
      String key = m.find() ? m.group(1) : "javac";
      out.add(new Reported(d.getLineNumber(), kind, key, message));
    }
    return out;
  }

  /** Diagnostics that no source file owns (a crash, a bad option), as text. */
  static List<String> unattributed(Compilation compilation) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getSource() == null && d.getKind() == Diagnostic.Kind.ERROR) {
        out.add(d.getMessage(Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * Asserts that javac reported exactly the diagnostics {@code source} expects about {@code
   * file}, and nothing about the files in {@code mustBeClean}.
   */
  static void assertDiagnostics(Compilation compilation, JavaFileObject file, String source,
      List<JavaFileObject> mustBeClean) {
    List<ExpectedDiagnostic> expected = ExpectedDiagnostic.parse(source);
    List<Reported> reported = new ArrayList<>(reported(compilation, file));
    List<String> missing = new ArrayList<>();
    for (ExpectedDiagnostic e : expected) {
      Iterator<Reported> it = reported.iterator();
      boolean found = false;
      while (it.hasNext()) {
        Reported r = it.next();
        if (r.line() == e.line() && r.kind().equals(e.kind()) && r.key().equals(e.key())
            && r.message().contains(e.fragment())) {
          it.remove();
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(e.withoutFragment() + (e.fragment().isEmpty() ? "" : " \"" + e.fragment() + "\""));
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (Reported r : reported) {
      unexpected.add(r.toString());
    }
    for (JavaFileObject other : mustBeClean) {
      for (Reported r : reported(compilation, other)) {
        unexpected.add(other.getName() + " " + r);
      }
    }
    unexpected.addAll(unattributed(compilation));
    assertWithMessage(
            "%s\nexpected but not reported:\n  %s\nreported but not expected:\n  %s",
            file.getName(), String.join("\n  ", missing), String.join("\n  ", unexpected))
        .that(missing.isEmpty() && unexpected.isEmpty())
        .isTrue();
  }
}
