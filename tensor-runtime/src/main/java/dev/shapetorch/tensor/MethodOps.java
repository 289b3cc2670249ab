package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.UnknownShape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.TensorArrayRefOptional;

/**
 * The op methods of {@link Tensor} that are not the method form of a {@code Torch} op with the
 * same parameters (in-place ops, overloads with defaults, conversions): declarations ({@link
 * Variants}) whose first parameter {@code self} becomes the receiver of the generated method,
 * which runs the guard their contract gives (docs/architecture.md) and then the kernel.
 */
final class MethodOps {
  private MethodOps() {}

  /** Picks this where {@code condition} is true, {@code other} elsewhere; see {@link Torch#where}. Shape: {@link Rule#BROADCAST3}. */
  @ShapeRule(value = Rule.BROADCAST3, args = {"condition", "self", "other"})
  @Variants(Variant.METHOD)
  static Tensor where(Tensor self, Tensor condition, Tensor other) {
    return ComparisonOps.where(condition, self, other);
  }

  /** The sum along {@code dim}; see {@link Torch#sum(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"self"})
  static Tensor sum(Tensor self, int dim, boolean keepdim) {
    return ReductionOps.sum(self, dim, keepdim);
  }

  /** The sum along {@code dim}, removing it; see {@link Torch#sum(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"self"})
  static Tensor sum(Tensor self, int dim) {
    return ReductionOps.sum(self, dim, false);
  }

  /** The sum over several dims; see {@link Torch#sum(Tensor, int[], boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"self", "dims", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"self"})
  static Tensor sum(Tensor self, int[] dims, boolean keepdim) {
    return ReductionOps.sum(self, dims, keepdim);
  }

  /** The arithmetic mean (of a floating tensor) along {@code dim}; see {@link Torch#mean(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor mean(Tensor self, int dim, boolean keepdim) {
    return ReductionOps.mean(self, dim, keepdim);
  }

  /** The arithmetic mean (of a floating tensor) along {@code dim}, removing it; see {@link Torch#mean(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor mean(Tensor self, int dim) {
    return ReductionOps.mean(self, dim, false);
  }

  /** The arithmetic mean (of a floating tensor) over several dims; see {@link Torch#mean(Tensor, int[], boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"self", "dims", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor mean(Tensor self, int[] dims, boolean keepdim) {
    return ReductionOps.mean(self, dims, keepdim);
  }

  /** The product along {@code dim}, removing it; see {@link Torch#prod(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"self"})
  static Tensor prod(Tensor self, int dim) {
    return ReductionOps.prod(self, dim, false);
  }

  /** The (int64) index of the largest value along {@code dim}, removing it; see {@link Torch#argmax(Tensor, int)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmax(Tensor self, int dim) {
    return ReductionOps.argmax(self, dim, false);
  }

  /** The (int64) index of the smallest value along {@code dim}, removing it; see {@link Torch#argmin(Tensor, int)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmin(Tensor self, int dim) {
    return ReductionOps.argmin(self, dim, false);
  }

  /** {@code log(sum(exp(x)))}, computed stably, along {@code dim}, removing it; see {@link Torch#logsumexp(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"self"})
  static Tensor logsumexp(Tensor self, int dim) {
    return StatisticsOps.logsumexp(self, dim, false);
  }

  /** True if every value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, removing it; see {@link Torch#all(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"self"})
  static Tensor all(Tensor self, int dim) {
    return ReductionOps.all(self, dim, false);
  }

  /** True if some value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, removing it; see {@link Torch#any(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"self"})
  static Tensor any(Tensor self, int dim) {
    return ReductionOps.any(self, dim, false);
  }

  /** The largest values along {@code dim} with indices, removing it; see {@link Torch#max(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  static ValuesAndIndices max(Tensor self, int dim) {
    return ReductionOps.max(self, dim, false);
  }

  /** The smallest values along {@code dim} with indices, removing it; see {@link Torch#min(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "false"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  static ValuesAndIndices min(Tensor self, int dim) {
    return ReductionOps.min(self, dim, false);
  }

  /** The variance with Bessel's correction; see {@link Torch#var(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static @Shape({}) Tensor var(Tensor self) {
    return StatisticsOps.var(self, true);
  }

  /** The variance along {@code dim}; see {@link Torch#var(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor var(Tensor self, int dim, boolean keepdim) {
    return StatisticsOps.var(self, dim, keepdim);
  }

  /** The variance over {@code dims} with a correction; see {@link Torch#var(Tensor, int[], long, boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"self", "dims", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor var(Tensor self, int[] dims, long correction, boolean keepdim) {
    return StatisticsOps.var(self, dims, correction, keepdim);
  }

  /** The standard deviation with Bessel's correction; see {@link Torch#std(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static @Shape({}) Tensor std(Tensor self) {
    return StatisticsOps.std(self, true);
  }

  /** The standard deviation along {@code dim}; see {@link Torch#std(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"self", "dim", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor std(Tensor self, int dim, boolean keepdim) {
    return StatisticsOps.std(self, dim, keepdim);
  }

  /** The standard deviation over {@code dims} with a correction; see {@link Torch#std(Tensor, int[], long, boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"self", "dims", "keepdim"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static Tensor std(Tensor self, int[] dims, long correction, boolean keepdim) {
    return StatisticsOps.std(self, dims, correction, keepdim);
  }

  /** The 2-norm of all elements; see {@link Torch#norm(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"self"})
  static @Shape({}) Tensor norm(Tensor self) {
    return StatisticsOps.norm(self, 2.0);
  }

  /** Flattens into one dim; see {@link Torch#flatten(Tensor)}. Shape: {@code [*s] -> [numel]}. */
  @ShapeRule(value = Rule.FLATTEN, args = {"self", "0", "-1"})
  @Variants(Variant.METHOD)
  static Tensor flatten(Tensor self) {
    return ShapeOps.flatten(self, 0, -1);
  }

