package dev.shapetorch.internal;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Shape} signature of an op's tensor parameters, parsed once from the strings of its
 * declaration ({@link Guard#signature}), so the annotation the checker reads and the check the
 * runtime runs cannot diverge. {@link #check} unifies the declared parameter shapes with the
 * actual ones (the algebra's {@link Unifier}) and throws {@link ShapeException} on a mismatch.
 *
 * <p>Internal: public only for the generated forms; not API.
 */
public final class Signature {

  private final List<String> names;
  private final List<TensorShape> patterns;
  private final boolean[] optional;
  private final boolean anyOptional;

  Signature(List<String> names, List<TensorShape> patterns, boolean[] optional) {
    this.names = List.copyOf(names);
    this.patterns = List.copyOf(patterns);
    this.optional = optional;
    boolean any = false;
    for (boolean o : optional) {
      any |= o;
    }
    this.anyOptional = any;
  }

  /**
   * Unifies the actual shapes with the declared ones, leaving out optional parameters that are
   * null.
   *
   * @throws IllegalArgumentException naming the parameter if a required tensor is null
   * @throws ShapeException on a mismatch
   */
  public Bindings check(String op, Tensor... args) {
    List<String> n = names;
    List<TensorShape> p = patterns;
    List<TensorShape> actual = new ArrayList<>(args.length);
    if (anyOptional) {
      n = new ArrayList<>(args.length);
      p = new ArrayList<>(args.length);
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        if (!optional[i]) {
          throw UserCall.nullParameter(names.get(i), "a tensor");
        }
        continue;
      }
      if (anyOptional) {
        n.add(names.get(i));
        p.add(patterns.get(i));
      }
      actual.add(args[i].shapeOf());
    }
    ShapeResult<Bindings> r = Unifier.unifyAll(op, n, p, actual, Bindings.empty());
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
    return r.value();
  }
}
