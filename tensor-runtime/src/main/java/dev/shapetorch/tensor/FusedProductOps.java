package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Products fused with an addition, BLAS style: {@code addmm}, {@code addmv}, {@code addr},
 * {@code baddbmm}, {@code addbmm} ({@code beta * input + alpha * product}), and {@code vdot},
 * {@code cross}. Declarations ({@link Variants}): {@code Torch.addmm(input, m1, m2)} and {@code
 * input.addmm(m1, m2)} are generated from them.
 *
 * <p>Shape: the product's operands are checked by their {@code @Shape} patterns (inner sizes
 * equal); {@code input} must broadcast to the product's shape, which libtorch checks (a {@link
 * TorchException} naming the op and the shapes).
 */
final class FusedProductOps {
  private FusedProductOps() {}

  /** A libtorch op of three tensors and two scalars, as {@code torch::addmm}. */
  @FunctionalInterface
  private interface Fused {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor input,
        org.bytedeco.pytorch.Tensor a, org.bytedeco.pytorch.Tensor b, Scalar beta, Scalar alpha);
  }

  private static Tensor fused(String op, Tensor input, Tensor a, String aName, Tensor b,
      String bName, double beta, double alpha, Fused f) {
    org.bytedeco.pytorch.Tensor hi = Natives.h(input, "input");
    org.bytedeco.pytorch.Tensor ha = Natives.h(a, aName);
    org.bytedeco.pytorch.Tensor hb = Natives.h(b, bName);
    try (Scalar be = Natives.scalar(beta); Scalar al = Natives.scalar(alpha)) {
      return Tensor.wrap(f.apply(hi, ha, hb, be, al));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, a, b);
    }
  }

  /**
   * {@code beta * input + alpha * (m1 @ m2)}, as {@code torch.addmm(input, m1, m2, beta=beta,
   * alpha=alpha)}: a linear layer's {@code bias + x @ w.T} in one kernel.
   *
   * <p>Shape: {@code [N, K] x [K, P] -> [N, P]}; {@code input} broadcasts to {@code [N, P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "P"}) Tensor addmm(Tensor input, @Shape({"N", "K"}) Tensor m1,
      @Shape({"K", "P"}) Tensor m2, double beta, double alpha) {
    return fused("Torch.addmm", input, m1, "m1", m2, "m2", beta, alpha, torch::addmm);
  }

  /**
   * {@code input + m1 @ m2}, as {@code torch.addmm(input, m1, m2)}.
   *
   * <p>Shape: {@code [N, K] x [K, P] -> [N, P]}; {@code input} broadcasts to {@code [N, P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "P"}) Tensor addmm(
      Tensor input, @Shape({"N", "K"}) Tensor m1, @Shape({"K", "P"}) Tensor m2) {
    return addmm(input, m1, m2, 1.0, 1.0);
  }

  /**
   * {@code beta * input + alpha * (mat @ vec)}, as {@code torch.addmv(input, mat, vec, beta=beta,
   * alpha=alpha)}.
   *
   * <p>Shape: {@code [N, M] x [M] -> [N]}; {@code input} broadcasts to {@code [N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N"}) Tensor addmv(Tensor input, @Shape({"N", "M"}) Tensor mat,
      @Shape({"M"}) Tensor vec, double beta, double alpha) {
    return fused("Torch.addmv", input, mat, "mat", vec, "vec", beta, alpha, torch::addmv);
  }

  /**
   * {@code input + mat @ vec}, as {@code torch.addmv(input, mat, vec)}.
   *
   * <p>Shape: {@code [N, M] x [M] -> [N]}; {@code input} broadcasts to {@code [N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N"}) Tensor addmv(
      Tensor input, @Shape({"N", "M"}) Tensor mat, @Shape({"M"}) Tensor vec) {
    return addmv(input, mat, vec, 1.0, 1.0);
  }

  /**
   * {@code beta * input + alpha * outer(vec1, vec2)}, as {@code torch.addr(input, vec1, vec2,
   * beta=beta, alpha=alpha)}.
   *
   * <p>Shape: {@code [N] x [M] -> [N, M]}; {@code input} broadcasts to {@code [N, M]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "M"}) Tensor addr(Tensor input, @Shape({"N"}) Tensor vec1,
      @Shape({"M"}) Tensor vec2, double beta, double alpha) {
    return fused("Torch.addr", input, vec1, "vec1", vec2, "vec2", beta, alpha, torch::addr);
  }

  /**
   * {@code input + outer(vec1, vec2)}, as {@code torch.addr(input, vec1, vec2)}.
   *
   * <p>Shape: {@code [N] x [M] -> [N, M]}; {@code input} broadcasts to {@code [N, M]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "M"}) Tensor addr(
      Tensor input, @Shape({"N"}) Tensor vec1, @Shape({"M"}) Tensor vec2) {
    return addr(input, vec1, vec2, 1.0, 1.0);
  }

  /**
   * {@code beta * input + alpha * bmm(batch1, batch2)}, as {@code torch.baddbmm(input, batch1,
   * batch2, beta=beta, alpha=alpha)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [B, N, P]}; {@code input} broadcasts to it.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"B", "N", "P"}) Tensor baddbmm(Tensor input,
      @Shape({"B", "N", "M"}) Tensor batch1, @Shape({"B", "M", "P"}) Tensor batch2, double beta,
      double alpha) {
    return fused("Torch.baddbmm", input, batch1, "batch1", batch2, "batch2", beta, alpha,
        torch::baddbmm);
  }

  /**
   * {@code input + bmm(batch1, batch2)}, as {@code torch.baddbmm(input, batch1, batch2)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [B, N, P]}; {@code input} broadcasts to it.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"B", "N", "P"}) Tensor baddbmm(Tensor input,
      @Shape({"B", "N", "M"}) Tensor batch1, @Shape({"B", "M", "P"}) Tensor batch2) {
    return baddbmm(input, batch1, batch2, 1.0, 1.0);
  }

  /**
   * {@code beta * input + alpha * sum_b(batch1[b] @ batch2[b])}, as {@code torch.addbmm(input,
   * batch1, batch2, beta=beta, alpha=alpha)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [N, P]}; {@code input} broadcasts to {@code [N,
   * P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "P"}) Tensor addbmm(Tensor input, @Shape({"B", "N", "M"}) Tensor batch1,
      @Shape({"B", "M", "P"}) Tensor batch2, double beta, double alpha) {
    return fused("Torch.addbmm", input, batch1, "batch1", batch2, "batch2", beta, alpha,
        torch::addbmm);
  }

  /**
   * {@code input + sum_b(batch1[b] @ batch2[b])}, as {@code torch.addbmm(input, batch1, batch2)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [N, P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "P"}) Tensor addbmm(Tensor input, @Shape({"B", "N", "M"}) Tensor batch1,
      @Shape({"B", "M", "P"}) Tensor batch2) {
    return addbmm(input, batch1, batch2, 1.0, 1.0);
  }

  /**
   * The dot product of two vectors, the first conjugated, as {@code torch.vdot(a, b)} ({@code
   * dot} for real tensors).
   *
   * <p>Shape: {@link Rule#DOT}, {@code [N] . [N] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.DOT)
  static Tensor vdot(Tensor a, Tensor b) {
    return Natives.binary("Torch.vdot", a, "a", b, "b", torch::vdot);
  }

  /**
   * The cross product of 3-vectors along {@code dim}, as {@code torch.cross(a, b, dim)}
   * ({@code torch.linalg.cross}); the size of {@code dim} must be 3 (libtorch's {@link
   * TorchException} otherwise).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  static Tensor cross(Tensor a, Tensor b, int dim) {
    org.bytedeco.pytorch.Tensor ha = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor hb = Natives.h(b, "b");
    try (org.bytedeco.pytorch.LongOptional d = new org.bytedeco.pytorch.LongOptional(dim)) {
      return Tensor.wrap(torch.cross(ha, hb, d));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.cross", e, a, b);
    }
  }
}
