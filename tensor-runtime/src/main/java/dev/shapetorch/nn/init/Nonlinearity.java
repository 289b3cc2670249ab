package dev.shapetorch.nn.init;

/**
 * The nonlinearities {@link Init#calculateGain} knows, as PyTorch's {@code nonlinearity}
 * strings ({@code "relu"}, {@code "leaky_relu"}, ...).
 */
public enum Nonlinearity {
  /** {@code "linear"}: gain 1. */
  LINEAR,
  /** {@code "conv1d"}: gain 1. */
  CONV1D,
  /** {@code "conv2d"}: gain 1. */
  CONV2D,
  /** {@code "conv3d"}: gain 1. */
  CONV3D,
  /** {@code "conv_transpose1d"}: gain 1. */
  CONV_TRANSPOSE1D,
  /** {@code "conv_transpose2d"}: gain 1. */
  CONV_TRANSPOSE2D,
  /** {@code "conv_transpose3d"}: gain 1. */
  CONV_TRANSPOSE3D,
  /** {@code "sigmoid"}: gain 1. */
  SIGMOID,
  /** {@code "tanh"}: gain 5/3. */
  TANH,
  /** {@code "relu"}: gain sqrt(2). */
  RELU,
  /** {@code "leaky_relu"}: gain sqrt(2 / (1 + slope^2)), slope 0.01 by default. */
  LEAKY_RELU,
  /** {@code "selu"}: gain 3/4. */
  SELU
}
