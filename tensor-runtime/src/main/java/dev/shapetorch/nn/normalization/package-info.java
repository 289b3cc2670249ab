/**
 * Normalisation layers: {@link dev.shapetorch.nn.normalization.BatchNorm1d}, {@link
 * dev.shapetorch.nn.normalization.BatchNorm2d}, {@link
 * dev.shapetorch.nn.normalization.BatchNorm3d}, {@link
 * dev.shapetorch.nn.normalization.InstanceNorm1d}, {@link
 * dev.shapetorch.nn.normalization.InstanceNorm2d}, {@link
 * dev.shapetorch.nn.normalization.InstanceNorm3d}, {@link
 * dev.shapetorch.nn.normalization.LayerNorm}, {@link dev.shapetorch.nn.normalization.GroupNorm}
 * and {@link dev.shapetorch.nn.normalization.LocalResponseNorm}, as PyTorch's {@code
 * torch.nn.modules.batchnorm}, {@code instancenorm}, {@code normalization}.
 *
 * <p>Shape: every layer keeps its input's shape; its type carries the channel count (or
 * normalised shape) the input must have.
 */
package dev.shapetorch.nn.normalization;
