package dev.shapetorch.samples.backprop;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The classifier as functions of {@link BVar}s, the way a Haskell backprop model is written:
 * {@code logits} reaches into the parameters' record with the generated lenses ({@code ^^.},
 * here {@link BVar#view}) and applies the hand-written ops of {@link DenseOps}; {@code loss}
 * adds the library's cross-entropy. Nothing here touches libtorch's autograd: {@code
 * BVars.backprop(p -> loss(p, x, y), params, MlpParamsBackprop.INSTANCE)} runs the function on
 * backprop's own tape and returns the loss with an {@link MlpParams} of gradients.
 *
 * <p>Shape: {@code [B, 784] -> [B, 10]}.
 */
public final class BackpropMlp {

  private static final TensorBackprop T = TensorBackprop.INSTANCE;

  private BackpropMlp() {}

  /**
   * Class scores: {@code dense(leakyRelu(dense(x, hidden)), output)}.
   *
   * <p>Shape: {@code [B, 784] -> [B, 10]}.
   */
  public static @Shape({"B", "10"}) BVar<Tensor> logits(BVar<MlpParams> params,
      @Shape({"B", "784"}) BVar<Tensor> x) {
    BVar<Dense> hidden = params.view(MlpParamsBackprop.hidden(), DenseBackprop.INSTANCE);
    BVar<Dense> output = params.view(MlpParamsBackprop.output(), DenseBackprop.INSTANCE);
    @Shape({"H", "784"}) BVar<Tensor> w1 = hidden.view(DenseBackprop.weight(), T);
    @Shape({"H"}) BVar<Tensor> b1 = hidden.view(DenseBackprop.bias(), T);
    @Shape({"10", "H"}) BVar<Tensor> w2 = output.view(DenseBackprop.weight(), T);
    @Shape({"10"}) BVar<Tensor> b2 = output.view(DenseBackprop.bias(), T);
    @Shape({"B", "H"}) BVar<Tensor> h = DenseOps.leakyRelu(DenseOps.dense(x, w1, b1));
    return DenseOps.dense(h, w2, b2);
  }

  /**
   * The mean cross-entropy of the scores of {@code images} against {@code labels}.
   *
   * <p>Shape: {@code images [B, 784]}, {@code labels [B] -> []}.
   */
  public static @Shape({}) BVar<Tensor> loss(BVar<MlpParams> params,
      @Shape({"B", "784"}) Tensor images, @Shape({"B"}) Tensor labels) {
    @Shape({"B", "10"}) BVar<Tensor> scores = logits(params, TensorVars.constant(images));
    return TensorVars.crossEntropy(scores, labels);
  }
}
