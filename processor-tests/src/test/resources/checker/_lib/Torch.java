package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import java.util.List;

/** Stand-in for dev.shapetorch.tensor.Torch, annotated as the runtime annotates its ops. */
public final class Torch {
  private Torch() {}

  @ShapeRule(Rule.SIZES) public static Tensor zeros(long... shape) { return new Tensor(); }
  @ShapeRule(Rule.SIZES) public static Tensor randn(long... shape) { return new Tensor(); }
  public static Tensor unknown() { return new Tensor(); }
  public static @Shape({"n", "n"}) Tensor eye(@Dim long n) { return new Tensor(); }
  public static @Shape({"end"}) Tensor arange(@Dim long end) { return new Tensor(); }
  @ShapeRule(Rule.BROADCAST) public static Tensor add(Tensor a, Tensor b) { return new Tensor(); }
  @ShapeRule(Rule.MATMUL) public static Tensor matmul(Tensor a, Tensor b) { return new Tensor(); }
  public static @Shape({"M", "N"}) Tensor mm(@Shape({"M", "K"}) Tensor a, @Shape({"K", "N"}) Tensor b) { return new Tensor(); }
  public static @Shape({"B", "N", "P"}) Tensor bmm(@Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b) { return new Tensor(); }
  @ShapeRule(Rule.CAT) public static Tensor cat(List<Tensor> tensors, int dim) { return new Tensor(); }
  @ShapeRule(Rule.STACK) public static Tensor stack(List<Tensor> tensors, int dim) { return new Tensor(); }
}
