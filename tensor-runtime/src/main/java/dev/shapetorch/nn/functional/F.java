package dev.shapetorch.nn.functional;

/**
 * ShapeTorch's {@code torch.nn.functional}: every function of the families {@link
 * ActivationFunctions}, {@link LayerFunctions}, {@link ConvFunctions}, {@link
 * PoolingFunctions}, {@link ResamplingFunctions}, {@link NormFunctions} and {@link
 * LossFunctions}, reachable as {@code F.name}.
 *
 * <pre>{@code
 * Tensor logits = F.linear(F.relu(F.linear(x, w1, b1)), w2, b2);   // [B, 10]
 * Tensor loss = F.crossEntropy(logits, labels);                     // labels: int64 [B]
 * }</pre>
 *
 * <p>Shape: each function documents its own and checks it before libtorch runs; a shape error
 * is a {@code ShapeException} naming the {@code F} function, with the checker's {@code [key]}.
 */
public final class F extends LossFunctions {
  private F() {}
}
