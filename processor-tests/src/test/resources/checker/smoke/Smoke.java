import dev.shapetorch.shapes.*;
import dev.shapetorch.shapes.rules.Rule;

final class Smoke {
  static final class Tensor {
    public @Shape({"M","N"}) Tensor mm(@Shape({"M","K"}) Tensor this, @Shape({"K","N"}) Tensor other) { return null; }
    @ShapeRule(Rule.BROADCAST) public Tensor add(Tensor other) { return null; }
  }
  static @Shape({"n","m"}) Tensor zeros(@Dim int n, @Dim int m) { return null; }

  static @Shape({"B","10"}) Tensor f(@Shape({"B","784"}) Tensor x, @Shape({"784","10"}) Tensor w) {
    var y = x.mm(w);
    return y;
  }
  static void g() {
    Tensor a = zeros(2, 3);
    Tensor b = zeros(5, 4);
    // :: error: (shape.mismatch.argument) dim 0: found 5, required K = 3
    System.out.println(a.mm(b));
    int n = 3;
    @Shape({"3","4"}) Tensor c = zeros(n, 4);
    // :: error: (shape.assignment)
    @Shape({"3","5"}) Tensor d = zeros(n, 4);
    // :: error: (shape.broadcast)
    @Shape({"3","4"}) Tensor e = a.add(b);
  }
  static @Shape({"B","10"}) Tensor h(@Shape({"B","784"}) Tensor x) {
    // :: error: (shape.return)
    return zeros(3, 10);
  }
  // :: error: (shape.annotation.syntax)
  @Shape({"B", "1+"}) Tensor bad;
}
