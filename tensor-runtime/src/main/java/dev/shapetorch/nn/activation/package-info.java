/**
 * Activation functions as modules, as PyTorch's {@code torch.nn} activations: {@link
 * dev.shapetorch.nn.activation.ReLU}, {@link dev.shapetorch.nn.activation.GELU}, {@link
 * dev.shapetorch.nn.activation.SiLU}, {@link dev.shapetorch.nn.activation.Softmax}, {@link
 * dev.shapetorch.nn.activation.Softmax2d}, ... Each
 * wraps the {@code F} function of the same name, so a model written with modules and one written
 * with functions compute the same values.
 *
 * <p>Shape: every activation but {@link dev.shapetorch.nn.activation.GLU} keeps its input's
 * shape ({@code [*s] -> [*s]}); {@code Softmax}, {@code LogSoftmax} and {@code Softmin}
 * normalise along the dimension they are given; {@code GLU} halves the dimension it is given,
 * whose size must be even. {@link dev.shapetorch.nn.activation.PReLU} is the one with a
 * parameter, its slopes {@code weight}.
 */
package dev.shapetorch.nn.activation;
