package dev.shapetorch.backprop;

import dev.shapetorch.backprop.internal.Sweep;
import dev.shapetorch.backprop.internal.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reverse-mode differentiation of functions of {@link BVar}s: running them ({@link #backprop},
 * {@link #evalBP}, {@link #gradBP}, {@link #backpropWith}, and their two-, three- and
 * N-argument forms), turning them into ops ({@link #bpOp1}..{@link #bpOpN}), and, inherited,
 * lifting ops ({@link #liftOp1}, {@link #liftOp2}, {@link #liftOp3}, {@link #liftOpN}, {@link
 * #liftOp}) and structure ({@link #isoVar}..{@link #isoVarN}, {@link #coerceVar}, {@link
 * #sequenceVar}, {@link #collectVar}, {@link #viewVar}, {@link #setVar}, {@link #overVar},
 * {@link #toListOfVar}, {@link #previewVar}).
 *
 * <pre>{@code
 * var d = NumericVars.DOUBLE;
 * // f(x) = x * sin x;  f'(x) = sin x + x cos x
 * ValueGrad<Double, Double> r =
 *     BVars.backprop(x -> d.mul(x, d.sin(x)), 2.0, Backprop.DOUBLE);
 * r.value();     // 2 sin 2
 * r.gradient();  // sin 2 + 2 cos 2
 * }</pre>
 *
 * <p>Each run builds its own tape, so runs are independent and may happen on different threads;
 * the function itself must build its variables on the calling thread.
 */
public final class BVars extends BVarStructure {
  private BVars() {}

  /**
   * The value of {@code f} at {@code x} and the gradient of that value with respect to {@code
   * x}, seeding the backward pass with the result algebra's {@code one}.
   *
   * @param f the function to differentiate
   * @param x where
   * @param input {@code x}'s algebra
   */
  public static <A, B> ValueGrad<B, A> backprop(Function<? super BVar<A>, ? extends BVar<B>> f,
      A x, Backprop<A> input) {
    OpResult<A, B> r = backpropWith(f, x, input);
    return new ValueGrad<>(r.value(), r.gradient(null));
  }

  /** The value of {@code f} at {@code x}, without building a tape (every op runs forward). */
  public static <A, B> B evalBP(Function<? super BVar<A>, ? extends BVar<B>> f, A x) {
    return f.apply(new BVar<>(Objects.requireNonNull(x, "x"), null, null, -1)).value();
  }

  /** The gradient of {@code f} at {@code x}: {@code backprop(f, x, input).gradient()}. */
  public static <A, B> A gradBP(Function<? super BVar<A>, ? extends BVar<B>> f, A x,
      Backprop<A> input) {
    return backprop(f, x, input).gradient();
  }

  /**
   * The value of {@code f} at {@code x}, and a continuation from a gradient of that value (the
   * total derivative of some final result with respect to it) to the gradient with respect to
   * {@code x}. The continuation may be called any number of times; {@code null} means the
   * result algebra's {@code one}.
   *
   * <pre>{@code
   * OpResult<Double, Double> r = BVars.backpropWith(x -> d.mul(x, x), 3.0, Backprop.DOUBLE);
   * r.gradient(10.0);   // 60.0 = 10 * 2x
   * }</pre>
   */
  public static <A, B> OpResult<A, B> backpropWith(
      Function<? super BVar<A>, ? extends BVar<B>> f, A x, Backprop<A> input) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(input, "input");
    Tape tape = new Tape();
    BVar<A> in = new BVar<>(x, input, tape, tape.leaf(x, input));
    BVar<B> out = finish("BVars.backprop", tape, () -> f.apply(in));
    return OpResult.of(out.value(), dy -> {
      Sweep sweep = sweep(tape, out, dy);
      return gradientOf(sweep, in);
    });
  }

  /**
   * The value of a two-argument function and its gradient with respect to both arguments.
   *
   * @param f the function
   * @param x the first argument
   * @param y the second argument
   * @param xAlgebra {@code x}'s algebra
   * @param yAlgebra {@code y}'s algebra
   */
  public static <A, B, C> ValueGrad<C, T2<A, B>> backprop2(
      BiFunction<? super BVar<A>, ? super BVar<B>, ? extends BVar<C>> f, A x, B y,
      Backprop<A> xAlgebra, Backprop<B> yAlgebra) {
    OpResult<T2<A, B>, C> r = backpropWith2(f, x, y, xAlgebra, yAlgebra);
    return new ValueGrad<>(r.value(), r.gradient(null));
  }

  /** The value of a two-argument function, without building a tape. */
  public static <A, B, C> C evalBP2(
      BiFunction<? super BVar<A>, ? super BVar<B>, ? extends BVar<C>> f, A x, B y) {
    return f.apply(new BVar<>(Objects.requireNonNull(x, "x"), null, null, -1),
        new BVar<>(Objects.requireNonNull(y, "y"), null, null, -1)).value();
  }

  /** The gradient of a two-argument function with respect to both arguments. */
  public static <A, B, C> T2<A, B> gradBP2(
      BiFunction<? super BVar<A>, ? super BVar<B>, ? extends BVar<C>> f, A x, B y,
      Backprop<A> xAlgebra, Backprop<B> yAlgebra) {
    return backprop2(f, x, y, xAlgebra, yAlgebra).gradient();
  }

  /** {@link #backpropWith} for two arguments. */
  public static <A, B, C> OpResult<T2<A, B>, C> backpropWith2(
      BiFunction<? super BVar<A>, ? super BVar<B>, ? extends BVar<C>> f, A x, B y,
      Backprop<A> xAlgebra, Backprop<B> yAlgebra) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(xAlgebra, "xAlgebra");
    Objects.requireNonNull(yAlgebra, "yAlgebra");
    Tape tape = new Tape();
    BVar<A> inX = new BVar<>(x, xAlgebra, tape, tape.leaf(x, xAlgebra));
    BVar<B> inY = new BVar<>(y, yAlgebra, tape, tape.leaf(y, yAlgebra));
    BVar<C> out = finish("BVars.backprop2", tape, () -> f.apply(inX, inY));
    return OpResult.of(out.value(), dz -> {
      Sweep sweep = sweep(tape, out, dz);
      return T2.of(gradientOf(sweep, inX), gradientOf(sweep, inY));
    });
  }

  /**
   * The value of a three-argument function and its gradient with respect to all three (for
   * more arguments of different types, pass a record or tuple and take it apart with lenses).
   *
   * @param f the function
   * @param x the first argument
   * @param y the second argument
   * @param z the third argument
   * @param xAlgebra {@code x}'s algebra
   * @param yAlgebra {@code y}'s algebra
   * @param zAlgebra {@code z}'s algebra
   */
  public static <A, B, C, D> ValueGrad<D, T3<A, B, C>> backprop3(
      Function3<? super BVar<A>, ? super BVar<B>, ? super BVar<C>, ? extends BVar<D>> f, A x,
      B y, C z, Backprop<A> xAlgebra, Backprop<B> yAlgebra, Backprop<C> zAlgebra) {
    OpResult<T3<A, B, C>, D> r = backpropWith3(f, x, y, z, xAlgebra, yAlgebra, zAlgebra);
    return new ValueGrad<>(r.value(), r.gradient(null));
  }

  /** The value of a three-argument function, without building a tape. */
  public static <A, B, C, D> D evalBP3(
      Function3<? super BVar<A>, ? super BVar<B>, ? super BVar<C>, ? extends BVar<D>> f, A x,
      B y, C z) {
    return f.apply(new BVar<>(Objects.requireNonNull(x, "x"), null, null, -1),
        new BVar<>(Objects.requireNonNull(y, "y"), null, null, -1),
        new BVar<>(Objects.requireNonNull(z, "z"), null, null, -1)).value();
  }

  /** The gradient of a three-argument function with respect to all three arguments. */
  public static <A, B, C, D> T3<A, B, C> gradBP3(
      Function3<? super BVar<A>, ? super BVar<B>, ? super BVar<C>, ? extends BVar<D>> f, A x,
      B y, C z, Backprop<A> xAlgebra, Backprop<B> yAlgebra, Backprop<C> zAlgebra) {
    return backprop3(f, x, y, z, xAlgebra, yAlgebra, zAlgebra).gradient();
  }

  /** {@link #backpropWith} for three arguments. */
  public static <A, B, C, D> OpResult<T3<A, B, C>, D> backpropWith3(
      Function3<? super BVar<A>, ? super BVar<B>, ? super BVar<C>, ? extends BVar<D>> f, A x,
      B y, C z, Backprop<A> xAlgebra, Backprop<B> yAlgebra, Backprop<C> zAlgebra) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(z, "z");
    Objects.requireNonNull(xAlgebra, "xAlgebra");
    Objects.requireNonNull(yAlgebra, "yAlgebra");
    Objects.requireNonNull(zAlgebra, "zAlgebra");
    Tape tape = new Tape();
    BVar<A> inX = new BVar<>(x, xAlgebra, tape, tape.leaf(x, xAlgebra));
    BVar<B> inY = new BVar<>(y, yAlgebra, tape, tape.leaf(y, yAlgebra));
    BVar<C> inZ = new BVar<>(z, zAlgebra, tape, tape.leaf(z, zAlgebra));
    BVar<D> out = finish("BVars.backprop3", tape, () -> f.apply(inX, inY, inZ));
    return OpResult.of(out.value(), dw -> {
      Sweep sweep = sweep(tape, out, dw);
      return T3.of(gradientOf(sweep, inX), gradientOf(sweep, inY), gradientOf(sweep, inZ));
    });
  }

  /**
   * The value of a function of any number of arguments of one type and its gradient with
   * respect to each of them, in order.
   *
   * @param f the function; it receives one variable per element of {@code xs}
   * @param xs the arguments
   * @param input the arguments' algebra
   */
  public static <A, B> ValueGrad<B, List<A>> backpropN(
      Function<? super List<BVar<A>>, ? extends BVar<B>> f, List<A> xs, Backprop<A> input) {
    OpResult<List<A>, B> r = backpropWithN(f, xs, input);
    return new ValueGrad<>(r.value(), r.gradient(null));
  }

  /**
   * {@link #backpropWith} for any number of arguments of one type: the value, and a
   * continuation from a gradient of it to the arguments' gradients, in order (an unmodifiable
   * list). The continuation may be called any number of times; {@code null} means the result
   * algebra's {@code one}.
   *
   * @param f the function; it receives one variable per element of {@code xs}
   * @param xs the arguments
   * @param input the arguments' algebra
   */
  public static <A, B> OpResult<List<A>, B> backpropWithN(
      Function<? super List<BVar<A>>, ? extends BVar<B>> f, List<A> xs, Backprop<A> input) {
    Objects.requireNonNull(input, "input");
    Tape tape = new Tape();
    List<BVar<A>> ins = new ArrayList<>(xs.size());
    for (A x : xs) {
      Objects.requireNonNull(x, "an element of xs");
      ins.add(new BVar<>(x, input, tape, tape.leaf(x, input)));
    }
    List<BVar<A>> view = List.copyOf(ins);
    BVar<B> out = finish("BVars.backpropN", tape, () -> f.apply(view));
    return OpResult.of(out.value(), dy -> {
      Sweep sweep = sweep(tape, out, dy);
      List<A> gradients = new ArrayList<>(ins.size());
      for (BVar<A> in : ins) {
        gradients.add(gradientOf(sweep, in));
      }
      return List.copyOf(gradients);
    });
  }

  /** The value of an N-argument function, without building a tape. */
  public static <A, B> B evalBPN(Function<? super List<BVar<A>>, ? extends BVar<B>> f,
      List<A> xs) {
    List<BVar<A>> ins = new ArrayList<>(xs.size());
    for (A x : xs) {
      ins.add(new BVar<>(Objects.requireNonNull(x, "an element of xs"), null, null, -1));
    }
    return f.apply(List.copyOf(ins)).value();
  }

  /** The gradient of an N-argument function with respect to each argument. */
  public static <A, B> List<A> gradBPN(Function<? super List<BVar<A>>, ? extends BVar<B>> f,
      List<A> xs, Backprop<A> input) {
    return backpropN(f, xs, input).gradient();
  }

  /**
   * The op that a {@code BVar} function is (backprop 0.0.x's {@code bpOp}): running it runs
   * {@code f} on a tape of its own, and its gradient is the backward pass through that tape. A
   * library can get an op's gradient by writing its forward pass with {@code BVar}s, then use
   * the op where ops go ({@code Op.compose}, {@code OpMath}, {@code liftOp}).
   *
   * <pre>{@code
   * var d = NumericVars.DOUBLE;
   * Op<T1<Double>, Double> xSinX = BVars.bpOp1(x -> d.mul(x, d.sin(x)), Backprop.DOUBLE);
   * }</pre>
   *
   * @param f the function
   * @param input its argument's algebra
   */
  public static <A, B> Op<T1<A>, B> bpOp1(Function<? super BVar<A>, ? extends BVar<B>> f,
      Backprop<A> input) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(input, "input");
    return Op.op1(x -> backpropWith(f, x, input));
  }

  /** {@link #bpOp1} for a function of two arguments. */
  public static <A, B, C> Op<T2<A, B>, C> bpOp2(
      BiFunction<? super BVar<A>, ? super BVar<B>, ? extends BVar<C>> f, Backprop<A> xAlgebra,
      Backprop<B> yAlgebra) {
    Objects.requireNonNull(f, "f");
    return Op.op2((x, y) -> backpropWith2(f, x, y, xAlgebra, yAlgebra));
  }

  /** {@link #bpOp1} for a function of three arguments. */
  public static <A, B, C, D> Op<T3<A, B, C>, D> bpOp3(
      Function3<? super BVar<A>, ? super BVar<B>, ? super BVar<C>, ? extends BVar<D>> f,
      Backprop<A> xAlgebra, Backprop<B> yAlgebra, Backprop<C> zAlgebra) {
    Objects.requireNonNull(f, "f");
    return Op.op3((x, y, z) -> backpropWith3(f, x, y, z, xAlgebra, yAlgebra, zAlgebra));
  }

  /** {@link #bpOp1} for a function of any number of arguments of one type. */
  public static <A, B> Op<TN<A>, B> bpOpN(
      Function<? super List<BVar<A>>, ? extends BVar<B>> f, Backprop<A> input) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(input, "input");
    return xs -> {
      OpResult<List<A>, B> r = backpropWithN(f, xs.values(), input);
      return OpResult.of(r.value(), g -> new TN<>(r.gradient(g)));
    };
  }

  /** Runs the user's function, then stops the tape and checks what it returned. */
  private static <B> BVar<B> finish(String name, Tape tape,
      java.util.function.Supplier<? extends BVar<B>> body) {
    BVar<B> out;
    try {
      out = body.get();
    } finally {
      tape.stopRecording();
    }
    if (out == null) {
      throw new NullPointerException("[backprop.result.null] " + name
          + ": the differentiated function returned null instead of a BVar");
    }
    if (out.tape() != null && out.tape() != tape) {
      throw new IllegalArgumentException("[backprop.tape.mixed] " + name + ": the function"
          + " returned a BVar of another backprop run; return a variable computed from the"
          + " arguments this run passed to it");
    }
    return out;
  }

  /** The backward pass from {@code out} seeded with {@code seed} (its one when null). */
  private static <B> Sweep sweep(Tape tape, BVar<B> out, B seed) {
    if (out.isConstant()) {
      return null;
    }
    B start = seed != null ? seed : out.algebra().one(out.value());
    return tape.backward(out.index(), start);
  }

  /** An input's gradient from a sweep, or its zero when no gradient reached it. */
  private static <A> A gradientOf(Sweep sweep, BVar<A> input) {
    Object g = sweep == null ? null : sweep.gradient(input.index());
    return g == null ? input.algebra().zero(input.value()) : BVarLifting.<A>cast(g);
  }
}
