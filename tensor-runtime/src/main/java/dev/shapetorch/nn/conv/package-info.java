/**
 * Convolutions: {@link dev.shapetorch.nn.conv.Conv1d}, {@link dev.shapetorch.nn.conv.Conv2d} and
 * {@link dev.shapetorch.nn.conv.ConvTranspose2d}, as PyTorch's {@code torch.nn.modules.conv}.
 *
 * <p>Shape: a layer's type carries its channels, kernel, stride, padding and dilation (by name:
 * its {@code spec()}), and its {@code forward} declares a rule ({@link
 * dev.shapetorch.shapes.rules.Rule#CONV_LAYER}, {@link
 * dev.shapetorch.shapes.rules.Rule#CONV_TRANSPOSE_LAYER}) that computes each output size from the
 * input's with the functional op's one formula ({@code (H + 2*P - D*(K-1) - 1)/S + 1} for a
 * convolution), at compile time and at run time.
 */
package dev.shapetorch.nn.conv;
