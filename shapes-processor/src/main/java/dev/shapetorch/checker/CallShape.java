package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;

/**
 * What checking one call of a shape op found: the result's shape, or the mismatch the algebra
 * reported, or an internal failure of the checker.
 *
 * @param result the shape of the call's value; null when the op's result is not a shape (a
 *     {@code void} or {@code double} method) or the call failed
 * @param mismatch the algebra's mismatch, or null
 * @param internalError a short description of a checker failure, or null
 * @param unknownInputs arguments of unknown shape that met a declared {@code @Shape} (for
 *     {@code -Ashape.warnUnknown})
 */
record CallShape(
    TensorShape result,
    ShapeMismatch mismatch,
    String internalError,
    List<ExpressionTree> unknownInputs) {

  static CallShape ok(TensorShape result, List<ExpressionTree> unknownInputs) {
    return new CallShape(result, null, null, List.copyOf(unknownInputs));
  }

  static CallShape failed(ShapeMismatch mismatch) {
    return new CallShape(null, mismatch, null, List.of());
  }

  static CallShape internal(String message) {
    return new CallShape(null, null, message, List.of());
  }

  /** True unless a mismatch or an internal failure was found. */
  boolean isOk() {
    return mismatch == null && internalError == null;
  }
}
