/**
 * Containers of modules: {@link dev.shapetorch.nn.containers.Sequential} and {@link
 * dev.shapetorch.nn.containers.ModuleList}, as PyTorch's {@code torch.nn.modules.container}.
 * Their children's parameters are named {@code 0.weight}, {@code 1.bias}, ... as in PyTorch.
 *
 * <p>Shape: a {@code Sequential}'s {@code forward} is its children's, one after another; the
 * checker cannot follow a chain built at run time, so each child checks its input when it runs.
 */
package dev.shapetorch.nn.containers;
