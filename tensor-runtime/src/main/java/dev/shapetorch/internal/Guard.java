package dev.shapetorch.internal;

import dev.shapetorch.shapes.rules.Broadcasting;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.MemoryLimit;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime's one door into the shape algebra: the generated forms of the ops ({@code Torch},
 * {@code Tensor}) call it with the rule and argument mapping, or the {@code @Shape} signature,
 * that their declaration gives the checker, before the kernel runs (docs/architecture.md). Inputs
 * are built from the parameters by name, so a null argument is reported under its parameter's
 * name; a mismatch raises {@link ShapeException} with the rule's text under the op the user
 * called. Nothing here is looked up per call: a signature is parsed once, when the generated
 * class loads. The layers of {@code dev.shapetorch.nn} come in by the same door: {@link #forward}
 * reads a layer's {@code forward} declaration once ({@link ForwardContract}), and {@link
 * #declared} runs a rule for an op whose run goes through no single checked op (backprop's
 * losses and gradient steps).
 *
 * <p>Internal: public only for the generated forms and ShapeTorch's other packages; not API.
 */
public final class Guard {
  private static final RuleArg TRUE = new RuleArg.BoolArg(true);
  private static final RuleArg FALSE = new RuleArg.BoolArg(false);
  private static final RuleArg IGNORED = new RuleArg.Ignored();

  private Guard() {}

  /**
   * Runs {@code rule} on the inputs; a result that could not be held in memory is refused too
   * ({@link MemoryLimit}; not for {@link Rule#EXPAND} and {@link Rule#EXPAND_AS}, whose views
   * need no memory).
   *
   * @throws ShapeException on a mismatch
   */
  public static void rule(Rule rule, String op, RuleArg... inputs) {
    TensorShape out = require(rule.apply(op, Arrays.asList(inputs)));
    if (rule != Rule.EXPAND && rule != Rule.EXPAND_AS) {
      MemoryChecks.check(op, out, 1);
    }
  }

  /**
   * A kernel's check beyond its contract, computed by the algebra (a recurrent op's states
   * against the layout its parameters give).
   *
   * @return the result's shape
   * @throws ShapeException on a mismatch
   */
  public static TensorShape require(ShapeResult<TensorShape> r) {
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
    return r.value();
  }

  /**
   * {@link Rule#BROADCAST} on two tensors without building rule inputs: it is on every
   * elementwise op's path.
   */
  public static void broadcast(String op, Tensor a, String aName, Tensor b, String bName) {
    TensorShape sa = shapeOf(a, aName);
    TensorShape sb = shapeOf(b, bName);
    if (sa == sb) {
      return; // the same tensor: nothing can disagree
    }
    require(Broadcasting.broadcast(op, sa, sb));
  }

  /** {@link Rule#BROADCAST_INPLACE}: {@code other} must broadcast to {@code self}'s shape. */
  public static void broadcastInPlace(
      String op, Tensor self, String selfName, Tensor other, String otherName) {
    TensorShape ss = shapeOf(self, selfName);
    TensorShape so = shapeOf(other, otherName);
    if (ss == so) {
      return; // the same tensor: nothing can disagree
    }
    require(Broadcasting.broadcastInPlace(op, ss, so));
  }

  private static TensorShape shapeOf(Tensor t, String name) {
    if (t == null) {
      throw UserCall.nullParameter(name, "a tensor");
    }
    return t.shapeOf();
  }

  /** A tensor input; null is an error naming {@code name}. */
  public static RuleArg tensor(Tensor t, String name) {
    return new RuleArg.TensorArg(shapeOf(t, name));
  }

  /** A {@code @Nullable} tensor input (a bias): the rule ignores it when it is null. */
  public static RuleArg optional(Tensor t) {
    return t == null ? IGNORED : new RuleArg.TensorArg(t.shapeOf());
  }

  /** Several tensors; a null array or element is an error naming {@code name} or the index. */
  public static RuleArg tensors(Tensor[] ts, String name) {
    if (ts == null) {
      throw UserCall.nullParameter(name, "an array of tensors");
    }
    List<TensorShape> shapes = new ArrayList<>(ts.length);
    for (int i = 0; i < ts.length; i++) {
      shapes.add(element(ts[i], i));
    }
    return new RuleArg.TensorsArg(shapes);
  }

  /** Several tensors; a null list or element is an error naming {@code name} or the index. */
  public static RuleArg tensors(Iterable<Tensor> ts, String name) {
    if (ts == null) {
      throw UserCall.nullParameter(name, "a list of tensors");
    }
    List<TensorShape> shapes = new ArrayList<>();
    for (Tensor t : ts) {
      shapes.add(element(t, shapes.size()));
    }
    return new RuleArg.TensorsArg(shapes);
  }

