package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shorthands for rule tests. */
final class Fixtures {
  private Fixtures() {}

  /** Parses a {@code @Shape} value. */
  static TensorShape s(String... dims) {
    return ShapeParser.parseShape(dims);
  }

  /** Parses one dim. */
  static DimExpr d(String dim) {
    return ShapeParser.parseDim(dim);
  }

  /** Asserts success and returns the shape rendered, e.g. {@code [B, 10]}. */
  static String ok(ShapeResult<TensorShape> r) {
    assertTrue(r.isOk(), () -> "expected success, got " + r);
    return r.value().toString();
  }

  /** Asserts a mismatch with {@code key} and returns it. */
  static ShapeMismatch fails(ShapeResult<?> r, String key) {
    assertFalse(r.isOk(), () -> "expected a mismatch " + key + ", got " + r);
    assertEquals(key, r.mismatch().key(), () -> r.mismatch().render());
    return r.mismatch();
  }
}
