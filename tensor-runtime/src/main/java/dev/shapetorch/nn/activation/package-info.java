/**
 * Activation functions as modules, as PyTorch's {@code torch.nn} activations: {@link
 * dev.shapetorch.nn.activation.ReLU}, {@link dev.shapetorch.nn.activation.GELU}, {@link
 * dev.shapetorch.nn.activation.SiLU}, {@link dev.shapetorch.nn.activation.Softmax}, ... Each
 * wraps the {@code F} function of the same name, so a model written with modules and one written
 * with functions compute the same values.
 *
 * <p>Shape: every activation keeps its input's shape ({@code [*s] -> [*s]}); {@code Softmax} and
 * {@code LogSoftmax} normalise along the dimension they are given.
 */
package dev.shapetorch.nn.activation;
