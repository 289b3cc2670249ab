package dev.shapetorch.processor;

import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeSyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every syntax error of one {@code @Shape} value, not just the first, via {@link ShapeParser}. */
final class ShapeSyntax {
  private ShapeSyntax() {}

  /** The placeholder that stands for an element already reported (or not a constant). */
  private static final String PLACEHOLDER = "_";

  /**
   * The syntax errors of {@code elements}, at most one per element; a null element (not a constant)
   * is skipped. Each error's {@link ShapeSyntaxError#element()} is its index.
   */
  static List<ShapeSyntaxError> errors(List<String> elements) {
    String[] dims = new String[elements.size()];
    for (int i = 0; i < dims.length; i++) {
      String e = elements.get(i);
      dims[i] = e == null ? PLACEHOLDER : e;
    }
    List<ShapeSyntaxError> out = new ArrayList<>();
    for (int guard = 0; guard <= dims.length; guard++) {
      Optional<ShapeSyntaxError> error = ShapeParser.check(dims);
      if (error.isEmpty()) {
        break;
      }
      ShapeSyntaxError e = error.get();
      int at = e.element();
      if (at < 0 || at >= dims.length || dims[at].equals(PLACEHOLDER)) {
        out.add(e);
        break;
      }
      out.add(e);
      dims[at] = PLACEHOLDER;
    }
    return out;
  }

  /**
   * The message for {@code error}: the element, what was expected, and the offending text with a
   * caret under the character where parsing stopped.
   */
  static String message(ShapeSyntaxError error) {
    String text = error.text();
    int position = Math.max(0, Math.min(error.position(), text.length()));
    StringBuilder caret = new StringBuilder("    ");
    for (int i = 0; i <= position; i++) {
      caret.append(' ');
    }
    caret.append('^');
    return "@Shape dimension "
        + error.element()
        + " \""
        + text
        + "\" does not parse: expected "
        + error.expected()
        + " at position "
        + position
        + "\n    \""
        + text
        + "\"\n"
        + caret;
  }
}
