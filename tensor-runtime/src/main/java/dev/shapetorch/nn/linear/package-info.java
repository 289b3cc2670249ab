/**
 * Layers over feature vectors: {@link dev.shapetorch.nn.linear.Linear}, {@link
 * dev.shapetorch.nn.linear.Bilinear}, {@link dev.shapetorch.nn.linear.Identity}, {@link
 * dev.shapetorch.nn.linear.Flatten} and {@link dev.shapetorch.nn.linear.Unflatten}, as
 * PyTorch's {@code torch.nn.modules.linear} and {@code flatten}.
 *
 * <p>Shape: {@code Linear}'s type carries its feature counts: a {@code @Shape({"784", "128"})
 * Linear} maps {@code [*batch, 784]} to {@code [*batch, 128]}.
 */
package dev.shapetorch.nn.linear;
