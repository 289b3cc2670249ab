package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Shape} signature of an nn op whose optional tensor arguments (a bias, a class
 * weight) may be null: read once from the op's declaration by {@link Signature#of}, checked on
 * the arguments that are present.
 */
final class NnSignature {
  private final List<String> names;
  private final List<TensorShape> patterns;

  private NnSignature(List<String> names, List<TensorShape> patterns) {
    this.names = names;
    this.patterns = patterns;
  }

  /** The signature of {@code owner.method}, whose {@code Tensor} parameters are all tensors. */
  static NnSignature of(Class<?> owner, String method, String... names) {
    int tensors = names.length;
    Class<?>[] types = null;
    for (java.lang.reflect.Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(method) && java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
        int n = 0;
        for (Class<?> p : m.getParameterTypes()) {
          n += p == Tensor.class ? 1 : 0;
        }
        if (n == tensors) {
          types = m.getParameterTypes();
          break;
        }
      }
    }
    if (types == null) {
      throw new IllegalStateException(
          "no public " + owner.getSimpleName() + "." + method + " with " + tensors + " tensors");
    }
    return new NnSignature(
        List.of(names), Signature.of(owner, method, types, names).patterns());
  }

  /**
   * Unifies the present arguments (nulls are skipped) with their declared shapes.
   *
   * @return the bindings, e.g. of {@code N} and {@code C}
   * @throws ShapeException on a mismatch
   */
  Bindings check(String op, Tensor... args) {
    return check(op, Bindings.empty(), args);
  }

  /**
   * Like {@link #check(String, Tensor...)}, starting from bindings of the op's dependent
   * dimensions (its {@code @Dim} parameters' values).
   */
  Bindings check(String op, Bindings dependent, Tensor... args) {
    List<String> n = new ArrayList<>(args.length);
    List<TensorShape> p = new ArrayList<>(args.length);
    List<TensorShape> a = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null) {
        n.add(names.get(i));
        p.add(patterns.get(i));
        a.add(args[i].shapeOf());
      }
    }
    ShapeResult<Bindings> r = Unifier.unifyAll(op, n, p, a, dependent);
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    return r.value();
  }
}
