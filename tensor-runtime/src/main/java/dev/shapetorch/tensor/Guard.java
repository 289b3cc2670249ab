package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime guard of the ops declared with {@code @Variants}: the generated forms ({@code
 * Torch}, {@code Tensor}) call it with the rule and argument mapping, or the {@code @Shape}
 * signature, that their declaration gives the checker, before the kernel runs. Inputs are built
 * from the parameters by name, so a null argument is reported under its parameter's name; a
 * mismatch raises {@link ShapeException} under the op the user called. Nothing here is looked
 * up per call: a signature is parsed once, when the generated class loads.
 */
final class Guard {
  private Guard() {}

  /** Runs {@code rule} on the inputs (see {@link ShapeChecks#check}). */
  static void rule(Rule rule, String op, RuleArg... inputs) {
    ShapeChecks.check(rule, op, inputs);
  }

  /** {@link Rule#BROADCAST} on two tensors, without building rule inputs (every elementwise op). */
  static void broadcast(String op, Tensor a, Tensor b) {
    ShapeChecks.broadcast(op, a, b);
  }

  /** A tensor input; null is an error naming {@code name}. */
  static RuleArg tensor(Tensor t, String name) {
    if (t == null) {
      throw UserCall.nullParameter(name, "a tensor");
    }
    return ShapeChecks.tensorArg(t);
  }

  /** A tensor input that may be null (a bias): the rule ignores it then. */
  static RuleArg optional(Tensor t) {
    return t == null ? new RuleArg.Ignored() : ShapeChecks.tensorArg(t);
  }

  /** Several tensors; a null list or element is an error naming {@code name}. */
  static RuleArg tensors(Tensor[] ts, String name) {
    if (ts == null) {
      throw UserCall.nullParameter(name, "an array of tensors");
    }
    return ShapeChecks.tensors(ts);
  }

  /** Several tensors; a null list or element is an error naming {@code name}. */
  static RuleArg tensors(Iterable<Tensor> ts, String name) {
    if (ts == null) {
      throw UserCall.nullParameter(name, "a list of tensors");
    }
    List<Tensor> list = new ArrayList<>();
    ts.forEach(list::add);
    return ShapeChecks.tensors(list.toArray(new Tensor[0]));
  }

  /** An int input. */
  static RuleArg integer(long v) {
    return ShapeChecks.integer(v);
  }

  /** An int-array input; null is an error naming {@code name}. */
  static RuleArg ints(long[] vs, String name) {
    if (vs == null) {
      throw UserCall.nullParameter(name, "an array of sizes");
    }
    return ShapeChecks.ints(vs);
  }

  /** An int-array input; null is an error naming {@code name}. */
  static RuleArg ints(int[] vs, String name) {
    if (vs == null) {
      throw UserCall.nullParameter(name, "an array of sizes");
    }
    return ShapeChecks.ints(vs);
  }

  /** A boolean input. */
  static RuleArg bool(boolean v) {
    return ShapeChecks.bool(v);
  }

  /** An enum input, by constant name; null is an error naming {@code name}. */
  static RuleArg enumArg(Enum<?> v, String name) {
    if (v == null) {
      throw UserCall.nullParameter(name, "one of its enum's constants");
    }
    return new RuleArg.EnumArg(v.name());
  }

  /** An input the rule ignores (a literal {@code null} in the rule's {@code args}). */
  static RuleArg ignored() {
    return new RuleArg.Ignored();
  }

  /**
   * A {@code @Shape} signature, parsed once: one pattern per {@code @Shape}-annotated tensor
   * parameter, with the parameters' names for messages.
   */
  static Signature signature(String[][] patterns, String... names) {
    List<TensorShape> parsed = new ArrayList<>(patterns.length);
    for (String[] p : patterns) {
      parsed.add(ShapeParser.parseShape(p));
    }
    return Signature.of(List.of(names), parsed);
  }
}
