/**
 * Containers of modules and parameters, as PyTorch's {@code torch.nn.modules.container}: {@link
 * dev.shapetorch.nn.containers.Sequential}, {@link dev.shapetorch.nn.containers.ModuleList} and
 * {@link dev.shapetorch.nn.containers.ModuleDict}; {@link
 * dev.shapetorch.nn.containers.ParameterList} and {@link
 * dev.shapetorch.nn.containers.ParameterDict}. Their children are named {@code 0}, {@code 1},
 * ... (lists) or by their keys (dicts), so parameters read {@code 0.weight}, {@code
 * heads.cls.bias}, ... as in PyTorch.
 *
 * <p>Shape: a {@code Sequential}'s {@code forward} is its children's, one after another; the
 * checker cannot follow a chain built at run time, so each child checks its input when it runs.
 */
package dev.shapetorch.nn.containers;
