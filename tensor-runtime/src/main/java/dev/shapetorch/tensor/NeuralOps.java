package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * The ATen kernels that neural networks need, as PyTorch exposes them on {@code torch}: {@code
 * softmax} and {@code logSoftmax} here; the nn package adds convolution, pooling, normalisation,
 * dropout, embedding, recurrent cells and losses by inserting further families into the {@link
 * Torch} chain after this one. Call them as {@code Torch.softmax(x, -1)} or {@code
 * x.softmax(-1)}.
 *
 * <p>Shape: {@code softmax} and {@code logSoftmax} keep the shape; {@code dim} must be in range
 * ({@link Rule#ALONG_DIM}).
 */
final class NeuralOps {

  private NeuralOps() {}

  /**
   * {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably, as {@code torch.softmax(x,
   * dim)} and {@code F.softmax}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static Tensor softmax(Tensor input, int dim) {
    return Natives.withLong("Torch.softmax", input, "input", dim, torch::softmax);
  }

  /**
   * {@code log(softmax(x))} along {@code dim}, computed stably, as {@code
   * torch.log_softmax(x, dim)} and {@code F.log_softmax}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ALONG_DIM)
  static Tensor logSoftmax(Tensor input, int dim) {
    return Natives.withLong("Torch.logSoftmax", input, "input", dim, torch::log_softmax);
  }

}
