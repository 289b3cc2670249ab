package dev.shapetorch.nn.padding;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.tensor.PadMode;
import dev.shapetorch.tensor.Tensor;

/**
 * What the padding layers share: the pads in PyTorch's order (last dim first: left, right, top,
 * bottom, front, back), the run, and the repr.
 */
final class Padding {
  private final String layer;
  private final PadMode mode;
  private final double value;
  private final long[] pads;

  Padding(String layer, PadMode mode, double value, long... pads) {
    this.layer = layer;
    this.mode = mode;
    this.value = value;
    this.pads = pads.clone();
    for (long p : pads) {
      if (p < 0) {
        // PyTorch's ConstantPad crops with a negative pad; a layer's type holds sizes, which
        // cannot be negative, so cropping is F.pad's (or a slice's) job here.
        throw new IllegalArgumentException(layer + ": padding " + p + " is negative; a padding"
            + " layer adds elements: crop with a slice (x.index(\"..., 1:-1\")) or F.pad with"
            + " negative pads instead");
      }
    }
  }

  /** The pads, last dim first ({@code F.pad}'s order); a copy. */
  long[] pads() {
    return pads.clone();
  }

  double value() {
    return value;
  }

  Tensor forward(ForwardContract contract, Tensor input) {
    Arguments.requireNonNull(input, "input");
    contract.check(pads, input);
    return F.pad(input, pads, mode, value);
  }

  /**
   * As PyTorch prints it: {@code ReflectionPad2d((1, 1, 2, 0))}, {@code ConstantPad1d(padding=(1,
   * 2), value=0.5)}.
   */
  String repr() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < pads.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(pads[i]);
    }
    String tuple = sb.append(")").toString();
    if (mode == PadMode.CONSTANT && !layer.startsWith("ZeroPad")) {
      return layer + "(padding=" + tuple + ", value=" + Checks.pyFloat(value) + ")";
    }
    return layer + "(" + tuple + ")";
  }
}
