package dev.shapetorch.backprop;

import dev.shapetorch.backprop.internal.PartAssembler;
import dev.shapetorch.backprop.internal.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Taking {@link BVar}s apart and putting them together: isomorphisms, lists, and record fields
 * through {@link Lens}es. Reach these through {@link BVars}; this class only groups them.
 */
public class BVarStructure extends BVarTraversals {
  BVarStructure() {}

  /**
   * A variable through an isomorphism ({@link Op#opIso}): {@code to} and {@code from} must be
   * inverse and carry values unchanged.
   */
  public static <A, B> BVar<B> isoVar(Function<? super A, ? extends B> to,
      Function<? super B, ? extends A> from, BVar<A> x, Backprop<B> result) {
    return liftOp1(Op.opIso(to, from), x, result);
  }

  /** Two variables through an isomorphism ({@link Op#opIso2}), e.g. a record constructor. */
  public static <A, B, C> BVar<C> isoVar2(BiFunction<? super A, ? super B, ? extends C> to,
      Function<? super C, T2<A, B>> from, BVar<A> x, BVar<B> y, Backprop<C> result) {
    return liftOp2(Op.opIso2(to, from), x, y, result);
  }

  /** Three variables through an isomorphism ({@link Op#opIso3}). */
  public static <A, B, C, D> BVar<D> isoVar3(
      Function3<? super A, ? super B, ? super C, ? extends D> to,
      Function<? super D, T3<A, B, C>> from, BVar<A> x, BVar<B> y, BVar<C> z,
      Backprop<D> result) {
    return liftOp3(Op.opIso3(to, from), x, y, z, result);
  }

  /** N variables through an isomorphism ({@link Op#opIsoN}). */
  public static <A, B> BVar<B> isoVarN(Function<? super TN<A>, ? extends B> to,
      Function<? super B, ? extends TN<A>> from, List<BVar<A>> xs, Backprop<B> result) {
    return liftOpN(Op.opIsoN(to, from), xs, result);
  }

  /**
   * Splits a variable holding a list into one variable per element. The backward pass collects
   * the elements' gradients into one list gradient (zeros for unused elements) in O(n).
   *
   * @param list the list
   * @param element the elements' algebra
   */
  public static <A> List<BVar<A>> sequenceVar(BVar<List<A>> list, Backprop<A> element) {
    Objects.requireNonNull(element, "element");
    List<A> values = list.value();
    int n = values.size();
    List<BVar<A>> out = new ArrayList<>(n);
    Tape tape = commonTape("BVars.sequenceVar", list);
    if (tape == null) {
      for (A value : values) {
        out.add(new BVar<>(value, element, null, -1));
      }
      return out;
    }
    int whole = list.index();
    PartAssembler assembler = (wholeValue, parts) -> {
      List<?> elements = (List<?>) wholeValue;
      Object[] grads = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        grads[i] = parts[i] != null ? parts[i] : element.zero(BVarLifting.<A>cast(elements.get(i)));
      }
      return List.of(grads);
    };
    for (int i = 0; i < n; i++) {
      int part = i;
      A value = values.get(i);
      int index = tape.push(value, element,
          (g, sweep) -> sweep.accumulatePart(whole, part, n, g, element, assembler));
      out.add(new BVar<>(value, element, tape, index));
    }
    return out;
  }

  /**
   * Collects variables into one variable holding the list of their values (the inverse of
   * {@link #sequenceVar}).
   *
   * @param xs the variables
   * @param element the elements' algebra; the result's is {@code Backprop.list(element)}
   */
  public static <A> BVar<List<A>> collectVar(List<BVar<A>> xs, Backprop<A> element) {
    BVar<?>[] inputs = xs.toArray(new BVar<?>[0]);
    Backprop<List<A>> result = Backprop.list(element);
    List<A> values = new ArrayList<>(inputs.length);
    for (BVar<A> x : xs) {
      values.add(x.value());
    }
    List<A> value = List.copyOf(values);
    Tape tape = commonTape("BVars.collectVar", inputs);
    if (tape == null) {
      return new BVar<>(value, result, null, -1);
    }
    int[] indices = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      indices[i] = inputs[i].index();
    }
    int index = tape.push(value, result, (g, sweep) -> {
      List<?> gradients = (List<?>) g;
      for (int i = 0; i < indices.length && i < gradients.size(); i++) {
        if (indices[i] >= 0) {
          sweep.accumulate(indices[i], gradients.get(i));
        }
      }
    });
    return new BVar<>(value, result, tape, index);
  }

  /**
   * The part of a variable that {@code lens} focuses on (Haskell's {@code ^^.}). Its gradient
   * flows back into that part of the whole's gradient.
   *
   * @param lens the lens
   * @param whole the whole
   * @param part the part's algebra
   */
  public static <S, A> BVar<A> viewVar(Lens<S, A> lens, BVar<S> whole, Backprop<A> part) {
    Objects.requireNonNull(lens, "lens");
    if (whole.isConstant()) {
      return new BVar<>(lens.get(whole.value()), Objects.requireNonNull(part, "part"), null, -1);
    }
    return liftOp1(Op.opLens(lens, whole.algebra()), whole, part);
  }

  /**
   * The whole with the part that {@code lens} focuses on replaced by {@code part} (Haskell's
   * {@code .~~}). The new part's gradient is that part of the result's gradient; the old whole's
   * gradient is the result's gradient with that part zeroed.
   */
  public static <S, A> BVar<S> setVar(Lens<S, A> lens, BVar<A> part, BVar<S> whole) {
    Objects.requireNonNull(lens, "lens");
    Backprop<A> partAlgebra = part.algebra();
    Op<T2<A, S>, S> set = Op.op2((a, s) -> OpResult.of(lens.set(s, a), d -> {
      A dPart = lens.get(d);
      return T2.of(dPart, lens.set(d, partAlgebra.zero(dPart)));
    }));
    Tape tape = commonTape("BVars.setVar", part, whole);
    if (tape == null) {
      return new BVar<>(lens.set(whole.value(), part.value()), whole.algebra(), null, -1);
    }
    return liftOp2(set, part, whole, whole.algebra());
  }

  /**
   * The whole with {@code f} applied to the part that {@code lens} focuses on (Haskell's
   * {@code %~~}): {@code setVar(lens, f.apply(viewVar(lens, whole, part)), whole)}.
   */
  public static <S, A> BVar<S> overVar(Lens<S, A> lens, BVar<S> whole, Backprop<A> part,
      UnaryOperator<BVar<A>> f) {
    return setVar(lens, f.apply(viewVar(lens, whole, part)), whole);
  }
}
