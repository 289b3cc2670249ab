package rule;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import fixtures.Tensor;
import java.util.List;

class RuleMisfits {
  // :: error: (shape.rule.arity)
  @ShapeRule(Rule.BROADCAST3)
  Tensor whereWithoutOther(Tensor condition) {
    return condition;
  }

  // :: error: (shape.rule.arity)
  @ShapeRule(Rule.MATMUL)
  static Tensor matmulOfOne(Tensor a) {
    return a;
  }

  // :: error: (shape.rule.arity)
  @ShapeRule(value = Rule.TRANSPOSE, args = {"this", "dim0"})
  Tensor transposeMissingAnArg(int dim0, int dim1) {
    return null;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.BROADCAST, args = {"this", "othre"})
  Tensor misspelledArg(Tensor other, double alpha) {
    return other;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.BROADCAST, args = {"this", "b"})
  static Tensor thisInAStaticMethod(Tensor a, Tensor b) {
    return a;
  }

  @ShapeRule(Rule.REDUCE_DIM)
  // :: error: (shape.rule.kind)
  Tensor sumOverADoubleDim(double dim, boolean keepdim) {
    return null;
  }

  // :: error: (shape.rule.kind)
  @ShapeRule(value = Rule.RESHAPE, args = {"this", "flag"})
  Tensor reshapeWithABoolean(boolean flag) {
    return null;
  }

  // :: error: (shape.rule.kind)
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "mean"})
  static Tensor lossWithABooleanReduction(Tensor input, Tensor target, boolean mean) {
    return input;
  }

  @ShapeRule(Rule.BROADCAST)
  // :: error: (shape.rule.kind)
  static Tensor broadcastAgainstAnEnum(Tensor a, java.util.concurrent.TimeUnit b) {
    return a;
  }

  @ShapeRule(Rule.SIZES)
  // :: error: (shape.rule.kind)
  static Tensor zerosLike(Tensor t) {
    return t;
  }

  @ShapeRule(Rule.CAT)
  // :: error: (shape.rule.kind)
  static Tensor catOfStrings(List<String> tensors, int dim) {
    return null;
  }

  @ShapeRule(Rule.REDUCE_DIM)
  // :: error: (shape.rule.kind)
  Tensor keepdimAsInt(int dim, int keepdim) {
    return null;
  }

  @ShapeRule(Rule.MATMUL)
  // :: error: (shape.rule.kind)
  Tensor scaledMatmul(double scale, Tensor other) {
    return other;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "0"})
  Tensor keepdimAsAnIntConstant(int dim) {
    return null;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "false", "keepdim"})
  Tensor dimAsABooleanConstant(boolean keepdim) {
    return null;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.FLATTEN, args = {"this", "0", "-1.5"})
  Tensor notAConstant() {
    return null;
  }

  // :: error: (shape.rule.args)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "null", "false"})
  Tensor nullIsNoInt() {
    return null;
  }

  static final class Layer {
    // :: error: (shape.rule.args)
    @ShapeRule(value = Rule.SIZES, args = {"this"})
    Layer(long... sizes) {}
  }

  static final class Contracts {
    // :: error: (shape.rule.args)
    @ShapeRule(value = Rule.ATTENTION_CONTRACT, args = {"[embedDim]", "heads"})
    Contracts(long embedDim, long heads) {}

    @ShapeRule(value = Rule.CONV_CONTRACT,
        // :: error: (shape.rule.args)
        args = {"in", "out", "[kh, kw]", "[1, 1]", "[0, 0]", "[1, 1]", "1"})
    Contracts(long in, long out, long kh) {}

    @ShapeRule(value = Rule.CONV_CONTRACT,
        // :: error: (shape.rule.args)
        args = {"in", "out", "[kh, flag]", "[1, 1]", "[0, 0]", "[1, 1]", "1"})
    Contracts(long in, long out, long kh, boolean flag) {}
  }
}
