package dev.shapetorch.nn.internal;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A layer's {@code forward} signature, read once from its declaration: the receiver's {@code
 * @Shape} (the hyperparameters, when the layer's type has them), the tensor parameters' and the
 * result's (when declared). {@link #check}
 * unifies the actual hyperparameters and input shapes with them (the algebra's {@link
 * Unifier}, as the checker does at compile time), so that the run-time error for a call the
 * checker would reject carries the checker's key and text.
 */
public final class ForwardSignature {
  private final String op;
  private final boolean typedModule;
  private final List<String> names;
  private final List<TensorShape> patterns;
  private final TensorShape result;
  /** Shared by every instance of the layer and every thread: an immutable snapshot. */
  private volatile Memo last;

  private ForwardSignature(String op, boolean typedModule, List<String> names,
      List<TensorShape> patterns, TensorShape result) {
    this.op = op;
    this.typedModule = typedModule;
    this.names = names;
    this.patterns = patterns;
    this.result = result;
  }

  /**
   * The signature of {@code layer}'s public {@code forward} with {@code inputNames.length}
   * tensor parameters.
   *
   * @throws IllegalStateException if there is no such method or an annotation is missing
   */
  public static ForwardSignature of(Class<?> layer, String... inputNames) {
    Method forward = null;
    for (Method m : layer.getDeclaredMethods()) {
      if (m.getName().equals("forward")
          && Modifier.isPublic(m.getModifiers())
          && !m.isBridge()
          && m.getParameterCount() == inputNames.length) {
        forward = m;
      }
    }
    if (forward == null) {
      throw new IllegalStateException(layer.getSimpleName() + " has no forward with "
          + inputNames.length + " parameters");
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
    return new ForwardSignature(layer.getSimpleName() + ".forward", typedModule,
        List.copyOf(names), List.copyOf(patterns),
        result.getAnnotation(Shape.class) == null ? null : shape(result, layer, "result"));
  }

  private static TensorShape shape(AnnotatedType t, Class<?> layer, String what) {
    Shape s = t == null ? null : t.getAnnotation(Shape.class);
    if (s == null) {
      throw new IllegalStateException(
          layer.getSimpleName() + ".forward: the " + what + " has no @Shape");
    }
    return ShapeParser.parseShape(s.value());
  }

  /**
   * Unifies the hyperparameters and the inputs with the declaration.
   *
   * @param hyperparameters the receiver's values, in the order its class documents
   * @return the bindings (which give the expected result through {@link #expectedResult})
   * @throws ShapeException {@code [key] Layer.forward: ...} on a mismatch
   */
  public Bindings check(long[] hyperparameters, Tensor... inputs) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        String name = names.get(names.size() - inputs.length + i);
        // Under the op the user called: a model's forward that passed its null input on.
        throw Arguments.invalid(op, name + " is null; pass a tensor");
      }
    }
    Memo memo = last;
    if (memo != null && memo.matches(hyperparameters, inputs)) {
      return memo.bindings;
    }
    List<TensorShape> actual = new ArrayList<>(inputs.length + 1);
    if (typedModule) {
      actual.add(TensorShape.of(hyperparameters));
    }
    TensorShape[] shapes = new TensorShape[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      shapes[i] = inputs[i].shapeOf();
      actual.add(shapes[i]);
    }
    ShapeResult<Bindings> r = Unifier.unifyAll(op, names, patterns, actual, Bindings.empty());
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    last = new Memo(hyperparameters.clone(), shapes, r.value());
    return r.value();
  }

  /**
   * The last shapes that passed, and their bindings: a layer usually sees the same shapes call
   * after call, so a repeated check costs a comparison instead of a unification.
   */
  private static final class Memo {
    final long[] hyper;
    final TensorShape[] shapes;
    final Bindings bindings;

    Memo(long[] hyper, TensorShape[] shapes, Bindings bindings) {
      this.hyper = hyper;
      this.shapes = shapes;
      this.bindings = bindings;
    }

    boolean matches(long[] hyperparameters, Tensor[] inputs) {
      if (inputs.length != shapes.length || !Arrays.equals(hyper, hyperparameters)) {
        return false;
      }
      for (int i = 0; i < inputs.length; i++) {
        if (!shapes[i].equals(inputs[i].shapeOf())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Checks the inputs of a layer whose type carries no hyperparameters. */
  public Bindings check(Tensor... inputs) {
    return check(new long[0], inputs);
  }

  /**
   * The declared result instantiated with {@code bindings} (unbound sizes unknown), or null
   * when the result carries no {@code @Shape}.
   */
  public TensorShape expectedResult(Bindings bindings) {
    return result == null ? null : bindings.instantiate(result);
  }
}
