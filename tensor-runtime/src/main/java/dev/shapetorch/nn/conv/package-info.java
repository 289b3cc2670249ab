/**
 * Convolutions: {@link dev.shapetorch.nn.conv.Conv1d}, {@link dev.shapetorch.nn.conv.Conv2d} and
 * {@link dev.shapetorch.nn.conv.ConvTranspose2d}, as PyTorch's {@code torch.nn.modules.conv}.
 *
 * <p>Shape: a layer's type carries its channels, kernel, stride, padding and dilation, so the
 * checker computes each output size from the input's ({@code (H + 2*P - D*(K-1) - 1)/S + 1} for a
 * convolution).
 */
package dev.shapetorch.nn.conv;
