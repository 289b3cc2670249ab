package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link Shape} signature of an op, read once from the op's own declaration, so the
 * annotation the checker reads and the check the runtime runs cannot diverge. {@link #check}
 * unifies the declared parameter shapes with the actual ones (the algebra's {@link Unifier}) and
 * throws {@link ShapeException} on a mismatch.
 */
final class Signature {

  private final List<String> names;
  private final List<TensorShape> patterns;

  private Signature(List<String> names, List<TensorShape> patterns) {
    this.names = names;
    this.patterns = patterns;
  }

  /**
   * Reads the {@code @Shape} annotations of the {@code Tensor} parameters of {@code
   * owner.method(paramTypes)}, the receiver first for an instance method.
   *
   * @param names the parameters' names, for messages, one per {@code Tensor} parameter
   */
  static Signature of(Class<?> owner, String method, Class<?>[] paramTypes, String... names) {
    Method m;
    try {
      m = owner.getDeclaredMethod(method, paramTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no method " + owner.getSimpleName() + "." + method
          + Arrays.toString(paramTypes), e);
    }
    List<TensorShape> patterns = new ArrayList<>();
    List<AnnotatedType> tensors = new ArrayList<>();
    if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
      tensors.add(m.getAnnotatedReceiverType());
    }
    tensors.addAll(Arrays.asList(m.getAnnotatedParameterTypes()));
    for (AnnotatedType p : tensors) {
      if (p.getType() != Tensor.class) {
        continue;
      }
      Shape s = p.getAnnotation(Shape.class);
      if (s == null) {
        throw new IllegalStateException(
            owner.getSimpleName() + "." + method + " has a Tensor parameter without @Shape");
      }
      patterns.add(ShapeParser.parseShape(s.value()));
    }
    if (patterns.size() != names.length) {
      throw new IllegalStateException(owner.getSimpleName() + "." + method + " has "
          + patterns.size() + " Tensor parameters, but " + names.length + " names were given");
    }
    return new Signature(List.of(names), List.copyOf(patterns));
  }

  /** A signature from parsed patterns and the parameters' names (see {@link Guard#signature}). */
  static Signature of(List<String> names, List<TensorShape> patterns) {
    return new Signature(List.copyOf(names), List.copyOf(patterns));
  }

  /** The declared parameter shapes, in order. */
  List<TensorShape> patterns() {
    return patterns;
  }

  /** Unifies the actual shapes with the declared ones; throws {@link ShapeException}. */
  Bindings check(String op, Tensor... args) {
    List<TensorShape> actual = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        throw UserCall.nullParameter(names.get(i), "a tensor");
      }
      actual.add(args[i].shapeOf());
    }
    ShapeResult<Bindings> r = Unifier.unifyAll(op, names, patterns, actual, Bindings.empty());
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
    return r.value();
  }
}
