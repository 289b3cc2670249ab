/**
 * Pooling layers: {@link dev.shapetorch.nn.pooling.MaxPool1d}, {@link
 * dev.shapetorch.nn.pooling.MaxPool2d}, {@link dev.shapetorch.nn.pooling.AvgPool2d} and {@link
 * dev.shapetorch.nn.pooling.AdaptiveAvgPool2d}, as PyTorch's {@code torch.nn.modules.pooling}.
 *
 * <p>Shape: a layer's type carries its kernel, stride, padding (and dilation, ceil mode; by name:
 * its {@code spec()}), and the max and average pooling layers' {@code forward} declares a rule
 * ({@link dev.shapetorch.shapes.rules.Rule#MAX_POOL_LAYER}, {@link
 * dev.shapetorch.shapes.rules.Rule#AVG_POOL_LAYER}) that computes each output size from the
 * input's with the functional op's one formula; the channel dimension is kept.
 */
package dev.shapetorch.nn.pooling;
