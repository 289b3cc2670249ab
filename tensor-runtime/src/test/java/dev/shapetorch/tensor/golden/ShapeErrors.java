package dev.shapetorch.tensor.golden;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.ShapeException;
import org.junit.jupiter.api.function.Executable;

/**
 * Asserts the runtime's shape-error contract: a mismatching call throws {@link ShapeException}
 * whose message is {@code [key] op: detail}, where the op ends with the method's name and the
 * detail names every shape involved (as {@code [2, 3]}).
 */
final class ShapeErrors {
  private ShapeErrors() {}

  /**
   * Runs {@code call}, expects a {@link ShapeException}, and checks its message.
   *
   * @param key the {@code MessageKeys} constant the rule reports
   * @param method the op's method name ({@code matmul}); the message's op may be qualified
   * @param call the mismatching call
   * @param shapes the shapes the message must name
   * @return the exception, for further checks
   */
  static ShapeException assertShapeError(
      String key, String method, Executable call, long[]... shapes) {
    ShapeException e =
        assertThrows(ShapeException.class, call, method + " should reject the shapes");
    String message = e.getMessage();
    String prefix = "[" + key + "] ";
    assertTrue(
        message.startsWith(prefix), () -> "message should start with " + prefix + ": " + message);
    int colon = message.indexOf(": ", prefix.length());
    assertTrue(colon > 0, () -> "message should read [key] op: detail: " + message);
    String op = message.substring(prefix.length(), colon);
    assertTrue(
        op.equals(method) || op.endsWith("." + method),
        () -> "message should name the op " + method + ", names " + op + ": " + message);
    for (long[] shape : shapes) {
      String text = TensorShape.of(shape).toString();
      assertTrue(
          message.contains(text), () -> "message should name the shape " + text + ": " + message);
    }
    return e;
  }

  /** Shorthand for a shape literal in assertions. */
  static long[] shape(long... sizes) {
    return sizes;
  }
}
