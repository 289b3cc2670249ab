package dev.shapetorch.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One diagnostic a test source expects, written on the line before the code it is about:
 *
 * <pre>{@code
 * // :: error: (shape.mismatch.matmul)
 * var y = a.matmul(b);
 * // :: warning: (shape.unknown) the shape of t is unknown
 * use(t);
 * }</pre>
 *
 * <p>Text after the key, if any, must occur in the message. Several {@code // ::} lines in a row
 * all apply to the next line of code.
 *
 * @param line the 1-based line the diagnostic is expected on
 * @param kind {@code error} or {@code warning}
 * @param key the message key
 * @param fragment text the message must contain ({@code ""} for none)
 */
record ExpectedDiagnostic(long line, String kind, String key, String fragment) {
  private static final Pattern EXPECT =
      Pattern.compile("^\\s*//\\s*::\\s*(error|warning):\\s*\\(([A-Za-z0-9_.]+)\\)\\s*(.*)$");

  /** The expectations written in a source text. */
  static List<ExpectedDiagnostic> parse(String source) {
    String[] lines = source.split("\r?\n", -1);
    List<ExpectedDiagnostic> out = new ArrayList<>();
    List<Matcher> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.matches()) {
        pending.add(m);
        continue;
      }
      for (Matcher p : pending) {
        out.add(new ExpectedDiagnostic(i + 1, p.group(1), p.group(2), p.group(3).strip()));
      }
      pending.clear();
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException("a '// ::' expectation has no line of code after it");
    }
    return out;
  }

  /** The same expectation without its text fragment, for comparing with what javac said. */
  String withoutFragment() {
    return "line " + line + ": " + kind + ": (" + key + ")";
  }
}