  private static TensorShape element(Tensor t, int index) {
    if (t == null) {
      throw UserCall.nullElement(index);
    }
    return t.shapeOf();
  }

  /** An int input (a dim, a size). */
  public static RuleArg integer(long v) {
    return new RuleArg.IntArg(DimExpr.of(v));
  }

  /** One int for an int-array input (as the checker reads it: a list of one). */
  public static RuleArg ints(long v) {
    return RuleArg.IntsArg.of(v);
  }

  /** An int-array input; null is an error naming {@code name}. */
  public static RuleArg ints(long[] vs, String name) {
    if (vs == null) {
      throw UserCall.nullParameter(name, "an array of sizes");
    }
    return RuleArg.IntsArg.of(vs);
  }

  /** An int-array input; null is an error naming {@code name}. */
  public static RuleArg ints(int[] vs, String name) {
    if (vs == null) {
      throw UserCall.nullParameter(name, "an array of sizes");
    }
    long[] values = new long[vs.length];
    for (int i = 0; i < vs.length; i++) {
      values[i] = vs[i];
    }
    return RuleArg.IntsArg.of(values);
  }

  /** A boolean input. */
  public static RuleArg bool(boolean v) {
    return v ? TRUE : FALSE;
  }

  /** An enum input, by constant name; null is an error naming {@code name} and the constants. */
  public static <E extends Enum<E>> RuleArg enumArg(E v, String name, Class<E> type) {
    if (v == null) {
      List<String> constants = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        constants.add(c.name());
      }
      throw UserCall.nullParameter(name,
          "a " + type.getSimpleName() + " (" + String.join(", ", constants) + ")");
    }
    return new RuleArg.EnumArg(v.name());
  }

  /** A string input (an index string); null is an error naming {@code name}. */
  public static RuleArg string(String v, String name) {
    if (v == null) {
      throw UserCall.nullParameter(name, "a string");
    }
    return new RuleArg.StringArg(v);
  }

  /** An input the rule ignores (a literal {@code null} in the rule's {@code args}). */
  public static RuleArg ignored() {
    return IGNORED;
  }

  /**
   * A {@code @Shape} signature, parsed once: one pattern per {@code @Shape}-annotated tensor
   * parameter, with the parameters' names for messages.
   */
  public static Signature signature(String[][] patterns, String... names) {
    return signature(patterns, new boolean[patterns.length], names);
  }

  /**
   * A {@code @Shape} signature whose {@code optional} parameters ({@code @Nullable}: a bias) are
   * left out of the unification when they are null.
   */
  public static Signature signature(String[][] patterns, boolean[] optional, String... names) {
    List<TensorShape> parsed = new ArrayList<>(patterns.length);
    for (String[] p : patterns) {
      parsed.add(ShapeParser.parseShape(p));
    }
    return new Signature(List.of(names), parsed, optional.clone());
  }

  /**
   * The contract of {@code layer}'s public {@code forward} with {@code inputNames.length} tensor
   * parameters, named {@code inputNames} (as its rule's {@code args} name them), read once from
   * its {@code @ShapeRule} or {@code @Shape} declaration.
   *
   * @throws IllegalStateException if there is no such method or an annotation is missing
   */
  public static ForwardContract forward(Class<?> layer, String... inputNames) {
    return ForwardContract.of(layer, inputNames);
  }

  /**
   * The contract of {@code owner}'s public method {@code method}, declared as a layer's
   * {@code forward} is (a {@code @ShapeRule} whose {@code args} may name {@code "this"}, or a
   * {@code @Shape} signature): an image transform's {@code apply}. Errors name {@code
   * Owner.method}.
   */
  public static ForwardContract method(Class<?> owner, String method, String... inputNames) {
    return ForwardContract.of(owner, method, inputNames);
  }

  /**
   * Runs {@code rule} for an op whose run goes through no single checked op (backprop's
   * {@code TensorOps.crossEntropy}), under {@code op} as given: a caller that runs it inside
   * does not hide which op refused its input. No memory check: the kernels check their results.
   *
   * @return the result's shape
   * @throws ShapeException {@code [key] Layer.forward: ...} on a mismatch
   */
  public static TensorShape declared(Rule rule, String op, RuleArg... inputs) {
    return declared(rule.apply(op, Arrays.asList(inputs)));
  }

  /** {@code r}'s value, or its mismatch as it stands (under the layer's own op). */
  static <T> T declared(ShapeResult<T> r) {
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    return r.value();
  }

  /** A layer's hyperparameter vector ({@code "this"} in its rule's {@code args}) as an input. */
  public static RuleArg module(long... hyperparameters) {
    return new RuleArg.TensorArg(TensorShape.of(hyperparameters));
  }
}