  /** Expands to {@code other}'s shape; see {@link Torch#expandAs}. Shape: {@code other}'s ({@link Rule#EXPAND_AS}). */
  @ShapeRule(Rule.EXPAND_AS)
  @Variants(Variant.METHOD)
  static @Shape({"*t"}) Tensor expandAs(Tensor self, @Shape({"*t"}) Tensor other) {
    return ShapeOps.expandAs(self, other);
  }

  /** The {@code k} largest values along {@code dim}; see {@link Torch#topk(Tensor, long, int)}. Shape: dim becomes {@code k} ({@link Rule#NARROW}). */
  @ShapeRule(value = Rule.NARROW, args = {"self", "dim", "0", "k"})
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  static ValuesAndIndices topk(Tensor self, long k, int dim) {
    return SortingOps.topk(self, k, dim, true);
  }

  /** True if the elements are contiguous in row-major order, as {@code x.is_contiguous()}. */
  @Variants(Variant.METHOD)
  static boolean isContiguous(Tensor self) {
    return Torch.isContiguous(self, MemoryFormat.CONTIGUOUS);
  }

  /** Adds {@code other} into this, broadcasting it, as {@code x.add_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor add_(Tensor self, Tensor other) {
    return InPlaceOps.binary("Tensor.add_", self, other, 0);
  }

  /** Adds {@code alpha * other} into this, as {@code x.add_(other, alpha=alpha)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(value = Rule.BROADCAST_INPLACE, args = {"self", "other"})
  @Variants(Variant.METHOD)
  static Tensor add_(Tensor self, Tensor other, double alpha) {
    return InPlaceOps.addScaled("Tensor.add_", self, other, alpha);
  }

  /** Adds a number into every element, as {@code x.add_(value)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor add_(Tensor self, double value) {
    return InPlaceOps.scalar("Tensor.add_", self, value, 0);
  }

  /**
   * Adds {@code value * t1 * t2} into this in one pass, as {@code x.addcmul_(t1, t2,
   * value=value)} (the optimizers' {@code exp_avg_sq.addcmul_(g, g, value=1-beta2)}).
   *
   * <p>Shape: {@link Rule#BROADCAST3_INPLACE}: {@code t1} and {@code t2} each broadcast to this
   * shape, which is kept.
   */
  @ShapeRule(value = Rule.BROADCAST3_INPLACE, args = {"self", "t1", "t2"})
  @Variants(Variant.METHOD)
  static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
    return InPlaceOps.addc("Tensor.addcmul_", self, t1, t2, value, true);
  }

  /**
   * Adds {@code value * t1 / t2} into this in one pass, as {@code x.addcdiv_(t1, t2,
   * value=value)} (Adam's {@code param.addcdiv_(exp_avg, denom, value=-step_size)}).
   *
   * <p>Shape: {@link Rule#BROADCAST3_INPLACE}: {@code t1} and {@code t2} each broadcast to this
   * shape, which is kept.
   */
  @ShapeRule(value = Rule.BROADCAST3_INPLACE, args = {"self", "t1", "t2"})
  @Variants(Variant.METHOD)
  static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
    return InPlaceOps.addc("Tensor.addcdiv_", self, t1, t2, value, false);
  }

  /** Subtracts {@code other} from this, as {@code x.sub_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor sub_(Tensor self, Tensor other) {
    return InPlaceOps.binary("Tensor.sub_", self, other, 1);
  }

  /** Subtracts a number from every element, as {@code x.sub_(value)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sub_(Tensor self, double value) {
    return InPlaceOps.scalar("Tensor.sub_", self, value, 1);
  }

  /** Multiplies this by {@code other}, as {@code x.mul_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor mul_(Tensor self, Tensor other) {
    return InPlaceOps.binary("Tensor.mul_", self, other, 2);
  }

  /** Multiplies every element by a number, as {@code x.mul_(value)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor mul_(Tensor self, double value) {
    return InPlaceOps.scalar("Tensor.mul_", self, value, 2);
  }

  /** Divides this by {@code other} (a floating tensor), as {@code x.div_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor div_(Tensor self, Tensor other) {
    return InPlaceOps.binary("Tensor.div_", self, other, 3);
  }

  /** Divides every element by a number, as {@code x.div_(value)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor div_(Tensor self, double value) {
    return InPlaceOps.scalar("Tensor.div_", self, value, 3);
  }

  /** Raises every element to a power, as {@code x.pow_(exponent)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor pow_(Tensor self, double exponent) {
    return InPlaceOps.scalar("Tensor.pow_", self, exponent, 4);
  }

  /** Sets every element to {@code value}, as {@code x.fill_(value)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor fill_(Tensor self, double value) {
    return InPlaceOps.scalar("Tensor.fill_", self, value, 5);
  }

  /** Sets every element to zero, as {@code x.zero_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor zero_(Tensor self) {
    return InPlaceOps.unary("Tensor.zero_", self, 0);
  }

  /** Copies {@code src}'s values (converted, broadcast) into this, as {@code x.copy_(src)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code src} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor copy_(Tensor self, Tensor src) {
    return InPlaceOps.binary("Tensor.copy_", self, src, 4);
  }

  /** Negates in place, as {@code x.neg_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor neg_(Tensor self) {
    return InPlaceOps.unary("Tensor.neg_", self, 1);
  }

  /** Absolute value in place, as {@code x.abs_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor abs_(Tensor self) {
    return InPlaceOps.unary("Tensor.abs_", self, 2);
  }

  /** {@code e^x} in place, as {@code x.exp_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor exp_(Tensor self) {
    return InPlaceOps.unary("Tensor.exp_", self, 3);
  }

  /** Square root in place, as {@code x.sqrt_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sqrt_(Tensor self) {
    return InPlaceOps.unary("Tensor.sqrt_", self, 4);
  }

  /** ReLU in place, as {@code x.relu_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor relu_(Tensor self) {
    return InPlaceOps.unary("Tensor.relu_", self, 5);
  }

  /** Sigmoid in place, as {@code x.sigmoid_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sigmoid_(Tensor self) {
    return InPlaceOps.unary("Tensor.sigmoid_", self, 6);
  }

  /** Clamps into {@code [min, max]} in place, as {@code x.clamp_(min, max)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor clamp_(Tensor self, double min, double max) {
    return InPlaceOps.clamp("Tensor.clamp_", self, min, max);
  }

  /**
   * Fills with integers drawn uniformly from {@code [from, to)}, as {@code x.random_(from, to)};
   * a float tensor gets whole numbers. Shape: unchanged.
   *
   * @throws IllegalArgumentException if {@code from >= to}
   */
  @Variants(Variant.METHOD)
  static Tensor random_(Tensor self, long from, long to) {
    return InPlaceOps.randomIntegers("Tensor.random_", self, from, to, null);
  }

  /**
   * As {@link Tensor#random_(long, long)}, drawing from {@code generator}, as {@code
   * x.random_(from, to, generator=generator)}. Shape: unchanged.
   *
   * @throws IllegalArgumentException if {@code from >= to} or {@code generator} is null
   */
  @Variants(Variant.METHOD)
  static Tensor random_(Tensor self, long from, long to, Generator generator) {
    if (generator == null) {
      throw UserCall.nullParameter("generator",
          "a Generator (Generator.seeded(seed)), or call random_(from, to) without one");
    }
    return InPlaceOps.randomIntegers("Tensor.random_", self, from, to, generator);
  }

  /**
   * Cuts this tensor from the autograd graph in place, as {@code x.detach_()}: it becomes a leaf
   * that does not require gradients; returns this tensor. Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor detach_(Tensor self) {
    return InPlaceOps.detach("Tensor.detach_", self);
  }

  /** Fills with normal random values, as {@code x.normal_(mean, std)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor normal_(Tensor self, double mean, double std) {
    return InPlaceOps.random("Tensor.normal_", self, mean, std, true);
  }

  /** Fills with uniform random values in {@code [from, to)}, as {@code x.uniform_(from, to)}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor uniform_(Tensor self, double from, double to) {
    return InPlaceOps.random("Tensor.uniform_", self, from, to, false);
  }

  /**
   * Computes the gradient of this one-element tensor with respect to the graph's leaves and
   * accumulates it into their {@link Tensor#grad()}, as {@code loss.backward()}.
   *
   * <p>Shape: one element, of any rank ({@link Rule#ONE_ELEMENT}): {@code []} or {@code [1]};
   * an unreduced loss ({@code Reduction.NONE}, {@code [8, 1]}) needs {@link
   * Tensor#backward(Tensor)} with a gradient of its shape, or a {@code sum()} first.
   */
  @ShapeRule(value = Rule.ONE_ELEMENT, args = {"self"})
  @Variants(Variant.METHOD)
  static void backward(Tensor self) {
    GradientHook.clearPending();
    try {
      self.h().backward();
    } catch (RuntimeException e) {
      GradientHook.rethrowPending(e);
      throw Natives.fail("Tensor.backward", e, self);
    }
  }

  /**
   * Back-propagates {@code gradient} (the gradient of some scalar with respect to this tensor),
   * as {@code y.backward(gradient)}.
   *
   * <p>Shape: {@code gradient} has this tensor's shape ({@link Rule#SAME_SHAPE}).
   */
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"self", "gradient"})
  @Variants(Variant.METHOD)
  static void backward(Tensor self, Tensor gradient) {
    backward(self, gradient, false, false);
  }

  /**
   * {@link Tensor#backward(Tensor)} keeping the graph for another backward pass ({@code
   * retainGraph}) or recording the backward pass itself for higher-order gradients ({@code
   * createGraph}).
   *
   * <p>Shape: {@code gradient} has this tensor's shape ({@link Rule#SAME_SHAPE}).
   */
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"self", "gradient"})
  @Variants(Variant.METHOD)
  static void backward(Tensor self, Tensor gradient, boolean retainGraph, boolean createGraph) {
    GradientHook.clearPending();
    try (BoolOptional retain = new BoolOptional(retainGraph);
        TensorArrayRefOptional inputs = new TensorArrayRefOptional()) {
      self.h().backward(gradient.h(), retain, createGraph, inputs);
    } catch (RuntimeException e) {
      GradientHook.rethrowPending(e);
      throw Natives.fail("Tensor.backward", e, self, gradient);
    }
  }
}
