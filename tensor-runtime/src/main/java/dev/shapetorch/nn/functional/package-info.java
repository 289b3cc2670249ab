/**
 * ShapeTorch's {@code torch.nn.functional}: stateless functions for layers, activations,
 * normalisation, pooling, resizing and losses, all reachable as {@link
 * dev.shapetorch.nn.functional.F F}{@code .name} ({@code F.linear}, {@code F.conv2d}, {@code
 * F.crossEntropy}, ...). Each is, or calls, a {@code Torch} op, which checks the shapes before
 * libtorch runs; a shape error names the {@code F} function. {@code F} is generated from the
 * declarations of this package's families and of {@code Torch}'s (docs/architecture.md).
 *
 * <pre>{@code
 * Tensor y = F.relu(F.conv2d(x, w, b, 1, 1));         // [N, Cout, H, W]
 * Tensor loss = F.mseLoss(prediction, target);          // shapes must be equal
 * }</pre>
 */
package dev.shapetorch.nn.functional;
