package dev.shapetorch.nn;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;

/**
 * A non-trainable tensor of a module's state (PyTorch's {@code register_buffer}), such as
 * BatchNorm's running mean. It moves with the module ({@link Module#to}) and, when
 * persistent, appears in {@link Module#stateDict()}.
 *
 * <p>A final holder whose tensor can be replaced ({@link #set}); layers that update a buffer
 * do so in place. The held tensor never requires a gradient.
 *
 * <p>Shape: the held tensor's shape never changes: {@link #set} with another shape throws.
 */
public final class Buffer {
  private final boolean persistent;
  private Tensor value;

  /** A persistent buffer holding {@code data} detached from any graph. */
  public Buffer(Tensor data) {
    this(data, true);
  }

  /**
   * A buffer holding {@code data} detached from any graph.
   *
   * @param persistent false to leave it out of the state dict
   */
  public Buffer(Tensor data, boolean persistent) {
    this.persistent = persistent;
    this.value = detached(Arguments.requireNonNull(data, "data"));
  }

  /** The current tensor. */
  public Tensor get() {
    return value;
  }

  /**
   * Replaces the tensor (detached).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.buffer]} if the new
   *     value's shape differs from the current one
   */
  public void set(Tensor newValue) {
    Arguments.requireNonNull(newValue, "newValue");
    StateChecks.requireSameShape("Buffer.set", "buffer", value, newValue);
    value = detached(newValue);
  }

  /** True if the buffer is saved in, and loaded from, the state dict. */
  public boolean persistent() {
    return persistent;
  }

  /** The held tensor's sizes. */
  public long[] shape() {
    return value.shape();
  }

  private static Tensor detached(Tensor t) {
    Tensor d = t.detach();
    StateChecks.keep(d);
    return d;
  }

  @Override
  public String toString() {
    return "Buffer containing:\n" + value;
  }
}
