package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import java.util.Objects;

/**
 * The numeric {@link Op}s with their gradients, written once over a {@link Floating} type:
 * {@link #DOUBLE} for {@code Double}, {@link #FLOAT} for {@code Float}. As a {@link FloatingOps},
 * {@link OpMath} builds arithmetic on ops from them.
 *
 * <pre>{@code
 * NumericOps.DOUBLE.mul().gradOp(T2.of(3.0, 5.0), Backprop.DOUBLE);  // T2[5.0, 3.0]
 * NumericOps.FLOAT.sin().evalOp(T1.of(0f));                          // 0.0f
 * }</pre>
 *
 * <p>In each gradient below, {@code g} is the result's gradient. Ops outside a function's domain
 * ({@code log} of a negative number) give NaN like {@link Math}, and so do their gradients.
 *
 * @param <T> the number type
 */
public final class NumericOps<T> implements FloatingOps<T> {
  /** The ops on doubles. */
  public static final NumericOps<Double> DOUBLE = new NumericOps<>(Floating.DOUBLE);

  /** The ops on floats. */
  public static final NumericOps<Float> FLOAT = new NumericOps<>(Floating.FLOAT);

  private final Floating<T> f;
  private final Op<T2<T, T>, T> add;
  private final Op<T2<T, T>, T> sub;
  private final Op<T2<T, T>, T> mul;
  private final Op<T2<T, T>, T> div;
  private final Op<T2<T, T>, T> pow;
  private final Op<T2<T, T>, T> logBase;
  private final Op<T1<T>, T> negate;
  private final Op<T1<T>, T> abs;
  private final Op<T1<T>, T> signum;
  private final Op<T1<T>, T> recip;
  private final Op<T1<T>, T> exp;
  private final Op<T1<T>, T> log;
  private final Op<T1<T>, T> sqrt;
  private final Op<T1<T>, T> sin;
  private final Op<T1<T>, T> cos;
  private final Op<T1<T>, T> tan;
  private final Op<T1<T>, T> asin;
  private final Op<T1<T>, T> acos;
  private final Op<T1<T>, T> atan;
  private final Op<T1<T>, T> sinh;
  private final Op<T1<T>, T> cosh;
  private final Op<T1<T>, T> tanh;
  private final Op<T1<T>, T> asinh;
  private final Op<T1<T>, T> acosh;
  private final Op<T1<T>, T> atanh;

  /**
   * The ops over any {@link Floating} type.
   *
   * @param f the arithmetic
   */
  public NumericOps(Floating<T> f) {
    this.f = Objects.requireNonNull(f, "f");
    T one = f.fromDouble(1);
    T two = f.fromDouble(2);
    T zero = f.fromDouble(0);
    add = Op.op2((x, y) -> OpResult.of(f.add(x, y), g -> T2.of(g, g)));
    sub = Op.op2((x, y) -> OpResult.of(f.sub(x, y), g -> T2.of(g, f.negate(g))));
    mul = Op.op2((x, y) -> OpResult.of(f.mul(x, y), g -> T2.of(f.mul(y, g), f.mul(x, g))));
    div = Op.op2((x, y) -> OpResult.of(f.div(x, y),
        g -> T2.of(f.div(g, y), f.negate(f.div(f.mul(g, x), f.mul(y, y))))));
    pow = Op.op2((x, y) -> {
      T xy = f.pow(x, y);
      return OpResult.of(xy, g -> T2.of(f.mul(g, f.mul(y, f.pow(x, f.sub(y, one)))),
          f.mul(g, f.mul(xy, f.log(x)))));
    });
    logBase = Op.op2((b, x) -> {
      T r = f.logBase(b, x);
      return OpResult.of(r, g -> T2.of(f.negate(f.div(f.mul(g, r), f.mul(f.log(b), b))),
          f.div(g, f.mul(x, f.log(b)))));
    });
    negate = Op.op1(x -> OpResult.of(f.negate(x), f::negate));
    abs = Op.op1(x -> OpResult.of(f.abs(x), g -> f.mul(g, f.signum(x))));
    signum = Op.op1(x -> OpResult.of(f.signum(x), g -> zero));
    recip = Op.op1(x -> OpResult.of(f.recip(x), g -> f.negate(f.div(g, f.mul(x, x)))));
    exp = Op.op1(x -> {
      T e = f.exp(x);
      return OpResult.of(e, g -> f.mul(g, e));
    });
    log = Op.op1(x -> OpResult.of(f.log(x), g -> f.div(g, x)));
    sqrt = Op.op1(x -> {
      T s = f.sqrt(x);
      return OpResult.of(s, g -> f.div(g, f.mul(two, s)));
    });
    sin = Op.op1(x -> OpResult.of(f.sin(x), g -> f.mul(g, f.cos(x))));
    cos = Op.op1(x -> OpResult.of(f.cos(x), g -> f.negate(f.mul(g, f.sin(x)))));
    tan = Op.op1(x -> OpResult.of(f.tan(x), g -> {
      T c = f.cos(x);
      return f.div(g, f.mul(c, c));
    }));
    asin = Op.op1(x -> OpResult.of(f.asin(x),
        g -> f.div(g, f.sqrt(f.sub(one, f.mul(x, x))))));
    acos = Op.op1(x -> OpResult.of(f.acos(x),
        g -> f.negate(f.div(g, f.sqrt(f.sub(one, f.mul(x, x)))))));
    atan = Op.op1(x -> OpResult.of(f.atan(x), g -> f.div(g, f.add(f.mul(x, x), one))));
    sinh = Op.op1(x -> OpResult.of(f.sinh(x), g -> f.mul(g, f.cosh(x))));
    cosh = Op.op1(x -> OpResult.of(f.cosh(x), g -> f.mul(g, f.sinh(x))));
    tanh = Op.op1(x -> {
      T t = f.tanh(x);
      return OpResult.of(t, g -> f.mul(g, f.sub(one, f.mul(t, t))));
    });
    asinh = Op.op1(x -> OpResult.of(f.asinh(x),
        g -> f.div(g, f.sqrt(f.add(f.mul(x, x), one)))));
    acosh = Op.op1(x -> OpResult.of(f.acosh(x),
        g -> f.div(g, f.sqrt(f.sub(f.mul(x, x), one)))));
    atanh = Op.op1(x -> OpResult.of(f.atanh(x), g -> f.div(g, f.sub(one, f.mul(x, x)))));
  }

