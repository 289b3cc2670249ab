package dev.shapetorch.backprop.ops;

import static dev.shapetorch.backprop.ops.Broadcast.sumTo;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Matrix products with their gradients: {@code matmul} (with PyTorch's 1-D and batched cases)
 * and {@code linear}. Reach them through {@link TensorOps}.
 *
 * <p>Shape: {@code matmul} as {@code Torch.matmul}; {@code linear} takes an input {@code [*,
 * in]}, a weight {@code [out, in]} and a bias {@code [out]}, and returns {@code [*, out]}. Every
 * gradient has its input's shape.
 */
public class TensorLinalgOps extends TensorPointwiseOps {
  private static final Op<T2<Tensor, Tensor>, Tensor> MATMUL =
      Op.op2((a, b) -> OpResult.of(a.matmul(b), g -> matmulBackward(a, b, g)));
  private static final Op<T3<Tensor, Tensor, Tensor>, Tensor> LINEAR =
      Op.op3((x, w, b) -> OpResult.of(Torch.linear(x, w, b), g -> {
        T2<Tensor, Tensor> dxw = linearBackward(x, w, g);
        return T3.of(dxw.first(), dxw.second(), g.reshape(-1, w.size(0)).sum(0));
      }));
  private static final Op<T2<Tensor, Tensor>, Tensor> LINEAR_NO_BIAS =
      Op.op2((x, w) -> OpResult.of(Torch.linear(x, w, null), g -> linearBackward(x, w, g)));

  TensorLinalgOps() {}

  /**
   * {@code a.matmul(b)}: the matrix product with PyTorch's rules (a 1-D operand is a row or
   * column vector that is removed from the result; leading dimensions are batch dimensions and
   * broadcast). Gradient {@code (g b^T, a^T g)}, with vectors and broadcast batch dimensions
   * reduced back to each input's shape.
   */
  public static Op<T2<Tensor, Tensor>, Tensor> matmul() {
    return MATMUL;
  }

  /**
   * {@code x w^T + b}, as {@code F.linear}; gradient {@code (g w, g^T x, sum of g over all but
   * the last dimension)}, with {@code x}'s leading dimensions flattened for the weight's.
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> linear() {
    return LINEAR;
  }

  /** {@code x w^T}, as {@code F.linear} without bias; gradient {@code (g w, g^T x)}. */
  public static Op<T2<Tensor, Tensor>, Tensor> linearNoBias() {
    return LINEAR_NO_BIAS;
  }

  /**
   * {@code x w^T + b} for a constant input {@code x} (data): an op of the weight and bias only,
   * whose gradient skips {@code g w}, the input's gradient nobody needs. {@link TensorVars#linear}
   * picks it when the input is a constant.
   *
   * @param x the input {@code [*, in]}
   */
  public static Op<T2<Tensor, Tensor>, Tensor> linearOfConstant(Tensor x) {
    return Op.op2((w, b) -> OpResult.of(Torch.linear(x, w, b), g -> {
      Tensor flat = g.reshape(-1, w.size(0));
      return T2.of(weightGradient(x, w, flat), flat.sum(0));
    }));
  }

  /** {@code x w^T} for a constant input {@code x}; see {@link #linearOfConstant(Tensor)}. */
  public static Op<T1<Tensor>, Tensor> linearNoBiasOfConstant(Tensor x) {
    return Op.op1(w -> OpResult.of(Torch.linear(x, w, null),
        g -> weightGradient(x, w, g.reshape(-1, w.size(0)))));
  }

  private static T2<Tensor, Tensor> matmulBackward(Tensor a, Tensor b, Tensor g) {
    boolean vectorA = a.dim() == 1;
    boolean vectorB = b.dim() == 1;
    Tensor a2 = vectorA ? a.unsqueeze(0) : a;
    Tensor b2 = vectorB ? b.unsqueeze(1) : b;
    Tensor g2 = vectorA ? g.unsqueeze(g.dim() == 0 ? 0 : g.dim() - (vectorB ? 0 : 1)) : g;
    g2 = vectorB ? g2.unsqueeze(g2.dim()) : g2;
    Tensor da = sumTo(g2.matmul(b2.transpose(-1, -2)), a2.shape());
    Tensor db = sumTo(a2.transpose(-1, -2).matmul(g2), b2.shape());
    return T2.of(vectorA ? da.reshape(a.shape()) : da, vectorB ? db.reshape(b.shape()) : db);
  }

  private static T2<Tensor, Tensor> linearBackward(Tensor x, Tensor w, Tensor g) {
    return T2.of(g.matmul(w), weightGradient(x, w, g.reshape(-1, w.size(0))));
  }

  /** {@code g^T x} with the batch dimensions of both flattened: the weight's gradient. */
  private static Tensor weightGradient(Tensor x, Tensor w, Tensor flatG) {
    return flatG.t().matmul(x.reshape(-1, w.size(1)));
  }
}
