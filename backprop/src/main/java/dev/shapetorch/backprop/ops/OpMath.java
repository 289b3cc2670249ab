package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Lens;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.Tup;
import dev.shapetorch.tensor.Tensor;
import java.util.Objects;

/**
 * Ops as numbers: arithmetic on {@link Op}s over the same inputs, whose gradients combine the
 * operands' (Haskell's {@code Num}, {@code Fractional} and {@code Floating} instances of {@code
 * Op as a}).
 *
 * <p>{@code add(f, g)} is the op {@code xs -> f(xs) + g(xs)}: it runs both ops on the inputs
 * and feeds their results to {@code ops.add()} ({@link Op#composeOp}), so its gradient is the
 * sum of {@code f}'s and {@code g}'s. {@code mul(f, g)} obeys the product rule, {@code sin(f)}
 * the chain rule, and so on for every op of {@link FloatingOps}. Java has no type classes, so
 * an {@code OpMath} holds what Haskell's instances find by type: the inputs' gradient algebra
 * (to add the contributions of both operands) and the result type's ops.
 *
 * <pre>{@code
 * var m = OpMath.of(Backprop.t2(Backprop.DOUBLE, Backprop.DOUBLE), NumericOps.DOUBLE);
 * Op<T2<Double, Double>, Double> x = m.input(T2.lensFirst());
 * Op<T2<Double, Double>, Double> y = m.input(T2.lensSecond());
 * Op<T2<Double, Double>, Double> f = m.add(m.mul(x, y), m.sin(x));    // x y + sin x
 * f.gradOp(T2.of(0.0, 2.0), Backprop.DOUBLE);  // T2[first=3.0, second=0.0]: (y + cos x, x)
 * }</pre>
 *
 * <p>Instances: {@link #of} with {@link NumericOps#DOUBLE} or {@link NumericOps#FLOAT}, or
 * {@link #tensors} for {@link TensorFloatingOps}.
 *
 * <p>Shape: for tensors, the results of the binary operations broadcast like {@code Torch.add},
 * and {@link #constant(double)} is a 0-dimensional tensor that broadcasts against any other.
 *
 * @param <As> the inputs shared by every op
 * @param <T> the result type
 */
public final class OpMath<As extends Tup, T> {
  private final Backprop<As> inputs;
  private final FloatingOps<T> ops;

