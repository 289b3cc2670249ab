package dev.shapetorch.nn.init;

/** Which fan Kaiming initialisation preserves: PyTorch's {@code mode="fan_in"/"fan_out"}. */
public enum FanMode {
  /** Preserves the variance of activations in the forward pass (PyTorch's default). */
  FAN_IN,
  /** Preserves the variance of gradients in the backward pass. */
  FAN_OUT
}
