import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Divisible;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Calls that break a stated fact, and code that needs one but does not state it. */
class DivisibilityFactsRejected {
  @Divisible(value = "D", by = "H")
  static @Shape({"B", "T", "D"}) Tensor heads(@Shape({"B", "T", "D"}) Tensor x, @Dim("H") long h) {
    @Shape({"B", "T", "H", "D/H"}) Tensor split = x.view(x.size(0), x.size(1), h, x.size(2) / h);
    return split.view(x.size(0), x.size(1), h * (x.size(2) / h));
  }

  static void concrete(@Shape({"2", "5", "12"}) Tensor x) {
    // :: error: (shape.divisibility) requires D divisible by H, but here D = 12 and H = 5 (12 % 5 = 2)
    heads(x, 5);
  }

  static @Shape({"N", "S", "E"}) Tensor symbolic(@Shape({"N", "S", "E"}) Tensor x, @Dim("K") long k) {
    // :: error: (shape.divisibility) add @Divisible(value = "E", by = "K") to the calling method
    return heads(x, k);
  }

  /** Without the fact, the head split's element counts differ. */
  static void noFact(@Shape({"B", "T", "D"}) Tensor x, @Dim("H") long h) {
    // :: error: (shape.reshape.numel)
    x.view(x.size(0), x.size(1), h, x.size(2) / h);
  }

  /** Under the fact, C+2 channels are not a multiple of 4, and 2*E+1 is odd. */
  @Divisible(value = "C", by = "4")
  @Divisible(value = "E", by = "2")
  static void layers(@Dim("C") long c, @Dim("E") long e) {
    // :: error: (shape.module.params) must be divisible by numGroups (4)
    new GroupNorm(4, c + 2);
    // :: error: (shape.module.params) must be divisible by numHeads (2)
    new MultiheadAttention(e + 1, 2);
  }

  /** Without any fact, 2*E+1 is odd: two heads cannot split it. */
  static void odd(@Dim("E") long e) {
    // :: error: (shape.module.params) must be divisible by numHeads (2)
    new MultiheadAttention(2 * e + 1, 2);
  }

  /** Flattening the heads gives D, not D+1. */
  @Divisible(value = "D", by = "H")
  static @Shape({"B", "D+1"}) Tensor off(@Shape({"B", "H", "D/H"}) Tensor x) {
    // :: error: (shape.return) found D, required D+1
    return x.flatten(1);
  }

  /** A fact over constants checks itself; a fact must parse. */
  // :: error: (shape.divisibility) 12 divisible by 5 does not hold
  @Divisible(value = "12", by = "5")
  static void wrongFact() {}

  // :: error: (shape.annotation.syntax)
  @Divisible(value = "D+", by = "H")
  static void badSyntax() {}

  static void badDim(
      // :: error: (shape.annotation.syntax)
      @Dim(value = "H", divides = "D)") long h) {}
}
