/**
 * Pooling layers: {@link dev.shapetorch.nn.pooling.MaxPool1d}, {@link
 * dev.shapetorch.nn.pooling.MaxPool2d}, {@link dev.shapetorch.nn.pooling.MaxPool3d}, {@link
 * dev.shapetorch.nn.pooling.AvgPool1d}, {@link dev.shapetorch.nn.pooling.AvgPool2d}, {@link
 * dev.shapetorch.nn.pooling.AvgPool3d}, the adaptive average poolings {@link
 * dev.shapetorch.nn.pooling.AdaptiveAvgPool1d}, {@link
 * dev.shapetorch.nn.pooling.AdaptiveAvgPool2d}, {@link
 * dev.shapetorch.nn.pooling.AdaptiveAvgPool3d} and the adaptive max poolings {@link
 * dev.shapetorch.nn.pooling.AdaptiveMaxPool1d}, {@link
 * dev.shapetorch.nn.pooling.AdaptiveMaxPool2d}, {@link
 * dev.shapetorch.nn.pooling.AdaptiveMaxPool3d} (values, or values and indices), as PyTorch's
 * {@code torch.nn.modules.pooling}.
 *
 * <p>Shape: a layer's type carries its kernel, stride, padding (and dilation, ceil mode; by name:
 * its {@code spec()}), the max and average pooling layers' {@code forward} declares a rule
 * ({@link dev.shapetorch.shapes.rules.Rule#MAX_POOL_LAYER}, {@link
 * dev.shapetorch.shapes.rules.Rule#AVG_POOL_LAYER}) that computes each output size from the
 * input's with the functional op's one formula; the channel dimension is kept. The adaptive
 * layers declare their output sizes with {@code @Shape}.
 */
package dev.shapetorch.nn.pooling;
