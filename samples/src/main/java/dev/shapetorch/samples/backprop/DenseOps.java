package dev.shapetorch.samples.backprop;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The sample's two primitive ops, written by hand as typed {@link Op}s (Haskell's {@code Op
 * '[x, w, b] y}): each computes its result and returns it with the continuation from the
 * result's gradient to its inputs' gradients. {@link #dense} and {@link #leakyRelu} lift them to
 * {@link BVar}s with {@link BVars#liftOp3} and {@link BVars#liftOp1}, the functions a model is
 * written with. The module's {@code TensorVars.linear} and {@code TensorVars.relu} would do the
 * same; writing them here shows what a library of differentiable functions is made of.
 */
public final class DenseOps {

  /** The slope of {@link #leakyRelu} below 0. */
  public static final double SLOPE = 0.01;

  /**
   * {@code x weight^T + bias}: an op of three tensors. With {@code g} the result's gradient
   * ({@code [B, Out]}), the inputs' gradients are {@code g weight} ({@code [B, In]}), {@code g^T
   * x} ({@code [Out, In]}) and {@code g} summed over the batch ({@code [Out]}).
   *
   * <p>Shape: {@code x [B, In]}, {@code weight [Out, In]}, {@code bias [Out] -> [B, Out]}.
   */
  public static final Op<T3<Tensor, Tensor, Tensor>, Tensor> DENSE =
      Op.op3((x, weight, bias) -> OpResult.of(x.matmul(weight.t()).add(bias),
          g -> T3.of(g.matmul(weight), g.t().matmul(x), g.sum(0))));

  /**
   * Leaky ReLU, {@code x} where {@code x > 0} and {@code SLOPE x} elsewhere; the gradient passes
   * {@code g} where {@code x > 0} and {@code SLOPE g} elsewhere.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static final Op<T1<Tensor>, Tensor> LEAKY_RELU =
      Op.op1(x -> {
        Tensor positive = x.gt(0.0);
        return OpResult.of(x.leakyRelu(SLOPE),
            g -> Torch.where(positive, g, g.mul(SLOPE)));
      });

  private DenseOps() {}

  /**
   * {@link #DENSE} on variables: a dense layer's output.
   *
   * <p>Shape: {@code x [B, In]}, {@code weight [Out, In]}, {@code bias [Out] -> [B, Out]}.
   */
  public static @Shape({"B", "Out"}) BVar<Tensor> dense(@Shape({"B", "In"}) BVar<Tensor> x,
      @Shape({"Out", "In"}) BVar<Tensor> weight, @Shape({"Out"}) BVar<Tensor> bias) {
    return BVars.liftOp3(DENSE, x, weight, bias, TensorBackprop.INSTANCE);
  }

  /**
   * {@link #LEAKY_RELU} on a variable.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) BVar<Tensor> leakyRelu(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(LEAKY_RELU, x, TensorBackprop.INSTANCE);
  }
}
