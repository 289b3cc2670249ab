package dev.shapetorch.backprop.ops;

import static dev.shapetorch.backprop.ops.Broadcast.sumTo;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.tensor.Tensor;

/**
 * Elementwise tensor ops with their gradients: arithmetic with broadcasting and the common
 * activations. Reach them through {@link TensorOps}.
 *
 * <p>Shape: the binary ops broadcast like {@code Torch.add} and the gradient of each input is
 * summed back over the dimensions broadcasting added or stretched, so it has that input's shape;
 * the unary ops keep the shape.
 */
public class TensorPointwiseOps {
  private static final Op<T2<Tensor, Tensor>, Tensor> ADD = Op.op2((a, b) -> OpResult.of(
      a.add(b), g -> T2.of(sumTo(g, a.shape()), sumTo(g, b.shape()))));
  private static final Op<T2<Tensor, Tensor>, Tensor> SUB = Op.op2((a, b) -> OpResult.of(
      a.sub(b), g -> T2.of(sumTo(g, a.shape()), sumTo(g.neg(), b.shape()))));
  private static final Op<T2<Tensor, Tensor>, Tensor> MUL = Op.op2((a, b) -> OpResult.of(
      a.mul(b), g -> T2.of(sumTo(g.mul(b), a.shape()), sumTo(g.mul(a), b.shape()))));
  private static final Op<T2<Tensor, Tensor>, Tensor> DIV = Op.op2((a, b) -> {
    Tensor q = a.div(b);
    return OpResult.of(q, g -> {
      Tensor ga = g.div(b);
      return T2.of(sumTo(ga, a.shape()), sumTo(ga.mul(q).neg(), b.shape()));
    });
  });
  private static final Op<T1<Tensor>, Tensor> NEG =
      Op.op1(x -> OpResult.of(x.neg(), Tensor::neg));
  private static final Op<T1<Tensor>, Tensor> EXP = Op.op1(x -> {
    Tensor y = x.exp();
    return OpResult.of(y, g -> g.mul(y));
  });
  private static final Op<T1<Tensor>, Tensor> LOG =
      Op.op1(x -> OpResult.of(x.log(), g -> g.div(x)));
  private static final Op<T1<Tensor>, Tensor> TANH = Op.op1(x -> {
    Tensor y = x.tanh();
    return OpResult.of(y, g -> g.mul(y.mul(y).neg().add(1.0)));
  });
  private static final Op<T1<Tensor>, Tensor> SIGMOID = Op.op1(x -> {
    Tensor y = x.sigmoid();
    return OpResult.of(y, g -> g.mul(y.mul(y.neg().add(1.0))));
  });
  private static final Op<T1<Tensor>, Tensor> RELU =
      Op.op1(x -> OpResult.of(x.relu(), g -> g.maskedFill(x.le(0.0), 0.0)));

  TensorPointwiseOps() {}

  /** {@code a + b} with broadcasting; gradient {@code (g, g)}, each summed to its input's shape. */
  public static Op<T2<Tensor, Tensor>, Tensor> add() {
    return ADD;
  }

  /** {@code a - b} with broadcasting; gradient {@code (g, -g)}, summed to the inputs' shapes. */
  public static Op<T2<Tensor, Tensor>, Tensor> sub() {
    return SUB;
  }

  /** {@code a * b} with broadcasting; gradient {@code (g b, g a)}, summed to the inputs' shapes. */
  public static Op<T2<Tensor, Tensor>, Tensor> mul() {
    return MUL;
  }

  /**
   * {@code a / b} with broadcasting; gradient {@code (g / b, -g a / b^2)}, summed to the inputs'
   * shapes.
   */
  public static Op<T2<Tensor, Tensor>, Tensor> div() {
    return DIV;
  }

  /** {@code -x}; gradient {@code -g}. */
  public static Op<T1<Tensor>, Tensor> neg() {
    return NEG;
  }

  /** {@code e^x}; gradient {@code g e^x}. */
  public static Op<T1<Tensor>, Tensor> exp() {
    return EXP;
  }

  /** Natural logarithm; gradient {@code g / x}. */
  public static Op<T1<Tensor>, Tensor> log() {
    return LOG;
  }

  /** Hyperbolic tangent; gradient {@code g (1 - tanh^2 x)}. */
  public static Op<T1<Tensor>, Tensor> tanh() {
    return TANH;
  }

  /** Logistic sigmoid; gradient {@code g s (1 - s)} with {@code s = sigmoid x}. */
  public static Op<T1<Tensor>, Tensor> sigmoid() {
    return SIGMOID;
  }

  /** {@code max(x, 0)}; gradient {@code g} where {@code x > 0}, else 0 (also at 0, as PyTorch). */
  public static Op<T1<Tensor>, Tensor> relu() {
    return RELU;
  }
}
