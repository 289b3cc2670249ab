package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.TensorOptional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.bytedeco.pytorch.global.torch;

/**
 * The kernels behind simple layers: {@code linear}, {@code bilinear}, {@code embedding}, {@code
 * dropout} and {@code oneHot}, as PyTorch exposes them on {@code torch} and {@code
 * torch.nn.functional}. Part of the {@link Torch} chain (the first of the nn families): call
 * them as {@code Torch.linear(x, w, b)}; most users call {@code dev.shapetorch.nn.functional.F}.
 *
 * <p>Shape: see each op; a bias that may be absent is passed as null.
 */
final class LayerOps {

  private LayerOps() {}

  /**
   * {@code input W^T + b}, as {@code F.linear}.
   *
   * <p>Shape: {@code [*batch, In] x [Out, In] (+ [Out]) -> [*batch, Out]} ({@link Rule#LINEAR}).
   *
   * @param bias null for none
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.LINEAR)
  static Tensor linear(Tensor input, Tensor weight, @Nullable Tensor bias) {
    String op = "Torch.linear";
    try (TensorOptional b = Natives.optional(bias)) {
      return Tensor.wrap(torch.linear(input.h(), weight.h(), b));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * {@code y[..., o] = x1 W[o] x2^T + b[o]}, as {@code F.bilinear}.
   *
   * <p>Shape: {@code [*batch, In1] x [*batch, In2] x [Out, In1, In2] (+ [Out]) -> [*batch,
   * Out]}.
   *
   * @param bias null for none
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({"*batch", "Out"}) Tensor bilinear(
      @Shape({"*batch", "In1"}) Tensor input1,
      @Shape({"*batch", "In2"}) Tensor input2,
      @Shape({"Out", "In1", "In2"}) Tensor weight,
      @Nullable @Shape({"Out"}) Tensor bias) {
    String op = "Torch.bilinear";
    try (TensorOptional b = Natives.optional(bias)) {
      return Tensor.wrap(torch.bilinear(input1.h(), input2.h(), weight.h(), b));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input1, input2, weight, bias);
    }
  }

  /**
   * Rows of {@code weight} picked by integer {@code indices}, as {@code F.embedding(indices,
   * weight, padding_idx)} (note the argument order, which is {@code F}'s, not ATen's).
   *
   * <p>Shape: {@code [*batch] x [Num, Dim] -> [*batch, Dim]} ({@link Rule#EMBEDDING}).
   *
   * @param paddingIdx a row whose gradient stays zero, or -1 for none (negative indices other
   *     than -1 are not accepted; use {@code Num + i})
   * @throws IllegalArgumentException if {@code indices} is not an integer tensor
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.EMBEDDING, args = {"weight", "indices"})
  static Tensor embedding(Tensor indices, Tensor weight, long paddingIdx) {
    String op = "Torch.embedding";
    if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": indices must be int64 or int32, got " + indices.dtype()
              + " (convert with to(DType.INT64))");
    }
    if (paddingIdx < -1 || paddingIdx >= weight.size(0)) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": paddingIdx " + paddingIdx + " is out of range for " + weight.size(0)
              + " embeddings (use -1 for none)");
    }
    return Natives.call(op,
        () -> torch.embedding(weight.h(), indices.h(), paddingIdx, false, false), indices, weight);
  }

  /**
   * Zeroes each element with probability {@code p} and scales the rest by {@code 1/(1-p)} when
   * {@code train}; returns the input unchanged otherwise, as {@code torch.dropout}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*s"}) Tensor dropout(@Shape({"*s"}) Tensor input, double p, boolean train) {
    String op = "Torch.dropout";
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": p must be in [0, 1], got " + p);
    }
    return Natives.call(op, () -> torch.dropout(input.h(), p, train), input);
  }

  /**
   * Zeroes whole channels of {@code [N, C, *]} (each {@code input[n, c]} with probability {@code
   * p}) and scales the others by {@code 1/(1-p)} when {@code train}; returns the input unchanged
   * otherwise, as {@code torch.feature_dropout}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the input has
   *     fewer than 2 dims
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*s"}) Tensor featureDropout(@Shape({"*s"}) Tensor input, double p, boolean train) {
    String op = "Torch.featureDropout";
    dropoutArguments(op, input, p, 2);
    return Natives.call(op, () -> torch.feature_dropout(input.h(), p, train), input);
  }

  /**
   * Alpha dropout, which keeps a SELU network's mean and variance: when {@code train}, sets each
   * element with probability {@code p} to SELU's negative saturation value, then applies the
   * affine map that restores zero mean and unit variance; returns the input unchanged otherwise,
   * as {@code torch.alpha_dropout}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*s"}) Tensor alphaDropout(@Shape({"*s"}) Tensor input, double p, boolean train) {
    String op = "Torch.alphaDropout";
    dropoutArguments(op, input, p, 0);
    return Natives.call(op, () -> torch.alpha_dropout(input.h(), p, train), input);
  }

  /**
   * Alpha dropout of whole channels of {@code [N, C, *]} (see {@link #alphaDropout}), as {@code
   * torch.feature_alpha_dropout}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]} or the input has
   *     fewer than 2 dims
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*s"}) Tensor featureAlphaDropout(
      @Shape({"*s"}) Tensor input, double p, boolean train) {
    String op = "Torch.featureAlphaDropout";
    dropoutArguments(op, input, p, 2);
    return Natives.call(op, () -> torch.feature_alpha_dropout(input.h(), p, train), input);
  }

  private static void dropoutArguments(String op, Tensor input, double p, int minRank) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": p must be in [0, 1], got " + p);
    }
    if (input != null && input.dim() < minRank) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": input is " + input.shapeOf()
          + " (rank " + input.dim() + "); it must be [N, C, *], channels along dim 1");
    }
  }

  /**
   * One-hot int64 vectors of the integer {@code indices}, as {@code F.one_hot}.
   *
   * <p>Shape: {@code [*batch] -> [*batch, numClasses]} ({@link Rule#ONE_HOT}).
   *
   * @param numClasses the length of each vector, or -1 to use {@code max(indices) + 1}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ONE_HOT)
  static Tensor oneHot(Tensor indices, long numClasses) {
    String op = "Torch.oneHot";
    if (indices.dtype() != DType.INT64) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": indices must be int64, got " + indices.dtype() + " (convert with to(DType.INT64))");
    }
    return Natives.withLong(op, indices, "indices", numClasses, torch::one_hot);
  }
}
