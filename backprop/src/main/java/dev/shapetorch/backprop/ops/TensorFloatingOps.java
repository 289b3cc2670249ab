package dev.shapetorch.backprop.ops;

import static dev.shapetorch.backprop.ops.Broadcast.sumTo;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The numeric ops on tensors, elementwise, with their gradients: the {@link FloatingOps} of
 * tensors, from which {@link OpMath} builds arithmetic on tensor ops. {@code add}, {@code sub},
 * {@code mul}, {@code div}, {@code negate} ({@code neg}), {@code exp}, {@code log} and {@code
 * tanh} are {@link TensorOps}' ops; the others are defined here, each calling the {@code Torch}
 * op of its name ({@code signum} is {@code Torch.sign}, {@code recip} {@code Torch.reciprocal}),
 * except the inverse hyperbolic functions, computed as {@code asinh x = sign(x) log(|x| +
 * sqrt(x^2 + 1))}, {@code acosh x = log(x + sqrt(x^2 - 1))}, {@code atanh x = log1p(2x / (1 -
 * x)) / 2}, and {@code logBase(b, x) = log x / log b}.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(0.0, 1.0);
 * TensorFloatingOps.INSTANCE.sin().gradOp(T1.of(x), TensorBackprop.INSTANCE);  // T1[cos x]
 * }</pre>
 *
 * <p>Shape: the unary ops keep their input's shape; the binary ones broadcast like {@code
 * Torch.add}, and the gradient of each input is summed back to that input's shape. {@link
 * #fromDouble} gives a 0-dimensional float64 tensor, which broadcasts against any tensor and
 * keeps a float32 tensor's dtype.
 */
public final class TensorFloatingOps implements FloatingOps<Tensor> {
  /** The one instance. */
  public static final TensorFloatingOps INSTANCE = new TensorFloatingOps();

  private static final Op<T2<Tensor, Tensor>, Tensor> POW = Op.op2((x, y) -> {
    Tensor xy = Torch.pow(x, y);
    return OpResult.of(xy, g -> T2.of(sumTo(g.mul(y).mul(Torch.pow(x, y.sub(1.0))), x.shape()),
        sumTo(g.mul(xy).mul(Torch.log(x)), y.shape())));
  });
  private static final Op<T2<Tensor, Tensor>, Tensor> LOG_BASE = Op.op2((b, x) -> {
    Tensor logB = Torch.log(b);
    Tensor r = Torch.log(x).div(logB);
    return OpResult.of(r, g -> T2.of(sumTo(g.mul(r).div(b.mul(logB)).neg(), b.shape()),
        sumTo(g.div(x.mul(logB)), x.shape())));
  });
  private static final Op<T1<Tensor>, Tensor> ABS =
      Op.op1(x -> OpResult.of(Torch.abs(x), g -> g.mul(Torch.sign(x))));
  private static final Op<T1<Tensor>, Tensor> SIGNUM =
      Op.op1(x -> OpResult.of(Torch.sign(x), g -> Torch.zerosLike(x)));
  private static final Op<T1<Tensor>, Tensor> RECIP = Op.op1(x -> {
    Tensor r = Torch.reciprocal(x);
    return OpResult.of(r, g -> g.mul(r).mul(r).neg());
  });
  private static final Op<T1<Tensor>, Tensor> SQRT = Op.op1(x -> {
    Tensor s = Torch.sqrt(x);
    return OpResult.of(s, g -> g.div(s.mul(2.0)));
  });
  private static final Op<T1<Tensor>, Tensor> SIN =
      Op.op1(x -> OpResult.of(Torch.sin(x), g -> g.mul(Torch.cos(x))));
  private static final Op<T1<Tensor>, Tensor> COS =
      Op.op1(x -> OpResult.of(Torch.cos(x), g -> g.mul(Torch.sin(x)).neg()));
  private static final Op<T1<Tensor>, Tensor> TAN = Op.op1(x -> OpResult.of(Torch.tan(x), g -> {
    Tensor c = Torch.cos(x);
    return g.div(c.mul(c));
  }));
  private static final Op<T1<Tensor>, Tensor> ASIN = Op.op1(x -> OpResult.of(Torch.asin(x),
      g -> g.div(Torch.sqrt(oneMinusSquare(x)))));
  private static final Op<T1<Tensor>, Tensor> ACOS = Op.op1(x -> OpResult.of(Torch.acos(x),
      g -> g.div(Torch.sqrt(oneMinusSquare(x))).neg()));
  private static final Op<T1<Tensor>, Tensor> ATAN = Op.op1(x -> OpResult.of(Torch.atan(x),
      g -> g.div(x.mul(x).add(1.0))));
  private static final Op<T1<Tensor>, Tensor> SINH =
      Op.op1(x -> OpResult.of(Torch.sinh(x), g -> g.mul(Torch.cosh(x))));
  private static final Op<T1<Tensor>, Tensor> COSH =
      Op.op1(x -> OpResult.of(Torch.cosh(x), g -> g.mul(Torch.sinh(x))));
  private static final Op<T1<Tensor>, Tensor> ASINH = Op.op1(x -> {
    Tensor root = Torch.sqrt(x.mul(x).add(1.0));
    return OpResult.of(Torch.sign(x).mul(Torch.log(Torch.abs(x).add(root))), g -> g.div(root));
  });
  private static final Op<T1<Tensor>, Tensor> ACOSH = Op.op1(x -> {
    Tensor root = Torch.sqrt(x.mul(x).sub(1.0));
    return OpResult.of(Torch.log(x.add(root)), g -> g.div(root));
  });
  private static final Op<T1<Tensor>, Tensor> ATANH = Op.op1(x -> OpResult.of(
      Torch.log1p(x.mul(2.0).div(x.neg().add(1.0))).mul(0.5),
      g -> g.div(oneMinusSquare(x))));

