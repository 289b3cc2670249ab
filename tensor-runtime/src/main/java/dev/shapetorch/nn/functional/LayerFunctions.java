package dev.shapetorch.nn.functional;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The simple layers of {@link F} that are no {@code Torch} op under the same parameters: {@code
 * linear(input, weight)}, {@code embedding} (PyTorch's {@code padding_idx}), {@code
 * oneHot(indices)}, {@code dropout} (its flag is {@code training}). {@code F.linear(input,
 * weight, bias)}, {@code F.bilinear} and {@code F.oneHot(indices, numClasses)} are the
 * functional forms of {@code Torch}'s ops. Each calls a {@code Torch} op, which checks the
 * shapes.
 *
 * <p>Shape: see each function.
 */
final class LayerFunctions {

  private LayerFunctions() {}

  /**
   * {@code input W^T} without bias, as {@code F.linear(input, weight)}.
   *
   * <p>Shape: {@code [*batch, In] x [Out, In] -> [*batch, Out]} ({@link Rule#LINEAR}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.LINEAR, args = {"input", "weight", "null"})
  public static Tensor linear(Tensor input, Tensor weight) {
    return Torch.linear(input, weight, null);
  }

  /**
   * Rows of {@code weight} at integer {@code indices}, as {@code F.embedding(input, weight)}.
   *
   * <p>Shape: {@code [*batch] x [Num, Dim] -> [*batch, Dim]} ({@link Rule#EMBEDDING}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.EMBEDDING, args = {"weight", "indices"})
  public static Tensor embedding(Tensor indices, Tensor weight) {
    return Torch.embedding(indices, weight, -1);
  }

  /**
   * Rows of {@code weight} at integer {@code indices}; row {@code paddingIdx} gets no gradient,
   * as {@code F.embedding(input, weight, padding_idx)}: a negative {@code paddingIdx} counts
   * from the end, {@code -1} being row {@code Num - 1}, as in PyTorch (for no padding row, call
   * {@link #embedding(Tensor, Tensor)}).
   *
   * <p>Shape: {@code [*batch] x [Num, Dim] -> [*batch, Dim]} ({@link Rule#EMBEDDING}).
   *
   * @param paddingIdx in {@code [-Num, Num)}
   * @throws IllegalArgumentException if {@code paddingIdx} is out of that range
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.EMBEDDING, args = {"weight", "indices"})
  public static Tensor embedding(Tensor indices, Tensor weight, long paddingIdx) {
    long rows = Arguments.requireNonNull(weight, "weight").dim() > 0 ? weight.size(0) : 0;
    long row = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
    if (weight.dim() == 2 && (row < 0 || row >= rows)) {
      throw new IllegalArgumentException("F.embedding: paddingIdx " + paddingIdx
          + " is out of range for weight " + weight.shapeOf() + " with " + rows
          + " embeddings; it must be in [" + (-rows) + ", " + rows + ")");
    }
    return Torch.embedding(indices, weight, row);
  }

  /**
   * One-hot int64 vectors of length {@code max(indices) + 1}, as {@code F.one_hot(tensor)}.
   *
   * <p>Shape: {@code [*batch] -> [*batch, _]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*batch", "_"}) Tensor oneHot(@Shape({"*batch"}) Tensor indices) {
    return Torch.oneHot(indices, -1);
  }

  /**
   * Zeroes elements with probability {@code p} and scales the rest by {@code 1/(1-p)} when
   * {@code training}; the identity otherwise, as {@code F.dropout}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor dropout(@Shape({"*s"}) Tensor input, double p, boolean training) {
    return Torch.dropout(input, p, training);
  }

  /**
   * Dropout with {@code p = 0.5} in training mode, as {@code F.dropout(x)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor dropout(@Shape({"*s"}) Tensor input) {
    return Torch.dropout(input, 0.5, true);
  }
}
