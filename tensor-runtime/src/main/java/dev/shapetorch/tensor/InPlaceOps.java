package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;

/**
 * The bodies of {@link Tensor}'s in-place ops ({@code add_}, {@code zero_}, {@code normal_},
 * ...). Each mutates the receiver's memory and returns the receiver. libtorch refuses in-place
 * ops on leaves that require gradients (outside {@link Torch#noGrad()}) with a {@link
 * TorchException}. Package-private: users call the ops on {@link Tensor}.
 */
final class InPlaceOps {

  private InPlaceOps() {}

  /**
   * {@code self op= other}: {@code other} broadcasts to {@code self}'s shape, which is kept since
   * the values are written into {@code self} ({@code Rule.BROADCAST_INPLACE}, which the
   * declarations in {@link MethodOps} guard).
   */
  static Tensor binary(String op, Tensor self, Tensor other, int kind) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    org.bytedeco.pytorch.Tensor o = Natives.h(other, "other");
    try {
      switch (kind) {
        case 0:
          h.add_(o);
          break;
        case 1:
          h.sub_(o);
          break;
        case 2:
          h.mul_(o);
          break;
        case 3:
          h.div_(o);
          break;
        default:
          h.copy_(o);
          break;
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, other);
    }
    return self;
  }

  static Tensor addScaled(String op, Tensor self, Tensor other, double alpha) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (Scalar a = Natives.scalar(alpha)) {
      h.add_(other.h(), a);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, other);
    }
    return self;
  }

  static Tensor scalar(String op, Tensor self, double value, int kind) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (Scalar s = self.dtype().isFloatingPoint() || kind == 3 ? Natives.scalar(value)
        : Natives.scalar((long) value)) {
      switch (kind) {
        case 0:
          h.add_(s);
          break;
        case 1:
          h.sub_(s);
          break;
        case 2:
          h.mul_(s);
          break;
        case 3:
          h.div_(s);
          break;
        case 4:
          h.pow_(s);
          break;
        default:
          h.fill_(s);
          break;
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  static Tensor unary(String op, Tensor self, int kind) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try {
      switch (kind) {
        case 0:
          h.zero_();
          break;
        case 1:
          h.neg_();
          break;
        case 2:
          h.abs_();
          break;
        case 3:
          h.exp_();
          break;
        case 4:
          h.sqrt_();
          break;
        case 5:
          h.relu_();
          break;
        default:
          h.sigmoid_();
          break;
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  static Tensor clamp(String op, Tensor self, double min, double max) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (Scalar lo = Natives.scalar(min); Scalar hi = Natives.scalar(max);
        ScalarOptional lop = new ScalarOptional(lo); ScalarOptional hip = new ScalarOptional(hi)) {
      h.clamp_(lop, hip);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  static Tensor random(String op, Tensor self, double a, double b, boolean normal) {
    if (!self.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": needs a floating-point tensor, this one is " + self.dtype());
    }
    if (normal && !(b >= 0)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": std must be >= 0, got " + b);
    }
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (GeneratorOptional g = new GeneratorOptional()) {
      if (normal) {
        h.normal_(a, b, g);
      } else {
        h.uniform_(a, b, g);
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  /**
   * {@code self += value * t1 * t2} ({@code multiply}) or {@code self += value * t1 / t2}, as
   * {@code x.addcmul_} and {@code x.addcdiv_}: {@code t1} and {@code t2} must each broadcast to
   * {@code self}'s shape ({@code Rule.BROADCAST3_INPLACE}, which the declarations in {@link
   * MethodOps} guard).
   */
  static Tensor addc(
      String op, Tensor self, Tensor t1, Tensor t2, double value, boolean multiply) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (Scalar v = Natives.scalar(value)) {
      if (multiply) {
        h.addcmul_(t1.h(), t2.h(), v);
      } else {
        h.addcdiv_(t1.h(), t2.h(), v);
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, t1, t2);
    }
    return self;
  }

  /**
   * {@code self.random_(from, to)}: integers drawn uniformly from {@code [from, to)}, stored in
   * {@code self}'s dtype. The range must be non-empty and, for a floating dtype, its ends
   * integers that the dtype holds exactly (libtorch's check, a {@link TorchException}).
   */
  static Tensor randomIntegers(String op, Tensor self, long from, long to, Generator generator) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    if (from >= to) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": from must be less than to,"
          + " got from = " + from + ", to = " + to + "; the values are drawn from [from, to)");
    }
    if (self.dtype() == DType.BOOL && (from < 0 || to > 2)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": a bool tensor holds 0 and"
          + " 1 only, got [" + from + ", " + to + "); use random_(0, 2)");
    }
    try (LongOptional t = new LongOptional(to);
        GeneratorOptional g = generator == null ? new GeneratorOptional() : generator.optional()) {
      h.random_(from, t, g);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  /** {@code self.detach_()}: cuts this tensor from the autograd graph, in place. */
  static Tensor detach(String op, Tensor self) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try {
      h.detach_();
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }
}
