package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.Surface;
import dev.shapetorch.shapes.Variant;

/**
 * ShapeTorch's {@code torch.nn.functional}: stateless layers ({@code linear}, {@code bilinear},
 * {@code embedding}, {@code oneHot}, {@code dropout}), activations, convolutions, pooling,
 * padding and resizing, normalisation and losses, reachable as {@code F.name}. A function that
 * is a {@link dev.shapetorch.tensor.Torch} op with the same parameters ({@code F.conv2d}, {@code
 * F.mseLoss(input, target, reduction)}) is that op's functional form; the others (PyTorch's
 * defaults, the activations, {@code F.crossEntropy}, {@code F.interpolate}, ...) are declared
 * in this package. Both kinds are generated from one declaration each (docs/architecture.md).
 *
 * <pre>{@code
 * Tensor logits = F.linear(F.relu(F.linear(x, w1, b1)), w2, b2);   // [B, 10]
 * Tensor loss = F.crossEntropy(logits, labels);                     // labels: int64 [B]
 * }</pre>
 *
 * <p>Shape: each function documents its own and checks it before libtorch runs; a shape error
 * is a {@code ShapeException} naming the {@code F} function, with the checker's {@code [key]}.
 */
@Surface(name = "F", variant = Variant.FUNCTIONAL)
abstract class FBase {

  /** PyTorch's default {@code ignore_index}, which matches no class. */
  public static final long DEFAULT_IGNORE_INDEX = -100;

  FBase() {}
}