  private OpMath(Backprop<As> inputs, FloatingOps<T> ops) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    this.ops = Objects.requireNonNull(ops, "ops");
  }

  /**
   * Arithmetic on ops over the inputs {@code As} with results in {@code T}.
   *
   * @param inputs the inputs' gradient algebra (it adds the operands' gradient contributions)
   * @param ops the result type's ops
   */
  public static <As extends Tup, T> OpMath<As, T> of(Backprop<As> inputs, FloatingOps<T> ops) {
    return new OpMath<>(inputs, ops);
  }

  /**
   * Arithmetic on ops over the inputs {@code As} with tensor results ({@link
   * TensorFloatingOps}).
   *
   * @param inputs the inputs' gradient algebra
   */
  public static <As extends Tup> OpMath<As, Tensor> tensors(Backprop<As> inputs) {
    return new OpMath<>(inputs, TensorFloatingOps.INSTANCE);
  }

  /** The inputs' gradient algebra. */
  public Backprop<As> inputs() {
    return inputs;
  }

  /** The result type's ops. */
  public FloatingOps<T> ops() {
    return ops;
  }

  /**
   * One of the inputs, as an op: the part of the input tuple that {@code lens} focuses on (for
   * example {@code T2.lensFirst()}), with the gradient flowing back into that part of a zero
   * input tuple (as {@link Op#opLens}, but over the tuple itself).
   *
   * @param lens the lens onto an input of type {@code T}
   */
  public Op<As, T> input(Lens<As, T> lens) {
    Objects.requireNonNull(lens, "lens");
    return xs -> OpResult.of(lens.get(xs), d -> lens.set(inputs.zero(xs), d));
  }

  /**
   * The constant {@code value} (Haskell's {@code fromInteger}/{@code fromRational}): ignores the
   * inputs, zero gradient ({@link Op#opConst}).
   *
   * @param value the value, converted by {@link FloatingOps#fromDouble}
   */
  public Op<As, T> constant(double value) {
    return Op.opConst(inputs, ops.fromDouble(value));
  }

  /**
   * The constant {@code value}: ignores the inputs, zero gradient ({@link Op#opConst}).
   *
   * @param value the value
   */
  public Op<As, T> constant(T value) {
    return Op.opConst(inputs, value);
  }

  /** The constant pi (Haskell's {@code pi}). */
  public Op<As, T> pi() {
    return constant(Math.PI);
  }

  /** {@code f + g}; gradient {@code f' + g'}. */
  public Op<As, T> add(Op<As, T> f, Op<As, T> g) {
    return binary(f, g, ops.add());
  }

  /** {@code f - g}; gradient {@code f' - g'}. */
  public Op<As, T> sub(Op<As, T> f, Op<As, T> g) {
    return binary(f, g, ops.sub());
  }

  /** {@code f * g}; gradient {@code f' g + f g'} (the product rule). */
  public Op<As, T> mul(Op<As, T> f, Op<As, T> g) {
    return binary(f, g, ops.mul());
  }

  /** {@code f / g}; gradient {@code (f' g - f g') / g^2} (the quotient rule). */
  public Op<As, T> div(Op<As, T> f, Op<As, T> g) {
    return binary(f, g, ops.div());
  }

  /** {@code f^g} (Haskell's {@code **}); gradient {@code f^g (g' log f + g f' / f)}. */
  public Op<As, T> pow(Op<As, T> f, Op<As, T> g) {
    return binary(f, g, ops.pow());
  }

  /** {@code log f / log b}, base first; see {@link FloatingOps#logBase()}. */
  public Op<As, T> logBase(Op<As, T> b, Op<As, T> f) {
    return binary(b, f, ops.logBase());
  }

  /** {@code -f}; gradient {@code -f'}. */
  public Op<As, T> negate(Op<As, T> f) {
    return unary(f, ops.negate());
  }

  /** {@code |f|}; gradient {@code signum(f) f'}. */
  public Op<As, T> abs(Op<As, T> f) {
    return unary(f, ops.abs());
  }

  /** {@code signum(f)}; gradient 0. */
  public Op<As, T> signum(Op<As, T> f) {
    return unary(f, ops.signum());
  }

  /** {@code 1 / f}; gradient {@code -f' / f^2}. */
  public Op<As, T> recip(Op<As, T> f) {
    return unary(f, ops.recip());
  }

  /** {@code e^f}; gradient {@code e^f f'}. */
  public Op<As, T> exp(Op<As, T> f) {
    return unary(f, ops.exp());
  }

  /** {@code log f}; gradient {@code f' / f}. */
  public Op<As, T> log(Op<As, T> f) {
    return unary(f, ops.log());
  }

  /** {@code sqrt f}; gradient {@code f' / (2 sqrt f)}. */
  public Op<As, T> sqrt(Op<As, T> f) {
    return unary(f, ops.sqrt());
  }

  /** {@code sin f}; gradient {@code cos(f) f'}. */
  public Op<As, T> sin(Op<As, T> f) {
    return unary(f, ops.sin());
  }

  /** {@code cos f}; gradient {@code -sin(f) f'}. */
  public Op<As, T> cos(Op<As, T> f) {
    return unary(f, ops.cos());
  }

  /** {@code tan f}; gradient {@code f' / cos^2 f}. */
  public Op<As, T> tan(Op<As, T> f) {
    return unary(f, ops.tan());
  }

  /** {@code asin f}; gradient {@code f' / sqrt(1 - f^2)}. */
  public Op<As, T> asin(Op<As, T> f) {
    return unary(f, ops.asin());
  }

  /** {@code acos f}; gradient {@code -f' / sqrt(1 - f^2)}. */
  public Op<As, T> acos(Op<As, T> f) {
    return unary(f, ops.acos());
  }

  /** {@code atan f}; gradient {@code f' / (f^2 + 1)}. */
  public Op<As, T> atan(Op<As, T> f) {
    return unary(f, ops.atan());
  }

  /** {@code sinh f}; gradient {@code cosh(f) f'}. */
  public Op<As, T> sinh(Op<As, T> f) {
    return unary(f, ops.sinh());
  }

  /** {@code cosh f}; gradient {@code sinh(f) f'}. */
  public Op<As, T> cosh(Op<As, T> f) {
    return unary(f, ops.cosh());
  }

  /** {@code tanh f}; gradient {@code (1 - tanh^2 f) f'}. */
  public Op<As, T> tanh(Op<As, T> f) {
    return unary(f, ops.tanh());
  }

  /** {@code asinh f}; gradient {@code f' / sqrt(f^2 + 1)}. */
  public Op<As, T> asinh(Op<As, T> f) {
    return unary(f, ops.asinh());
  }

  /** {@code acosh f}; gradient {@code f' / sqrt(f^2 - 1)}. */
  public Op<As, T> acosh(Op<As, T> f) {
    return unary(f, ops.acosh());
  }

  /** {@code atanh f}; gradient {@code f' / (1 - f^2)}. */
  public Op<As, T> atanh(Op<As, T> f) {
    return unary(f, ops.atanh());
  }

  private Op<As, T> binary(Op<As, T> f, Op<As, T> g, Op<T2<T, T>, T> op) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(g, "g");
    return Op.composeOp(inputs, f, g, op);
  }

  private static <As extends Tup, T> Op<As, T> unary(Op<As, T> f, Op<T1<T>, T> op) {
    return Op.composeOp1(Objects.requireNonNull(f, "f"), op);
  }

  @Override
  public String toString() {
    return "OpMath[" + inputs + ", " + ops + "]";
  }
}
