/**
 * Pooling layers: {@link dev.shapetorch.nn.pooling.MaxPool1d}, {@link
 * dev.shapetorch.nn.pooling.MaxPool2d}, {@link dev.shapetorch.nn.pooling.AvgPool2d} and {@link
 * dev.shapetorch.nn.pooling.AdaptiveAvgPool2d}, as PyTorch's {@code torch.nn.modules.pooling}.
 *
 * <p>Shape: a layer's type carries its kernel, stride, padding (and dilation, ceil mode), so the
 * checker computes each output size from the input's; the channel dimension is kept.
 */
package dev.shapetorch.nn.pooling;
