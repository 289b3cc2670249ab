package dev.shapetorch.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The diagnostics a test source expects, written in it as comments on the line before: {@code // ::
 * error: (shape.annotation.syntax)}; several on one line as {@code // :: error: (a) :: warning:
 * (b)}. Also turns javac's diagnostics into the same form for comparison.
 */
final class ExpectedDiagnostics {
  private ExpectedDiagnostics() {}

  private static final Pattern COMMENT = Pattern.compile("//\\s*::");
  private static final Pattern ENTRY = Pattern.compile("::\\s*(error|warning):\\s*\\(([^)]*)\\)");
  private static final Pattern TAG = Pattern.compile("^\\[([a-z][a-z0-9.]*)\\]");

  /** One diagnostic: kind ({@code error}/{@code warning}), key, file name and line. */
  record Expected(String kind, String key, String file, long line) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + kind + ": (" + key + ")";
    }
  }

  /** The diagnostics expected by {@code source} (file name {@code file}). */
  static List<Expected> parse(String file, String source) {
    List<Expected> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!COMMENT.matcher(lines[i]).find()) {
        continue;
      }
      Matcher m = ENTRY.matcher(lines[i]);
      boolean any = false;
      while (m.find()) {
        any = true;
        out.add(new Expected(m.group(1), m.group(2).trim(), file, i + 2L));
      }
      if (!any) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": malformed expectation comment: " + lines[i]);
      }
    }
    return out;
  }

  /**
   * A javac diagnostic in the same form; its key is the {@code [key]} that starts the message, or
   * {@code "javac"} for javac's own untagged diagnostics.
   */
  static Expected of(Diagnostic<? extends JavaFileObject> d) {
    String message = d.getMessage(Locale.ROOT);
    Matcher m = TAG.matcher(message);
    String key = m.find() ? m.group(1) : "javac: " + message;
    String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
    String file = d.getSource() == null ? "<none>" : fileName(d.getSource().toUri().getPath());
    return new Expected(kind, key, file, d.getLineNumber());
  }

  /** The last path segment. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
