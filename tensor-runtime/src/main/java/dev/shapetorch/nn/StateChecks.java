package dev.shapetorch.nn;

import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** Shape checks and lifetime handling shared by {@link Parameter}, {@link Buffer} and {@link ModuleTree}. */
final class StateChecks {
  private StateChecks() {}

  static boolean sameShape(Tensor a, Tensor b) {
    return Arrays.equals(a.shape(), b.shape());
  }

  /** Throws {@code [shape.mismatch.<what>]} unless {@code newValue} has {@code current}'s shape. */
  static void requireSameShape(String op, String what, Tensor current, Tensor newValue) {
    if (!sameShape(current, newValue)) {
      throw new ShapeException(
          ShapeMismatch.of(
              "shape.mismatch." + what,
              op,
              "the new value is "
                  + newValue.shapeOf()
                  + " but the "
                  + what
                  + " is "
                  + current.shapeOf()
                  + "; a "
                  + what
                  + "'s shape never changes (make a new module for other sizes)"));
    }
  }

  static ShapeException stateDictMismatch(List<String> mismatches) {
    return new ShapeException(
        ShapeMismatch.of(
            "shape.mismatch.state_dict",
            "Module.loadStateDict",
            "shapes differ for "
                + String.join(", ", mismatches)
                + "; the checkpoint was saved from a model with other sizes"));
  }

  /** Keeps a module's tensor alive past any enclosing TensorScope. */
  static void keep(Tensor t) {
    t.retain();
  }
}
