package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;

/**
 * Runtime shape refinement: the approved way to turn a tensor of unknown shape (data read from a
 * file, a model loaded from disk) into one of a known shape, like the Checker Framework's {@code
 * RegexUtil.asRegex}. The checker trusts the result's shape; the runtime checks it.
 *
 * <pre>{@code
 * @Shape({"B", "784"}) Tensor images = Shapes.require(loaded, "B", 784);
 * }</pre>
 */
public final class Shapes {

  private Shapes() {}

  /**
   * Returns {@code t} after checking that its shape matches {@code dims}: one entry per dimension,
   * either a number (a literal size) or a string in the shape language ({@code "B"}, {@code
   * "C*H*W"}, {@code "_"}, or a leading {@code "..."} / {@code "*batch"}). A variable that occurs
   * twice must have the same size both times.
   *
   * <p>Shape: {@code dims}.
   *
   * @throws ShapeException if the shape does not match
   * @throws IllegalArgumentException if an entry is neither a number nor a string that parses
   */
  public static Tensor require(Tensor t, Object... dims) {
    Natives.h(t, "t");
    Arguments.requireNonNull(dims, "dims");
    String[] text = new String[dims.length];
    for (int i = 0; i < dims.length; i++) {
      Object d = dims[i];
      if (d instanceof Integer || d instanceof Long || d instanceof Short || d instanceof Byte) {
        text[i] = Long.toString(((Number) d).longValue());
      } else if (d instanceof String) {
        text[i] = (String) d;
      } else {
        throw new IllegalArgumentException(
            "Shapes.require: dimension " + i + " must be an integer or a string, got " + d);
      }
    }
    ShapeResult<TensorShape> pattern = ShapeParser.tryParseShape(text);
    if (!pattern.isOk()) {
      throw new IllegalArgumentException(pattern.mismatch().withOp("Shapes.require").render());
    }
    ShapeResult<Bindings> r =
        Unifier.unify("Shapes.require", "t", pattern.value(), t.shapeOf(), Bindings.empty());
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    return t;
  }
}
