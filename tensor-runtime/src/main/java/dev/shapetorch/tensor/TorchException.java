package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
/**
 * libtorch refused an op (a {@code c10::Error}): an unsupported dtype, a device mismatch, an
 * argument out of range that no shape rule covers.
 *
 * <p>The message is short: the op, libtorch's one-line reason, and the inputs' dtypes and shapes,
 * e.g. {@code Torch.sqrt: "sqrt_vml_cpu" not implemented for 'Long' (inputs: int64[3])}. libtorch's
 * full text, with its C++ backtrace, is the {@linkplain #getCause() cause}.
 */
public final class TorchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String op;
  private final String reason;

  /**
   * An exception for a libtorch error.
   *
   * @param op the op that failed ({@code Torch.add}); when it ran inside another op of
   *     ShapeTorch's that the caller called, the message names that one ({@code Tensor.add},
   *     or {@code Linear.forward: Torch.linear})
   * @param reason libtorch's first line
   * @param inputs a description of the inputs ({@code float32[2, 3], int64[3]}), may be empty
   * @param cause the exception JavaCPP raised, carrying libtorch's full text (may be null)
   * @throws IllegalArgumentException if {@code op}, {@code reason} or {@code inputs} is null
   */
  public TorchException(String op, String reason, String inputs, Throwable cause) {
    this(UserCall.attribute(nonNull(op, "op")), nonNull(reason, "reason"),
        nonNull(inputs, "inputs"), cause, true);
  }

  /** An exception's constructor names no op on the stack, so it names itself. */
  private static String nonNull(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(
          "TorchException: " + name + " is null; pass a string (inputs may be \"\")");
    }
    return value;
  }

  private TorchException(
      String op, String reason, String inputs, Throwable cause, boolean attributed) {
    super(op + ": " + reason + (inputs.isEmpty() ? "" : " (inputs: " + inputs + ")"), cause);
    this.op = op;
    this.reason = reason;
  }

  /** The op that failed. */
  public String op() {
    return op;
  }

  /** libtorch's one-line reason, without the backtrace. */
  public String reason() {
    return reason;
  }
}
