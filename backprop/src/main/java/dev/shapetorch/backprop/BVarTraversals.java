package dev.shapetorch.backprop;

import dev.shapetorch.backprop.internal.PartAssembler;
import dev.shapetorch.backprop.internal.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reaching into {@link BVar}s through {@link Traversal}s and {@link Coercion}s. Reach these
 * through {@link BVars}; this class only groups them.
 */
public class BVarTraversals extends BVarLifting {
  BVarTraversals() {}

  /**
   * One variable per part that {@code traversal} focuses on, in order (Haskell's {@code
   * toListOfVar}). The backward pass writes the parts' gradients into a zero whole with {@link
   * Traversal#setAll} (zeros for parts that received none), once, in O(parts).
   *
   * <pre>{@code
   * // the sum of a list's elements: every element's gradient is 1
   * BVars.gradBP(xs -> BVars.toListOfVar(Traversal.list(), xs, Backprop.DOUBLE).stream()
   *     .reduce(d::add).orElseThrow(), List.of(1.0, 2.0), Backprop.list(Backprop.DOUBLE));
   * }</pre>
   *
   * @param traversal the traversal
   * @param whole the whole
   * @param part the parts' algebra
   */
  public static <S, A> List<BVar<A>> toListOfVar(Traversal<S, A> traversal, BVar<S> whole,
      Backprop<A> part) {
    Objects.requireNonNull(traversal, "traversal");
    Objects.requireNonNull(part, "part");
    List<A> values = traversal.getAll(whole.value());
    int n = values.size();
    List<BVar<A>> out = new ArrayList<>(n);
    Tape tape = commonTape("BVars.toListOfVar", whole);
    if (tape == null) {
      for (A value : values) {
        out.add(new BVar<>(value, part, null, -1));
      }
      return out;
    }
    int wholeIndex = whole.index();
    Backprop<S> wholeAlgebra = whole.algebra();
    PartAssembler assembler = (wholeValue, parts) -> {
      S w = BVarLifting.cast(wholeValue);
      List<A> partValues = traversal.getAll(w);
      List<A> grads = new ArrayList<>(parts.length);
      for (int i = 0; i < parts.length; i++) {
        grads.add(parts[i] != null ? BVarLifting.<A>cast(parts[i])
            : part.zero(partValues.get(i)));
      }
      return traversal.setAll(wholeAlgebra.zero(w), grads);
    };
    for (int i = 0; i < n; i++) {
      int index = i;
      A value = values.get(i);
      int entry = tape.push(value, part,
          (g, sweep) -> sweep.accumulatePart(wholeIndex, index, n, g, part, assembler));
      out.add(new BVar<>(value, part, tape, entry));
    }
    return out;
  }

  /**
   * The first part that {@code traversal} focuses on, if there is one (Haskell's {@code
   * previewVar}, {@code ^^?}): for an optional field, the value when present. Its gradient
   * flows back into that part of the whole's gradient.
   *
   * @param traversal the traversal
   * @param whole the whole
   * @param part the part's algebra
   */
  public static <S, A> Optional<BVar<A>> previewVar(Traversal<S, A> traversal, BVar<S> whole,
      Backprop<A> part) {
    Objects.requireNonNull(traversal, "traversal");
    Objects.requireNonNull(part, "part");
    List<A> values = traversal.getAll(whole.value());
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (whole.isConstant()) {
      return Optional.of(new BVar<>(values.get(0), part, null, -1));
    }
    Backprop<S> wholeAlgebra = whole.algebra();
    Op<T1<S>, A> first = Op.op1(s -> OpResult.of(values.get(0), d -> {
      List<A> grads = new ArrayList<>(values.size());
      grads.add(d);
      for (int i = 1; i < values.size(); i++) {
        grads.add(part.zero(values.get(i)));
      }
      return traversal.setAll(wholeAlgebra.zero(s), grads);
    }));
    return Optional.of(liftOp1(first, whole, part));
  }

  /**
   * A variable through a {@link Coercion} (Haskell's {@code coerceVar}): the same values in the
   * other representation, the gradient converted back.
   *
   * @param coercion the conversion
   * @param x the variable
   * @param result the other representation's algebra
   */
  public static <A, B> BVar<B> coerceVar(Coercion<A, B> coercion, BVar<A> x,
      Backprop<B> result) {
    return liftOp1(Op.opCoerce(coercion), x, result);
  }
}