  private TensorFloatingOps() {}

  private static Tensor oneMinusSquare(Tensor x) {
    return x.mul(x).neg().add(1.0);
  }

  /** A 0-dimensional float64 tensor holding {@code value}. */
  @Override
  public Tensor fromDouble(double value) {
    return Torch.scalarTensor(value, DType.FLOAT64);
  }

  /** {@link TensorOps#add()}. */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> add() {
    return TensorOps.add();
  }

  /** {@link TensorOps#sub()}. */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> sub() {
    return TensorOps.sub();
  }

  /** {@link TensorOps#mul()}. */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> mul() {
    return TensorOps.mul();
  }

  /** {@link TensorOps#div()}. */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> div() {
    return TensorOps.div();
  }

  /**
   * {@code x^y} with broadcasting ({@code Torch.pow}); gradient {@code (g y x^(y-1), g x^y log
   * x)}, summed to the inputs' shapes.
   */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> pow() {
    return POW;
  }

  /**
   * {@code log x / log b}, base first, with broadcasting; gradient {@code (-g logBase(b, x) / (b
   * log b), g / (x log b))}, summed to the inputs' shapes.
   */
  @Override
  public Op<T2<Tensor, Tensor>, Tensor> logBase() {
    return LOG_BASE;
  }

  /** {@link TensorOps#neg()}. */
  @Override
  public Op<T1<Tensor>, Tensor> negate() {
    return TensorOps.neg();
  }

  /** {@code |x|}; gradient {@code g sign(x)} (0 at 0, as PyTorch). */
  @Override
  public Op<T1<Tensor>, Tensor> abs() {
    return ABS;
  }

  /** {@code sign(x)}; gradient 0. */
  @Override
  public Op<T1<Tensor>, Tensor> signum() {
    return SIGNUM;
  }

  /** {@code 1 / x}; gradient {@code -g / x^2}. */
  @Override
  public Op<T1<Tensor>, Tensor> recip() {
    return RECIP;
  }

  /** {@link TensorOps#exp()}. */
  @Override
  public Op<T1<Tensor>, Tensor> exp() {
    return TensorOps.exp();
  }

  /** {@link TensorOps#log()}. */
  @Override
  public Op<T1<Tensor>, Tensor> log() {
    return TensorOps.log();
  }

  /** Square root; gradient {@code g / (2 sqrt x)}. */
  @Override
  public Op<T1<Tensor>, Tensor> sqrt() {
    return SQRT;
  }

  /** Sine; gradient {@code g cos x}. */
  @Override
  public Op<T1<Tensor>, Tensor> sin() {
    return SIN;
  }

  /** Cosine; gradient {@code -g sin x}. */
  @Override
  public Op<T1<Tensor>, Tensor> cos() {
    return COS;
  }

  /** Tangent; gradient {@code g / cos^2 x}. */
  @Override
  public Op<T1<Tensor>, Tensor> tan() {
    return TAN;
  }

  /** Arcsine; gradient {@code g / sqrt(1 - x^2)}. */
  @Override
  public Op<T1<Tensor>, Tensor> asin() {
    return ASIN;
  }

  /** Arccosine; gradient {@code -g / sqrt(1 - x^2)}. */
  @Override
  public Op<T1<Tensor>, Tensor> acos() {
    return ACOS;
  }

  /** Arctangent; gradient {@code g / (x^2 + 1)}. */
  @Override
  public Op<T1<Tensor>, Tensor> atan() {
    return ATAN;
  }

  /** Hyperbolic sine; gradient {@code g cosh x}. */
  @Override
  public Op<T1<Tensor>, Tensor> sinh() {
    return SINH;
  }

  /** Hyperbolic cosine; gradient {@code g sinh x}. */
  @Override
  public Op<T1<Tensor>, Tensor> cosh() {
    return COSH;
  }

  /** {@link TensorOps#tanh()}. */
  @Override
  public Op<T1<Tensor>, Tensor> tanh() {
    return TensorOps.tanh();
  }

  /** Inverse hyperbolic sine; gradient {@code g / sqrt(x^2 + 1)}. */
  @Override
  public Op<T1<Tensor>, Tensor> asinh() {
    return ASINH;
  }

  /** Inverse hyperbolic cosine (for {@code x >= 1}); gradient {@code g / sqrt(x^2 - 1)}. */
  @Override
  public Op<T1<Tensor>, Tensor> acosh() {
    return ACOSH;
  }

  /** Inverse hyperbolic tangent (for {@code |x| < 1}); gradient {@code g / (1 - x^2)}. */
  @Override
  public Op<T1<Tensor>, Tensor> atanh() {
    return ATANH;
  }

  @Override
  public String toString() {
    return "TensorFloatingOps";
  }
}
