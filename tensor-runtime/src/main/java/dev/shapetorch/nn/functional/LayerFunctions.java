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

  /**
   * Zeroes whole channels of {@code [N, C, L]} or unbatched {@code [C, L]} (each with probability
   * {@code p}) and scales the others by {@code 1/(1-p)} when {@code training}; the identity
   * otherwise, as {@code F.dropout1d}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, L]}, {@code [C, L] -> [C, L]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the rank is not 2
   *     or 3
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor dropout1d(
      @Shape({"*s"}) Tensor input, double p, boolean training) {
    return channels("F.dropout1d", input, p, training, 3, "[N, C, L] or [C, L]");
  }

  /**
   * Zeroes whole channels of {@code [N, C, H, W]} or unbatched {@code [C, H, W]} (each with
   * probability {@code p}) and scales the others by {@code 1/(1-p)} when {@code training}; the
   * identity otherwise, as {@code F.dropout2d}. A 3-dim input is one unbatched image (PyTorch
   * 1.13 warns and drops along its dim 1 instead; its later versions do as here).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}, {@code [C, H, W] -> [C, H, W]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the rank is not 3
   *     or 4
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor dropout2d(
      @Shape({"*s"}) Tensor input, double p, boolean training) {
    return channels("F.dropout2d", input, p, training, 4, "[N, C, H, W] or [C, H, W]");
  }

  /**
   * Zeroes whole channels of {@code [N, C, D, H, W]} or unbatched {@code [C, D, H, W]} (each with
   * probability {@code p}) and scales the others by {@code 1/(1-p)} when {@code training}; the
   * identity otherwise, as {@code F.dropout3d}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D, H, W]}, {@code [C, D, H, W] -> [C, D, H, W]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the rank is not 4
   *     or 5
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor dropout3d(
      @Shape({"*s"}) Tensor input, double p, boolean training) {
    return channels("F.dropout3d", input, p, training, 5, "[N, C, D, H, W] or [C, D, H, W]");
  }

  /**
   * Alpha dropout (for SELU networks: dropped elements take SELU's negative saturation value and
   * an affine map keeps zero mean and unit variance) when {@code training}; the identity
   * otherwise, as {@code F.alpha_dropout}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor alphaDropout(
      @Shape({"*s"}) Tensor input, double p, boolean training) {
    return Torch.alphaDropout(input, p, training);
  }

  /**
   * Alpha dropout of whole channels of {@code [N, C, *]} (see {@link #alphaDropout}) when {@code
   * training}; the identity otherwise, as {@code F.feature_alpha_dropout}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the rank is below 2
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*s"}) Tensor featureAlphaDropout(
      @Shape({"*s"}) Tensor input, double p, boolean training) {
    return Torch.featureAlphaDropout(input, p, training);
  }

  /** Channel dropout of a batched ({@code rank}) or unbatched ({@code rank - 1}) input. */
  private static Tensor channels(String op, Tensor input, double p, boolean training, int rank,
      String shapes) {
    Arguments.requireNonNull(input, "input");
    if (!(p >= 0.0 && p <= 1.0)) {
      throw Arguments.invalid(op, "p must be in [0, 1], got " + p);
    }
    int r = input.dim();
    if (r != rank && r != rank - 1) {
      throw Arguments.invalid(op, "input is " + input.shapeOf() + " (rank " + r + "); it must be "
          + shapes + " (channels along the dim before the last " + (rank - 2) + ")");
    }
    if (r == rank) {
      return Torch.featureDropout(input, p, training);
    }
    return Torch.featureDropout(input.unsqueeze(0), p, training).squeeze(0);
  }
}
