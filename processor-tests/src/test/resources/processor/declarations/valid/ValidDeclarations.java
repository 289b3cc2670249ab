package valid;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.UnknownShape;
import dev.shapetorch.shapes.rules.Rule;
import fixtures.Tensor;
import java.util.List;
import java.util.function.Function;

/** Declarations in the style of the runtime and nn: none of them is reported. */
class ValidDeclarations {
  static final class Linear {
    final int features = 3;

    public @Shape({"in", "out"}) Linear(@Dim long in, @Dim long out) {}

    public @Shape({"*batch", "Out"}) Tensor forward(
        @Shape({"In", "Out"}) Linear this, @Shape({"*batch", "In"}) Tensor input) {
      return input;
    }

    @Shape({"features"}) Tensor ownFeatures;
  }

  static final class Conv2d {
    public @Shape({"in", "out", "k", "k", "1", "1", "0", "0", "1", "1"}) Conv2d(
        @Dim long in, @Dim long out, @Dim long k) {}

    public @Shape({"N", "Cout", "(H+2*PH-DH*(KH-1)-1)/SH+1", "(W+2*PW-DW*(KW-1)-1)/SW+1"})
        Tensor forward(
            @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW"}) Conv2d this,
            @Shape({"N", "Cin", "H", "W"}) Tensor input) {
      return input;
    }
  }

  /** A constructor contract with bracketed INTS args, and a boolean {@code @Dim} (1 or 0). */
  static final class FullConv2d {
    @ShapeRule(value = Rule.CONV_CONTRACT,
        args = {"in", "out", "[kh, kw]", "[sh, 1]", "[0, 0]", "[1, 1]", "groups"})
    public @Shape({"in", "out", "kh", "kw", "sh", "1", "0", "0", "1", "1", "ceil"}) FullConv2d(
        @Dim long in, @Dim long out, @Dim long kh, @Dim long kw, @Dim long sh, long groups,
        @Dim boolean ceil) {}
  }

  static final class Ops {
    public @Shape({"M", "N"}) Tensor mm(
        @Shape({"M", "K"}) Ops this, @Shape({"K", "N"}) Tensor other) {
      return other;
    }

    @ShapeRule(Rule.BROADCAST)
    public Tensor add(Tensor other) {
      return other;
    }

    @ShapeRule(value = Rule.BROADCAST, args = {"this", "other"})
    public Tensor add(Tensor other, double alpha) {
      return other;
    }

    @ShapeRule(Rule.REDUCE_DIM)
    public Tensor sum(int dim, boolean keepdim) {
      return null;
    }

    @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
    public Tensor sum(int dim) {
      return null;
    }

    @ShapeRule(Rule.REDUCE_ALL)
    public @Shape({}) Tensor sum() {
      return null;
    }

    @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"this", "target", "reduction"})
    public Tensor loss(Tensor target, java.util.concurrent.TimeUnit reduction) {
      return target;
    }

    @ShapeRule(value = Rule.FLATTEN, args = {"this", "0", "-1"})
    public Tensor flatten() {
      return null;
    }

    @ShapeRule(value = Rule.LINEAR, args = {"this", "weight", "null"})
    public Tensor linearWithoutBias(Tensor weight) {
      return weight;
    }

    @ShapeRule(value = Rule.SAME_SHAPE, args = {"this", "gradient"})
    public void backward(Tensor gradient) {}

    @ShapeRule(Rule.BROADCAST)
    public Tensor sub(Tensor other, double alpha) {
      return other;
    }

    @ShapeRule(Rule.RESHAPE)
    public Tensor view(long... shape) {
      return null;
    }

    @ShapeRule(Rule.CAT)
    public static Tensor cat(List<Tensor> tensors, long dim) {
      return null;
    }

    @ShapeRule(Rule.STACK)
    public static Tensor stack(Tensor[] tensors, Integer dim) {
      return null;
    }

    @ShapeRule(
        value = Rule.CONV1D,
        args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
    public static Tensor conv1d(
        Tensor input, Tensor weight, Tensor bias, long stride, long padding, long dilation,
        long groups) {
      return input;
    }

    @ShapeRule(Rule.STACK)
    public static Tensor stackOne(Tensor only, int dim) {
      return only;
    }

    @ShapeRule(Rule.SIZES)
    public static Tensor zeros(@Dim long... sizes) {
      return null;
    }

    public static @Shape({"n", "n"}) Tensor eye(@Dim int n) {
      return null;
    }

    public static @Shape({"N", "N"}) Tensor eyeOf(@Dim("N") int size) {
      return null;
    }

    public static @Shape({"...", "n"}) Tensor lastDim(@Shape({"...", "_"}) Tensor x, int n) {
      return x;
    }

    public static @Shape({"B", "C*H*W"}) Tensor flatten(@Shape({"B", "C", "H", "W"}) Tensor x) {
      return x;
    }

    public static List<@Shape({"B", "C"}) Tensor> split(
        List<@Shape({"B", "C"}) Tensor> xs, @UnknownShape Tensor unused) {
      return xs;
    }
  }

  record Batch(@Dim int size, @Shape({"size", "784"}) Tensor images) {}

  /** Dependent dimensions whatever their case, when they name an int in scope. */
  static final class Constants {
    static final int HIDDEN = 128;

    static @Shape({"B", "HIDDEN"}) Tensor project(@Shape({"B", "784"}) Tensor x) {
      return x;
    }

    static @Shape({"N", "N"}) Tensor square(@Dim long N) {
      return null;
    }

    static @Shape({"in", "k"}) Tensor renamed(@Dim("in") long inFeatures, @Dim("k") int kernel) {
      return null;
    }
  }

  static void bodies(@Shape({"B", "784"}) Tensor x) {
    final int hidden = 128;
    @Shape({"B", "hidden"}) Tensor h = null;
    Object cast = (@Shape({"B", "784"}) Tensor) x;
    Function<Tensor, Tensor> f = (@Shape({"B", "hidden"}) Tensor t) -> t;
    for (final long n : new long[] {1, 2}) {
      @Shape({"n"}) Tensor each = null;
    }
    final var inferred = 3;
    @Shape({"inferred"}) Tensor fromVar = null;
  }
}
