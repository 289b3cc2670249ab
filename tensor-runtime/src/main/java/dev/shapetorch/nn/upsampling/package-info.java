/**
 * Upsampling layers, as in PyTorch's {@code torch/nn/modules/upsampling.py}: {@link
 * dev.shapetorch.nn.upsampling.Upsample} (a size or a scale factor, nearest or bilinear) and the
 * older fixed-mode {@link dev.shapetorch.nn.upsampling.UpsamplingNearest2d} and {@link
 * dev.shapetorch.nn.upsampling.UpsamplingBilinear2d}, all over {@code F.interpolate}.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, the spatial sizes set or scaled.
 */
package dev.shapetorch.nn.upsampling;
