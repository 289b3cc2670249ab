package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.Tup;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a tensor op's value and written-out gradient against libtorch autograd run on a
 * reference function, in float64.
 */
final class AutogradReference {
  /** The largest difference allowed, relative to the reference's largest magnitude (or 1). */
  static final double TOLERANCE = 1e-5;

  private AutogradReference() {}

  /** A float64 tensor of standard normal values. */
  static Tensor randn(long... shape) {
    return Torch.randn(shape, DType.FLOAT64);
  }

  /** A float64 tensor of values in [0.5, 1.5) (away from the singularities of log and div). */
  static Tensor positive(long... shape) {
    return Torch.rand(shape, DType.FLOAT64).add(0.5);
  }

  /**
   * Runs {@code op} forward and backward with a random output gradient, and {@code reference}
   * through libtorch autograd with the same gradient; asserts equal values and equal gradients
   * for every input.
   *
   * @param name the case, for messages
   * @param op the op under test
   * @param inputs its inputs, all tensors
   * @param reference the same function written with {@code Torch} ops, run on leaves that
   *     require grad
   */
  static <As extends Tup> void assertMatchesAutograd(String name, Op<As, Tensor> op, As inputs,
      Function<List<Tensor>, Tensor> reference) {
    Tensor value = op.evalOp(inputs);
    Tensor g = Torch.randn(value.shape(), DType.FLOAT64);
    Tup grads = op.gradOpWith(inputs, g);
    List<Tensor> leaves = new ArrayList<>();
    for (Object x : inputs.toList()) {
      Tensor t = (Tensor) x;
      leaves.add(t.dtype().isFloatingPoint() ? t.detach().requiresGrad_(true) : t);
    }
    Tensor expected = reference.apply(leaves);
    assertClose(name + " value", value, expected.detach());
    expected.backward(g);
    for (int i = 0; i < leaves.size(); i++) {
      Tensor leaf = leaves.get(i);
      if (!leaf.requiresGrad()) {
        continue;
      }
      Tensor want = leaf.grad() == null ? Torch.zerosLike(leaf) : leaf.grad();
      assertClose(name + " gradient of input " + i, (Tensor) grads.get(i), want);
    }
  }

  /** Asserts equal shapes and values within {@link #TOLERANCE}. */
  static void assertClose(String what, Tensor actual, Tensor expected) {
    assertWithMessage("%s shape", what).that(actual.shape()).isEqualTo(expected.shape());
    double scale = Math.max(1, expected.abs().max().item());
    double diff = actual.sub(expected).abs().max().item();
    assertWithMessage("%s: max |difference| %s (scale %s)", what, diff, scale)
        .that(diff).isAtMost(TOLERANCE * scale);
  }
}
