package dev.shapetorch.vision.models;

import dev.shapetorch.nn.Module;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Map;

/**
 * Fills a model's state with values computed from each entry's name and element index, the same
 * way as {@code deterministic_weights.py} fills the torchvision model it is compared with: so a
 * forward pass can be checked against torchvision's without shipping a weight file.
 *
 * <p>For an entry {@code name} with {@code n} elements, {@code s[i] = sin(0.1 i + 0.7 (h % 97))}
 * in float64, where {@code h} is the sum of the name's characters, and the entry becomes:
 *
 * <ul>
 *   <li>{@code *running_var}: {@code 1 + 0.5 s^2} (positive, as a variance must be);
 *   <li>{@code *running_mean}: {@code 0.1 s};
 *   <li>two or more dimensions: {@code s sqrt(2 / fanIn)}, {@code fanIn = n / shape[0]} (keeps the
 *       activations of deep networks bounded);
 *   <li>one dimension named {@code *weight}: {@code 1 + 0.1 s} (normalisation scales);
 *   <li>anything else (biases, tokens of one dimension): {@code 0.1 s}.
 * </ul>
 *
 * Integer entries ({@code num_batches_tracked}) are left alone.
 */
final class DeterministicWeights {
  private DeterministicWeights() {}

  /** Overwrites every floating-point entry of {@code model}'s state dict, in place. */
  static void fill(Module model) {
    try (NoGradScope ng = Torch.noGrad()) {
      for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
        Tensor t = e.getValue();
        if (t.dtype().isFloatingPoint()) {
          t.copy_(values(e.getKey(), t.shape()).to(t.dtype()));
        }
      }
    }
  }

  /** The values {@link #fill} gives entry {@code name} of shape {@code shape}, in float64. */
  static Tensor values(String name, long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    int h = 0;
    for (int k = 0; k < name.length(); k++) {
      h += name.charAt(k);
    }
    Tensor s = Torch.arange(0.0, (double) n, 1.0, DType.FLOAT64).mul(0.1).add(0.7 * (h % 97)).sin();
    Tensor v;
    if (name.endsWith("running_var")) {
      v = s.mul(s).mul(0.5).add(1.0);
    } else if (name.endsWith("running_mean")) {
      v = s.mul(0.1);
    } else if (shape.length >= 2) {
      v = s.mul(Math.sqrt(2.0 / (n / shape[0])));
    } else if (shape.length == 1 && name.endsWith("weight")) {
      v = s.mul(0.1).add(1.0);
    } else {
      v = s.mul(0.1);
    }
    return v.reshape(shape);
  }
}
