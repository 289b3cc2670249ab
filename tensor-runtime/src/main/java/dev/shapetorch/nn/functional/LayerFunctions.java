package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Simple layers of {@link F}: {@code linear}, {@code bilinear}, {@code embedding}, {@code
 * oneHot}, {@code dropout}.
 *
 * <p>Shape: see each function.
 */
public abstract class LayerFunctions extends ActivationFunctions {

  LayerFunctions() {}

  /**
   * {@code input W^T + b}, as {@code F.linear}.
   *
   * <p>Shape: {@code [*batch, In] x [Out, In] (+ [Out]) -> [*batch, Out]} ({@link
   * Rule#LINEAR}).
   *
   * @param bias null for none
   */
  @ShapeRule(Rule.LINEAR)
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    try {
      return Torch.linear(input, weight, bias);
    } catch (ShapeException e) {
      throw Renamed.as("F.linear", e);
    }
  }

  /**
   * {@code input W^T} without bias, as {@code F.linear(input, weight)}.
   *
   * <p>Shape: {@code [*batch, In] x [Out, In] -> [*batch, Out]} ({@link Rule#LINEAR}).
   */
  @ShapeRule(value = Rule.LINEAR, args = {"input", "weight", "null"})
  public static Tensor linear(Tensor input, Tensor weight) {
    return linear(input, weight, null);
  }

  /**
   * {@code y[..., o] = x1 W[o] x2^T + b[o]}, as {@code F.bilinear}.
   *
   * <p>Shape: {@code [*batch, In1] x [*batch, In2] x [Out, In1, In2] (+ [Out]) -> [*batch,
   * Out]}.
   *
   * @param bias null for none
   */
  public static @Shape({"*batch", "Out"}) Tensor bilinear(
      @Shape({"*batch", "In1"}) Tensor input1,
      @Shape({"*batch", "In2"}) Tensor input2,
      @Shape({"Out", "In1", "In2"}) Tensor weight,
      @Shape({"Out"}) Tensor bias) {
    try {
      return Torch.bilinear(input1, input2, weight, bias);
    } catch (ShapeException e) {
      throw Renamed.as("F.bilinear", e);
    }
  }

  /**
   * Rows of {@code weight} at integer {@code indices}, as {@code F.embedding(input, weight)}.
   *
   * <p>Shape: {@code [*batch] x [Num, Dim] -> [*batch, Dim]} ({@link Rule#EMBEDDING}).
   */
  @ShapeRule(value = Rule.EMBEDDING, args = {"weight", "indices"})
  public static Tensor embedding(Tensor indices, Tensor weight) {
    try {
      return Torch.embedding(indices, weight, -1);
    } catch (ShapeException e) {
      throw Renamed.as("F.embedding", e);
    }
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
  @ShapeRule(value = Rule.EMBEDDING, args = {"weight", "indices"})
  public static Tensor embedding(Tensor indices, Tensor weight, long paddingIdx) {
    long rows = Arguments.requireNonNull(weight, "weight").dim() > 0 ? weight.size(0) : 0;
    long row = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
    if (weight.dim() == 2 && (row < 0 || row >= rows)) {
      throw new IllegalArgumentException("F.embedding: paddingIdx " + paddingIdx
          + " is out of range for weight " + weight.shapeOf() + " with " + rows
          + " embeddings; it must be in [" + (-rows) + ", " + rows + ")");
    }
    try {
      return Torch.embedding(indices, weight, row);
    } catch (ShapeException e) {
      throw Renamed.as("F.embedding", e);
    }
  }

  /**
   * One-hot int64 vectors, as {@code F.one_hot(tensor, num_classes)}.
   *
   * <p>Shape: {@code [*batch] -> [*batch, numClasses]} ({@link Rule#ONE_HOT}).
   */
  @ShapeRule(Rule.ONE_HOT)
  public static Tensor oneHot(Tensor indices, long numClasses) {
    try {
      return Torch.oneHot(indices, numClasses);
    } catch (ShapeException e) {
      throw Renamed.as("F.oneHot", e);
    }
  }

  /**
   * One-hot int64 vectors of length {@code max(indices) + 1}, as {@code F.one_hot(tensor)}.
   *
   * <p>Shape: {@code [*batch] -> [*batch, _]}.
   */
  public static @Shape({"*batch", "_"}) Tensor oneHot(@Shape({"*batch"}) Tensor indices) {
    return Torch.oneHot(indices, -1);
  }

  /**
   * Zeroes elements with probability {@code p} and scales the rest by {@code 1/(1-p)} when
   * {@code training}; the identity otherwise, as {@code F.dropout}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor dropout(@Shape({"*s"}) Tensor input, double p, boolean training) {
    return Torch.dropout(input, p, training);
  }

  /**
   * Dropout with {@code p = 0.5} in training mode, as {@code F.dropout(x)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor dropout(@Shape({"*s"}) Tensor input) {
    return Torch.dropout(input, 0.5, true);
  }
}
