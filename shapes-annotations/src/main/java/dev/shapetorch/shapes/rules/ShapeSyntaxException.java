package dev.shapetorch.shapes.rules;

/**
 * Thrown by {@link ShapeParser} when a {@code @Shape} string does not parse. {@link #error()}
 * says where (the character position, so a tool can point at it) and what was expected.
 */
public final class ShapeSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The error; records are serializable when their components are. */
  private final ShapeSyntaxError error;

  /** Wraps {@code error}; the message is {@link ShapeSyntaxError#message()}. */
  public ShapeSyntaxException(ShapeSyntaxError error) {
    super("[" + MessageKeys.ANNOTATION_SYNTAX + "] " + error.message());
    this.error = error;
  }

  /** Where and why parsing failed. */
  public ShapeSyntaxError error() {
    return error;
  }

  /** The 0-based character position in {@link #text()} where parsing stopped. */
  public int position() {
    return error.position();
  }

  /** The offending dimension string. */
  public String text() {
    return error.text();
  }

  /** The index of the offending string in the {@code @Shape} array, or -1. */
  public int element() {
    return error.element();
  }
}
