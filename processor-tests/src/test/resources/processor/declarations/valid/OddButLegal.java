package valid;

import static dev.shapetorch.shapes.rules.Rule.BROADCAST;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import fixtures.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Legal declarations in unusual forms: the processor reports nothing and does not fail. */
class OddButLegal {
  static final String BATCH = "B";

  /** A constant it cannot read: that element is skipped, and binding is not judged. */
  static @Shape({BATCH, "N"}) Tensor constants(@Shape({BATCH, "N"}) Tensor x) {
    return x;
  }

  /** A statically imported rule constant. */
  @ShapeRule(BROADCAST)
  static Tensor add(Tensor a, Tensor b) {
    return a;
  }

  /** A scalar, written as an empty shape. */
  @Shape({}) Tensor scalar;

  /** Shapes deep inside generic types. */
  Map<String, List<@Shape({"B", "_"}) Tensor>> nested;

  /** A generic method with a type parameter. */
  static <@Shape({"B"}) T> T identity(T t) {
    return t;
  }

  enum Kind {
    ONE {
      @Shape({"1"}) Tensor inAConstantBody;
    }
  }

  static void locals(@Dim int n) {
    record Local(@Shape({"n"}) Tensor x) {}
    BiFunction<Tensor, Tensor, Tensor> f = (@Shape({"n"}) var a, @Shape({"n"}) var b) -> a;
    final long m = n;
    class Inner {
      @Shape({"m"}) Tensor field;
    }
  }

  interface WithDefaults {
    int SIZE = 4;

    default @Shape({"SIZE"}) Tensor sized(@Shape({"SIZE"}) Tensor x) {
      return x;
    }
  }
}
