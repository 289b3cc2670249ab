import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Divisible;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Under a divisibility fact, H*(D/H) is D and D % H is 0; its callers satisfy it. */
class DivisibilityFactsAccepted {
  @Divisible(value = "D", by = "H")
  static @Shape({"B", "T", "D"}) Tensor heads(@Shape({"B", "T", "D"}) Tensor x, @Dim("H") long h) {
    @Shape({"B", "T", "H", "D/H"}) Tensor split = x.view(x.size(0), x.size(1), h, x.size(2) / h);
    return split.view(x.size(0), x.size(1), h * (x.size(2) / h));
  }

  /** The fact on the divisor's parameter; the head size inferred by -1. */
  static @Shape({"B", "H", "T", "D/H"}) Tensor split(
      @Shape({"B", "T", "D"}) Tensor x, @Dim(value = "H", divides = "D") long h) {
    @Shape({"B", "T", "H", "D/H"}) Tensor s = x.view(x.size(0), x.size(1), h, -1);
    return s.transpose(1, 2);
  }

  /** Merging the heads back: [B, T, H*(D/H)] is [B, T, D]. */
  @Divisible(value = "D", by = "H")
  static @Shape({"B", "T", "D"}) Tensor merge(@Shape({"B", "H", "T", "D/H"}) Tensor heads) {
    return heads.transpose(1, 2).flatten(2);
  }

  @Divisible(value = "D", by = "H")
  static @Shape({"0"}) Tensor remainder(@Shape({"D"}) Tensor x, @Dim("H") long h) {
    return Torch.zeros(x.size(0) % h);
  }

  /** A class-level fact holds in every method; a constant divisor. */
  @Divisible(value = "C", by = "4")
  static final class Groups {
    static @Shape({"N", "C", "L"}) Tensor norm(@Shape({"N", "C", "L"}) Tensor x, @Dim("C") long c) {
      GroupNorm byFour = new GroupNorm(4, c);
      GroupNorm byTwo = new GroupNorm(2, c);
      return byTwo.forward(byFour.forward(x));
    }
  }

  @Divisible(value = "E", by = "K")
  static MultiheadAttention attention(@Dim("E") long e, @Dim("K") long k) {
    return new MultiheadAttention(e, k);
  }

  /** Concrete sizes that divide, and sizes the checker does not know, satisfy the fact. */
  static void callers(@Shape({"2", "5", "12"}) Tensor x, String text) {
    @Shape({"2", "5", "12"}) Tensor y = heads(x, 4);
    @Shape({"2", "5", "12"}) Tensor z = heads(x, Long.parseLong(text));
    @Shape({"2", "3", "5", "4"}) Tensor s = split(x, 3);
  }

  /** A symbolic caller passes the fact on by stating it. */
  @Divisible(value = "E", by = "K")
  static @Shape({"N", "S", "E"}) Tensor symbolic(@Shape({"N", "S", "E"}) Tensor x, @Dim("K") long k) {
    return heads(x, k);
  }

  /** A parameter written with H*(D/H) is [B, D] in the body. */
  @Divisible(value = "D", by = "H")
  static @Shape({"B", "D"}) Tensor written(@Shape({"B", "H*(D/H)"}) Tensor x) {
    return x;
  }
}
