import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shapes in type arguments are gradual: unknown and known mix; known ones must agree. */
class GenericsOfShapedTensors {
  static <T> T same(T t) {
    return t;
  }

  void use(List<Tensor> plain, Map<String, @Shape({"3"}) Tensor> named) {
    List<@Shape({"3"}) Tensor> typed = new ArrayList<>();
    typed.add(Torch.zeros(3));
    typed.addAll(plain);
    List<Tensor> back = typed;
    @Shape({"3"}) Tensor first = typed.get(0);
    @Shape({"3"}) Tensor viaGeneric = same(Torch.zeros(3));
    Optional<@Shape({"3"}) Tensor> maybe = Optional.ofNullable(named.get("a"));
    // :: error: (shape.assignment)
    @Shape({"4"}) Tensor wrong = typed.get(0);
  }
}
