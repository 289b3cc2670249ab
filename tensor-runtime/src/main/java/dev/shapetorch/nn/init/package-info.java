/**
 * Parameter initialisation, as PyTorch's {@code torch.nn.init}: {@link
 * dev.shapetorch.nn.init.Init#kaimingUniform_ Init.kaimingUniform_}, {@link
 * dev.shapetorch.nn.init.Init#xavierNormal_ Init.xavierNormal_}, {@link
 * dev.shapetorch.nn.init.Init#orthogonal_ Init.orthogonal_}, {@link
 * dev.shapetorch.nn.init.Init#calculateGain Init.calculateGain}, ...
 *
 * <p>Every function fills its tensor in place without recording gradients (so it works on a
 * parameter that requires a gradient), draws from libtorch's generator (seeded by {@code
 * Torch.manualSeed}) and returns the tensor.
 *
 * <pre>{@code
 * var layer = new Linear(784, 128);
 * Init.kaimingNormal_(layer.weight().get(), 0, FanMode.FAN_OUT, Nonlinearity.RELU);
 * Init.zeros_(layer.bias().get());
 * }</pre>
 */
package dev.shapetorch.nn.init;