  /** The arithmetic these ops compute with. */
  public Floating<T> floating() {
    return f;
  }

  /** {@code floating().fromDouble(value)}. */
  @Override
  public T fromDouble(double value) {
    return f.fromDouble(value);
  }

  /** {@code x + y}; gradient {@code (g, g)}. */
  @Override
  public Op<T2<T, T>, T> add() {
    return add;
  }

  /** {@code x - y}; gradient {@code (g, -g)}. */
  @Override
  public Op<T2<T, T>, T> sub() {
    return sub;
  }

  /** {@code x * y}; gradient {@code (y g, x g)}. */
  @Override
  public Op<T2<T, T>, T> mul() {
    return mul;
  }

  /** {@code x / y}; gradient {@code (g / y, -g x / y^2)}. */
  @Override
  public Op<T2<T, T>, T> div() {
    return div;
  }

  /** {@code x^y}; gradient {@code (g y x^(y-1), g x^y log x)}. */
  @Override
  public Op<T2<T, T>, T> pow() {
    return pow;
  }

  /**
   * {@code logBase(b, x) = log x / log b} (base first, as Haskell's {@code logBase}); gradient
   * {@code (-g logBase(b, x) / (b log b), g / (x log b))}.
   */
  @Override
  public Op<T2<T, T>, T> logBase() {
    return logBase;
  }

  /** {@code -x}; gradient {@code -g}. */
  @Override
  public Op<T1<T>, T> negate() {
    return negate;
  }

  /** {@code |x|}; gradient {@code g signum(x)} (0 at 0). */
  @Override
  public Op<T1<T>, T> abs() {
    return abs;
  }

  /** {@code signum(x)}; gradient 0. */
  @Override
  public Op<T1<T>, T> signum() {
    return signum;
  }

  /** {@code 1 / x}; gradient {@code -g / x^2}. */
  @Override
  public Op<T1<T>, T> recip() {
    return recip;
  }

  /** {@code e^x}; gradient {@code g e^x}. */
  @Override
  public Op<T1<T>, T> exp() {
    return exp;
  }

  /** Natural logarithm; gradient {@code g / x}. */
  @Override
  public Op<T1<T>, T> log() {
    return log;
  }

  /** Square root; gradient {@code g / (2 sqrt x)}. */
  @Override
  public Op<T1<T>, T> sqrt() {
    return sqrt;
  }

  /** Sine; gradient {@code g cos x}. */
  @Override
  public Op<T1<T>, T> sin() {
    return sin;
  }

  /** Cosine; gradient {@code -g sin x}. */
  @Override
  public Op<T1<T>, T> cos() {
    return cos;
  }

  /** Tangent; gradient {@code g / cos^2 x}. */
  @Override
  public Op<T1<T>, T> tan() {
    return tan;
  }

  /** Arcsine; gradient {@code g / sqrt(1 - x^2)}. */
  @Override
  public Op<T1<T>, T> asin() {
    return asin;
  }

  /** Arccosine; gradient {@code -g / sqrt(1 - x^2)}. */
  @Override
  public Op<T1<T>, T> acos() {
    return acos;
  }

  /** Arctangent; gradient {@code g / (x^2 + 1)}. */
  @Override
  public Op<T1<T>, T> atan() {
    return atan;
  }

  /** Hyperbolic sine; gradient {@code g cosh x}. */
  @Override
  public Op<T1<T>, T> sinh() {
    return sinh;
  }

  /** Hyperbolic cosine; gradient {@code g sinh x}. */
  @Override
  public Op<T1<T>, T> cosh() {
    return cosh;
  }

  /** Hyperbolic tangent; gradient {@code g (1 - tanh^2 x)}. */
  @Override
  public Op<T1<T>, T> tanh() {
    return tanh;
  }

  /** Inverse hyperbolic sine; gradient {@code g / sqrt(x^2 + 1)}. */
  @Override
  public Op<T1<T>, T> asinh() {
    return asinh;
  }

  /** Inverse hyperbolic cosine; gradient {@code g / sqrt(x^2 - 1)}. */
  @Override
  public Op<T1<T>, T> acosh() {
    return acosh;
  }

  /** Inverse hyperbolic tangent; gradient {@code g / (1 - x^2)}. */
  @Override
  public Op<T1<T>, T> atanh() {
    return atanh;
  }

  @Override
  public String toString() {
    return "NumericOps[" + f + "]";
  }
}
