package dev.shapetorch.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A differentiable function from a tuple of inputs {@code As} to a result {@code A}, with its
 * gradient: running it forward gives the result and a continuation from the result's gradient
 * to the inputs' gradient ({@link OpResult}).
 *
 * <p>An op is pure and knows nothing of the tape: it is the primitive that {@link BVars#liftOp1}
 * and friends put on a tape, and it can be run on its own. If {@code y = f(x)} is part of a
 * computation whose final result is {@code z}, the continuation takes {@code dz/dy} and returns
 * {@code dz/dx = dz/dy * dy/dx}: that is what lets ops be chained.
 *
 * <pre>{@code
 * Op<T2<Double, Double>, Double> times =
 *     Op.op2((x, y) -> OpResult.of(x * y, d -> T2.of(d * y, x * d)));
 * times.evalOp(T2.of(3.0, 5.0));                   // 15.0
 * times.gradOp(T2.of(3.0, 5.0), Backprop.DOUBLE);  // T2[first=5.0, second=3.0]
 *
 * Op<T1<Double>, Double> square = Op.op1(x -> OpResult.of(x * x, d -> 2 * d * x));
 * square.gradOp(T1.of(4.0), Backprop.DOUBLE);      // T1[first=8.0]
 * }</pre>
 *
 * <p>Ops are built with {@link #op0}, {@link #opConst} (and {@link #opConst1}..{@link
 * #opConstN}), {@link #idOp}, {@link #opLens}, {@link #op1}, {@link #op2}, {@link #op3}, {@link
 * #opTup}, the isomorphisms ({@link #opIso}, {@link #opIso2}, {@link #opIso3}, {@link #opIsoN},
 * {@link #opCoerce}), the gradient-less {@link #noGrad1} and {@link #noGrad}, and composed with
 * {@link #composeOp}, {@link #composeOp1}, {@link #andThen} and {@link #compose} (Haskell's
 * {@code ~.}). Arithmetic on ops (Haskell's {@code Num}/{@code Floating} instances: {@code f +
 * g}, {@code sin f}) is {@link dev.shapetorch.backprop.ops.OpMath}. The numeric library for
 * doubles and floats is {@link dev.shapetorch.backprop.ops.NumericOps}; tensors' is {@link
 * dev.shapetorch.backprop.ops.TensorOps}.
 *
 * @param <As> the inputs, a tuple ({@link T0}, {@link T1}, {@link T2}, {@link T3}, {@link TN})
 * @param <A> the result
 */
@FunctionalInterface
public interface Op<As extends Tup, A> {
  /**
   * Runs the function forward: the result, and the continuation that computes the inputs'
   * gradient from the result's (Haskell's {@code runOpWith}).
   *
   * @param inputs the inputs
   */
  OpResult<As, A> run(As inputs);

  /** The result of the function at {@code inputs}, without the gradient. */
  default A evalOp(As inputs) {
    return run(inputs).value();
  }

  /**
   * The gradient of the inputs given the gradient of the result (the total derivative of the
   * final result with respect to this op's result).
   *
   * @param inputs where to evaluate
   * @param outputGradient the result's gradient, shaped like the result
   */
  default As gradOpWith(As inputs, A outputGradient) {
    return run(inputs).gradient(outputGradient);
  }

  /**
   * The result and the gradient of the result with respect to the inputs, seeding the backward
   * pass with {@code output.one(result)}.
   *
   * @param inputs where to evaluate
   * @param output the result's algebra (for its {@code one})
   */
  default ValueGrad<A, As> runOp(As inputs, Backprop<A> output) {
    OpResult<As, A> r = run(inputs);
    return new ValueGrad<>(r.value(), r.gradient(output.one(r.value())));
  }

  /**
   * The gradient of the result with respect to the inputs: {@code gradOpWith(inputs,
   * output.one(result))}.
   *
   * @param inputs where to evaluate
   * @param output the result's algebra (for its {@code one})
   */
  default As gradOp(As inputs, Backprop<A> output) {
    return runOp(inputs, output).gradient();
  }

  /** This op followed by {@code next}: {@code composeOp1(this, next)}. */
  default <B> Op<As, B> andThen(Op<T1<A>, B> next) {
    return composeOp1(this, next);
  }

  // ---------------------------------------------------------------------------------------
  // Creation

  /**
   * An op of no inputs that returns {@code value}; its gradient is the empty tuple.
   *
   * <pre>{@code
   * Op.op0(10.0).runOp(T0.of(), Backprop.DOUBLE);   // ValueGrad[value=10.0, gradient=T0[]]
   * }</pre>
   */
  static <A> Op<T0, A> op0(A value) {
    Objects.requireNonNull(value, "value");
    return inputs -> OpResult.of(value, d -> T0.INSTANCE);
  }

  /**
   * An op that ignores its inputs and returns {@code value}: every input's gradient is zero.
   *
   * <pre>{@code
   * var b = Backprop.t3(Backprop.DOUBLE, Backprop.DOUBLE, Backprop.DOUBLE);
   * Op.opConst(b, 10.0).runOp(T3.of(1.0, 2.0, 3.0), Backprop.DOUBLE);
   *     // value 10.0, gradient T3[first=0.0, second=0.0, third=0.0]
   * }</pre>
   *
   * @param inputs the inputs' algebra, for their zero
   * @param value the constant result
   */
  static <As extends Tup, A> Op<As, A> opConst(Backprop<As> inputs, A value) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(value, "value");
    return xs -> OpResult.of(value, d -> inputs.zero(xs));
  }

  /**
   * {@link #opConst} over one input, with the input's algebra: the arity is in the name (Haskell's
   * {@code opConst'} with an explicit length), for where Java cannot infer the input tuple.
   *
   * @param first the input's algebra, for its zero
   * @param value the constant result
   */
  static <A, C> Op<T1<A>, C> opConst1(Backprop<A> first, C value) {
    return opConst(Backprop.t1(first), value);
  }

  /**
   * {@link #opConst} over two inputs, with their algebras.
   *
   * <pre>{@code
   * Op.opConst2(Backprop.DOUBLE, Backprop.FLOAT, 10.0).gradOp(T2.of(1.0, 2f), Backprop.DOUBLE);
   *     // T2[first=0.0, second=0.0]
   * }</pre>
   *
   * @param first the first input's algebra
   * @param second the second input's algebra
   * @param value the constant result
   */
  static <A, B, C> Op<T2<A, B>, C> opConst2(Backprop<A> first, Backprop<B> second, C value) {
    return opConst(Backprop.t2(first, second), value);
  }

  /**
   * {@link #opConst} over three inputs, with their algebras.
   *
   * @param first the first input's algebra
   * @param second the second input's algebra
   * @param third the third input's algebra
   * @param value the constant result
   */
  static <A, B, C, D> Op<T3<A, B, C>, D> opConst3(Backprop<A> first, Backprop<B> second,
      Backprop<C> third, D value) {
    return opConst(Backprop.t3(first, second, third), value);
  }

  /**
   * {@link #opConst} over any number of inputs of one type, with their algebra.
   *
   * @param element the inputs' algebra
   * @param value the constant result
   */
  static <A, C> Op<TN<A>, C> opConstN(Backprop<A> element, C value) {
    return opConst(Backprop.tn(element), value);
  }

  /** The identity: returns its input, and passes the gradient through unchanged. */
  static <A> Op<T1<A>, A> idOp() {
    return op1(x -> OpResult.of(x, d -> d));
  }

  /**
   * An op that extracts a part of its input with a lens; the gradient puts the part's gradient
   * back into a zero whole.
   *
   * <p>The lens must return the part unchanged (derivative 1); see {@link Lens}.
   *
   * @param lens the getter/setter pair
   * @param whole the whole's algebra, for the zero the gradient is written into
   */
  static <S, A> Op<T1<S>, A> opLens(Lens<S, A> lens, Backprop<S> whole) {
    Objects.requireNonNull(lens, "lens");
    Objects.requireNonNull(whole, "whole");
    return op1(s -> OpResult.of(lens.get(s), d -> lens.set(whole.zero(s), d)));
  }

  /**
   * An op of one input, from a function that returns the result and the continuation from the
   * result's gradient {@code dz/dy} to the input's gradient {@code dz/dx}.
   *
   * <pre>{@code
   * Op<T1<Double>, Double> square = Op.op1(x -> OpResult.of(x * x, d -> 2 * d * x));
   * }</pre>
   */
  static <A, B> Op<T1<A>, B> op1(Function<? super A, OpResult<A, B>> f) {
    return new UnaryOp<>(f);
  }

  /**
   * An op of two inputs, from a function that returns the result and the continuation from the
   * result's gradient to both inputs' gradients.
   *
   * <pre>{@code
   * Op<T2<Double, Double>, Double> times =
   *     Op.op2((x, y) -> OpResult.of(x * y, d -> T2.of(d * y, x * d)));
   * }</pre>
   */
  static <A, B, C> Op<T2<A, B>, C> op2(
      BiFunction<? super A, ? super B, OpResult<T2<A, B>, C>> f) {
    return new BinaryOp<>(f);
  }

  /** An op of three inputs; see {@link #op2}. */
  static <A, B, C, D> Op<T3<A, B, C>, D> op3(
      Function3<? super A, ? super B, ? super C, OpResult<T3<A, B, C>, D>> f) {
    Objects.requireNonNull(f, "f");
    return xs -> f.apply(xs.first(), xs.second(), xs.third());
  }

  /**
   * An op that returns its input tuple itself; its gradient is the result's gradient, so
   * {@code runOp} gives all-ones gradients.
   *
   * <pre>{@code
   * var b = Backprop.t3(Backprop.DOUBLE, Backprop.DOUBLE, Backprop.DOUBLE);
   * Op.<T3<Double, Double, Double>>opTup().runOp(T3.of(1.0, 2.0, 3.0), b);
   *     // value T3[1.0, 2.0, 3.0], gradient T3[1.0, 1.0, 1.0]
   * }</pre>
   */
  static <As extends Tup> Op<As, As> opTup() {
    return xs -> OpResult.of(xs, d -> d);
  }

  /**
   * An op through an isomorphism: {@code to} and {@code from} must be inverse and carry values
   * unchanged (derivative 1), like wrapping a value in a record. Numeric isomorphisms such as
   * {@code exp}/{@code log} give wrong gradients here.
   */
  static <A, B> Op<T1<A>, B> opIso(Function<? super A, ? extends B> to,
      Function<? super B, ? extends A> from) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    return op1(x -> OpResult.of(to.apply(x), from));
  }

  /**
   * An op through a {@link Coercion}: a free conversion between two representations of the same
   * values (a record and the tuple of its components), whose gradient is the result's gradient
   * converted back (Haskell's {@code opCoerce}).
   *
   * <pre>{@code
   * Op<T1<T2<Double, Double>>, Point> toPoint = Op.opCoerce(Coercion.record(Point.class));
   * toPoint.gradOpWith(T1.of(T2.of(1.0, 2.0)), new Point(5, 6));   // T1[T2[5.0, 6.0]]
   * }</pre>
   *
   * @param coercion the conversion
   */
  static <A, B> Op<T1<A>, B> opCoerce(Coercion<A, B> coercion) {
    Objects.requireNonNull(coercion, "coercion");
    return op1(x -> OpResult.of(coercion.to(x), coercion::from));
  }

  /** An op through an isomorphism between pairs and values (e.g. a record's constructor). */
  static <A, B, C> Op<T2<A, B>, C> opIso2(BiFunction<? super A, ? super B, ? extends C> to,
      Function<? super C, T2<A, B>> from) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    return op2((x, y) -> OpResult.of(to.apply(x, y), from));
  }

  /** An op through an isomorphism between triples and values; see {@link #opIso}. */
  static <A, B, C, D> Op<T3<A, B, C>, D> opIso3(
      Function3<? super A, ? super B, ? super C, ? extends D> to,
      Function<? super D, T3<A, B, C>> from) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    return op3((x, y, z) -> OpResult.of(to.apply(x, y, z), from));
  }

  /** An op through an isomorphism between a whole input tuple and a value; see {@link #opIso}. */
  static <As extends Tup, B> Op<As, B> opIsoN(Function<? super As, ? extends B> to,
      Function<? super B, ? extends As> from) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    return xs -> OpResult.of(to.apply(xs), from);
  }

  /**
   * An op of one input without a gradient, named {@code "Op.noGrad1"} in errors; see {@link
   * #noGrad1(String, Function)}.
   */
  static <A, B> Op<T1<A>, B> noGrad1(Function<? super A, ? extends B> f) {
    return noGrad1("Op.noGrad1", f);
  }

  /**
   * An op of one input that evaluates {@code f} but has no gradient: {@link #evalOp} and {@link
   * BVars#evalBP} work; asking for a gradient that depends on its result throws {@link
   * NoGradientException} naming {@code name}.
   *
   * @param name the op's name for the error, e.g. {@code "argmax"}
   * @param f the function
   */
  static <A, B> Op<T1<A>, B> noGrad1(String name, Function<? super A, ? extends B> f) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(f, "f");
    return op1(x -> OpResult.of(f.apply(x), d -> {
      throw new NoGradientException(name);
    }));
  }

  /** An op of any inputs without a gradient, named {@code "Op.noGrad"} in errors. */
  static <As extends Tup, B> Op<As, B> noGrad(Function<? super As, ? extends B> f) {
    return noGrad("Op.noGrad", f);
  }

  /**
   * An op of any inputs that evaluates {@code f} but has no gradient; see {@link
   * #noGrad1(String, Function)}.
   */
  static <As extends Tup, B> Op<As, B> noGrad(String name, Function<? super As, ? extends B> f) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(f, "f");
    return xs -> OpResult.of(f.apply(xs), d -> {
      throw new NoGradientException(name);
    });
  }

  // ---------------------------------------------------------------------------------------
  // Composition

  /**
   * Pipes {@code f}'s result into {@code g}: the op {@code x -> g(f(x))}. No algebra is needed,
   * as the inputs' gradient has a single contribution.
   */
  static <As extends Tup, B, C> Op<As, C> composeOp1(Op<As, B> f, Op<T1<B>, C> g) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(g, "g");
    return xs -> {
      OpResult<As, B> rf = f.run(xs);
      OpResult<T1<B>, C> rg = g.run(T1.of(rf.value()));
      return OpResult.of(rg.value(), dc -> rf.gradient(rg.gradient(dc).first()));
    };
  }

  /** {@code g} after {@code f}, like function composition: Haskell's {@code g ~. f}. */
  static <As extends Tup, B, C> Op<As, C> compose(Op<T1<B>, C> g, Op<As, B> f) {
    return composeOp1(f, g);
  }

  /**
   * Runs two ops on the same inputs and feeds their results to {@code g}: the op {@code x ->
   * g(f1(x), f2(x))}. The inputs' gradient is the sum of both paths' contributions.
   *
   * @param inputs the inputs' algebra, to add the contributions
   */
  static <As extends Tup, B1, B2, C> Op<As, C> composeOp(Backprop<As> inputs, Op<As, B1> f1,
      Op<As, B2> f2, Op<T2<B1, B2>, C> g) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(g, "g");
    return xs -> {
      OpResult<As, B1> r1 = f1.run(xs);
      OpResult<As, B2> r2 = f2.run(xs);
      OpResult<T2<B1, B2>, C> rg = g.run(T2.of(r1.value(), r2.value()));
      return OpResult.of(rg.value(), dc -> {
        T2<B1, B2> db = rg.gradient(dc);
        return inputs.add(r1.gradient(db.first()), r2.gradient(db.second()));
      });
    };
  }

  /** Three ops on the same inputs feeding {@code g}; see the two-op form. */
  static <As extends Tup, B1, B2, B3, C> Op<As, C> composeOp(Backprop<As> inputs, Op<As, B1> f1,
      Op<As, B2> f2, Op<As, B3> f3, Op<T3<B1, B2, B3>, C> g) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(g, "g");
    return xs -> {
      OpResult<As, B1> r1 = f1.run(xs);
      OpResult<As, B2> r2 = f2.run(xs);
      OpResult<As, B3> r3 = f3.run(xs);
      OpResult<T3<B1, B2, B3>, C> rg = g.run(T3.of(r1.value(), r2.value(), r3.value()));
      return OpResult.of(rg.value(), dc -> {
        T3<B1, B2, B3> db = rg.gradient(dc);
        return inputs.add(inputs.add(r1.gradient(db.first()), r2.gradient(db.second())),
            r3.gradient(db.third()));
      });
    };
  }

  /**
   * Any number of ops of one result type on the same inputs, feeding an N-ary {@code g}. With
   * no ops, the inputs' gradient is zero.
   */
  static <As extends Tup, B, C> Op<As, C> composeOpN(Backprop<As> inputs,
      List<? extends Op<As, B>> fs, Op<TN<B>, C> g) {
    Objects.requireNonNull(inputs, "inputs");
    List<Op<As, B>> ops = List.copyOf(fs);
    Objects.requireNonNull(g, "g");
    return xs -> {
      List<OpResult<As, B>> rs = new ArrayList<>(ops.size());
      List<B> values = new ArrayList<>(ops.size());
      for (Op<As, B> f : ops) {
        OpResult<As, B> r = f.run(xs);
        rs.add(r);
        values.add(r.value());
      }
      OpResult<TN<B>, C> rg = g.run(new TN<>(values));
      return OpResult.of(rg.value(), dc -> {
        TN<B> db = rg.gradient(dc);
        As sum = null;
        for (int i = 0; i < rs.size(); i++) {
          As contribution = rs.get(i).gradient(db.at(i));
          sum = sum == null ? contribution : inputs.add(sum, contribution);
        }
        return sum == null ? inputs.zero(xs) : sum;
      });
    };
  }
}
