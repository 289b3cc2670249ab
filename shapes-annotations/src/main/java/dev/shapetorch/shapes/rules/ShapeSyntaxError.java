package dev.shapetorch.shapes.rules;

import java.util.Objects;

/**
 * Where and why a {@code @Shape} string does not parse.
 *
 * @param text the offending dimension string, as written
 * @param element the index of that string in the {@code @Shape} array, or -1 when one string was
 *     parsed on its own
 * @param position the 0-based character position in {@code text} where parsing stopped
 * @param expected what the parser expected there, e.g. {@code "a size, a name, '(' or '_'"}
 */
public record ShapeSyntaxError(String text, int element, int position, String expected) {

  /** Validates the components. */
  public ShapeSyntaxError {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expected, "expected");
  }

  /** The same error attributed to element {@code index} of a {@code @Shape} array. */
  public ShapeSyntaxError withElement(int index) {
    return new ShapeSyntaxError(text, index, position, expected);
  }

  /**
   * A sentence for the user: {@code expected a size, a name, '(' or '_' at position 2 in
   * "H+*2"}, prefixed with the element's index when known.
   */
  public String message() {
    String where = "at position " + position + " in \"" + text + "\"";
    String prefix = element >= 0 ? "dimension " + element + ": " : "";
    return prefix + "expected " + expected + " " + where;
  }

  /** The error as a mismatch with key {@link MessageKeys#ANNOTATION_SYNTAX}. */
  public ShapeMismatch toMismatch(String op) {
    return new ShapeMismatch(MessageKeys.ANNOTATION_SYNTAX, op, message(), -1, element);
  }
}
