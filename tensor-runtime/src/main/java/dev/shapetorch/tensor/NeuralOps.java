package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
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
   * dim)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  static Tensor softmax(Tensor x, int dim) {
    return Natives.withLong("Torch.softmax", x, "x", dim, torch::softmax);
  }

  /**
   * {@code log(softmax(x))} along {@code dim}, computed stably, as {@code
   * torch.log_softmax(x, dim)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  static Tensor logSoftmax(Tensor x, int dim) {
    return Natives.withLong("Torch.logSoftmax", x, "x", dim, torch::log_softmax);
  }

}
