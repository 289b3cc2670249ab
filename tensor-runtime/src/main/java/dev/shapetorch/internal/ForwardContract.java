package dev.shapetorch.internal;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A layer's {@code forward} contract, read once from its declaration, so that the run-time
 * check is the one the checker makes at compile time: either a {@code @ShapeRule} (whose {@code
 * args} name {@code "this"}, the receiver's hyperparameter vector, and the tensor parameters),
 * which {@link #check} runs on the actual vector and shapes; or a {@code @Shape} signature (the
 * receiver's {@code @Shape}, when the layer's type has hyperparameters, the tensor parameters'
 * and the result's, when declared), which {@link #check} unifies with them (the algebra's
 * {@link Unifier}). The run-time error for a call the checker would reject carries the
 * checker's key and text, under the layer's {@code Layer.forward}. Made by {@link Guard#forward},
 * the layers' side of the runtime's one door.
 *
 * <p>Internal: public only for the layers of {@code dev.shapetorch.nn}; not API.
 */
public final class ForwardContract {
  private final String op;
  private final boolean typedModule;
  private final List<String> names;
  private final List<TensorShape> patterns;
  private final TensorShape result;
  /** The declared rule, or null for a signature. */
  private final Rule rule;
  /**
   * Per rule input: {@link #RECEIVER} for the hyperparameter vector, {@link #ABSENT} for an
   * {@code args} entry {@code "null"}, else the index of the tensor input.
   */
  private final int[] ruleInputs;
  private static final int RECEIVER = -1;
  private static final int ABSENT = -2;
  private static final RuleArg ABSENT_ARG = new RuleArg.Ignored();
  /** Shared by every instance of the layer and every thread: an immutable snapshot. */
  private volatile Memo last;

  private ForwardContract(String op, boolean typedModule, List<String> names,
      List<TensorShape> patterns, TensorShape result, Rule rule, int[] ruleInputs) {
    this.op = op;
    this.typedModule = typedModule;
    this.names = names;
    this.patterns = patterns;
    this.result = result;
    this.rule = rule;
    this.ruleInputs = ruleInputs;
  }

  /**
   * The contract of {@code layer}'s public {@code forward} with {@code inputNames.length} tensor
   * parameters, named {@code inputNames} (as its rule's {@code args} name them).
   *
   * @throws IllegalStateException if there is no such method or an annotation is missing
   */
  static ForwardContract of(Class<?> layer, String... inputNames) {
    return of(layer, "forward", inputNames);
  }

  /**
   * The contract of {@code owner}'s public method {@code name} with {@code inputNames.length}
   * tensor parameters: a transform's {@code apply}, declared as a layer's {@code forward} is.
   *
   * @throws IllegalStateException if there is no such method or an annotation is missing
   */
  static ForwardContract of(Class<?> layer, String name, String... inputNames) {
    Method forward = null;
    for (Method m : layer.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && Modifier.isPublic(m.getModifiers())
          && !m.isBridge()
          && m.getParameterCount() == inputNames.length) {
        forward = m;
      }
    }
    if (forward == null) {
      throw new IllegalStateException(layer.getSimpleName() + " has no " + name + " with "
          + inputNames.length + " parameters");
    }
    String op = layer.getSimpleName() + "." + name;
    ShapeRule declared = forward.getAnnotation(ShapeRule.class);
    if (declared != null) {
      return ofRule(op, declared, inputNames);
    }
    List<String> names = new ArrayList<>();
    List<TensorShape> patterns = new ArrayList<>();
    AnnotatedType receiver = forward.getAnnotatedReceiverType();
    boolean typedModule = receiver != null && receiver.getAnnotation(Shape.class) != null;
    if (typedModule) {
      names.add("this");
      patterns.add(shape(receiver, layer, "receiver"));
    }
    AnnotatedType[] params = forward.getAnnotatedParameterTypes();
    for (int i = 0; i < params.length; i++) {
      names.add(inputNames[i]);
      patterns.add(shape(params[i], layer, inputNames[i]));
    }
    AnnotatedType result = forward.getAnnotatedReturnType();
    return new ForwardContract(op, typedModule, List.copyOf(names), List.copyOf(patterns),
        result.getAnnotation(Shape.class) == null ? null : shape(result, layer, "result"),
        null, null);
  }

  /** A rule's inputs, each the receiver's vector or a tensor parameter named in {@code args}. */
  private static ForwardContract ofRule(String op, ShapeRule declared, String[] inputNames) {
    String[] args = declared.args();
    if (args.length != declared.value().inputs().size()) {
      throw new IllegalStateException(op + ": rule " + declared.value() + " takes "
          + declared.value().inputs().size() + " inputs, args names " + args.length);
    }
    int[] inputs = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("this")) {
        inputs[i] = RECEIVER;
        continue;
      }
      if (args[i].equals("null")) {
        inputs[i] = ABSENT;
        continue;
      }
      inputs[i] = List.of(inputNames).indexOf(args[i]);
      if (inputs[i] < 0) {
        throw new IllegalStateException(op + ": the rule's input " + args[i]
            + " is neither \"this\", \"null\" nor one of " + List.of(inputNames));
      }
    }
    return new ForwardContract(op, false, List.of(inputNames), List.of(), null,
        declared.value(), inputs);
  }

  private static TensorShape shape(AnnotatedType t, Class<?> layer, String what) {
    Shape s = t == null ? null : t.getAnnotation(Shape.class);
    if (s == null) {
      throw new IllegalStateException(
          layer.getSimpleName() + ": the " + what + " has no @Shape");
    }
    return ShapeParser.parseShape(s.value());
  }

  /**
   * Checks the hyperparameters and the inputs against the declaration: runs its rule, or
   * unifies them with its signature.
   *
   * @param hyperparameters the receiver's values, in the order its type lists them
   * @return the result's shape the declaration gives (the rule's result, or the declared
   *     result instantiated, unbound sizes unknown), or null when a signature declares none
   * @throws ShapeException {@code [key] Layer.forward: ...} on a mismatch
   */
  public TensorShape check(long[] hyperparameters, Tensor... inputs) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        String name = rule != null ? names.get(i) : names.get(names.size() - inputs.length + i);
        // Under the op the user called: a model's forward that passed its null input on.
        throw Arguments.invalid(op, name + " is null; pass a tensor");
      }
    }
    return checked(hyperparameters, inputs);
  }

  /**
   * As {@link #check(long[], Tensor...)} for a declared rule some of whose inputs may be
   * absent: a null input is passed to the rule as absent ({@link RuleArg.Ignored}), and the
   * rule judges it as the checker does for an {@code args} entry {@code "null"} (a recurrent
   * layer's initial states, zeros when absent).
   *
   * @throws IllegalStateException if the declaration is a signature, not a rule
   */
  public TensorShape checkAllowingAbsent(long[] hyperparameters, Tensor... inputs) {
    if (rule == null) {
      throw new IllegalStateException(op + " declares a signature, whose inputs are required");
    }
    return checked(hyperparameters, inputs);
  }

  private TensorShape checked(long[] hyperparameters, Tensor[] inputs) {
    Memo memo = last;
    if (memo != null && memo.matches(hyperparameters, inputs)) {
      return memo.result;
    }
    TensorShape[] shapes = new TensorShape[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      shapes[i] = inputs[i] == null ? null : inputs[i].shapeOf();
    }
    TensorShape out = rule != null ? applyRule(hyperparameters, shapes)
        : unify(hyperparameters, shapes);
    last = new Memo(hyperparameters.clone(), shapes, out);
    return out;
  }

  private TensorShape applyRule(long[] hyperparameters, TensorShape[] shapes) {
    List<RuleArg> args = new ArrayList<>(ruleInputs.length);
    for (int i : ruleInputs) {
      if (i == RECEIVER) {
        args.add(new RuleArg.TensorArg(vector(hyperparameters)));
      } else if (i == ABSENT || shapes[i] == null) {
        args.add(ABSENT_ARG);
      } else {
        args.add(new RuleArg.TensorArg(shapes[i]));
      }
    }
    return Guard.declared(rule.apply(op, args));
  }

  /**
   * The hyperparameter vector as the checker types the layer: sizes, but also a negative dim (a
   * {@code Softmax(-1)}'s), which no tensor's shape may hold.
   */
  private static TensorShape vector(long[] hyperparameters) {
    for (long h : hyperparameters) {
      if (h < 0) {
        List<DimExpr> dims = new ArrayList<>(hyperparameters.length);
        for (long v : hyperparameters) {
          dims.add(DimExpr.of(v));
        }
        return TensorShape.of(dims);
      }
    }
    return TensorShape.of(hyperparameters);
  }

  private TensorShape unify(long[] hyperparameters, TensorShape[] shapes) {
    List<TensorShape> actual = new ArrayList<>(shapes.length + 1);
    if (typedModule) {
      actual.add(vector(hyperparameters));
    }
    actual.addAll(Arrays.asList(shapes));
    Bindings b = Guard.declared(
        Unifier.unifyAll(op, names, patterns, actual, Bindings.empty()));
    return result == null ? null : b.instantiate(result);
  }

  /**
   * The last shapes that passed, and their bindings: a layer usually sees the same shapes call
   * after call, so a repeated check costs a comparison instead of a unification.
   */
  private static final class Memo {
    final long[] hyper;
    final TensorShape[] shapes;
    final TensorShape result;

    Memo(long[] hyper, TensorShape[] shapes, TensorShape result) {
      this.hyper = hyper;
      this.shapes = shapes;
      this.result = result;
    }

    boolean matches(long[] hyperparameters, Tensor[] inputs) {
      if (inputs.length != shapes.length || !Arrays.equals(hyper, hyperparameters)) {
        return false;
      }
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] == null ? shapes[i] != null
            : shapes[i] == null || !shapes[i].equals(inputs[i].shapeOf())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Checks the inputs of a layer whose type carries no hyperparameters. */
  public TensorShape check(Tensor... inputs) {
    return check(new long[0], inputs);
  }
}
