package dev.shapetorch.tensor;

/**
 * Runs a {@code torch.linalg} kernel and turns libtorch's refusal into a {@link TorchException}
 * that names the op and says what to do: a singular matrix, one that is not positive-definite,
 * an integer dtype, operands of two dtypes, an iteration that did not converge.
 */
final class LinalgFailures {
  private LinalgFailures() {}

  /**
   * What {@code body} returns; a libtorch error becomes a {@link TorchException} naming {@code
   * op} and {@code inputs}, with advice appended to the reason where libtorch's text calls for
   * it.
   */
  static <R> R run(String op, Natives.Body<R> body, Tensor... inputs) {
    try {
      return body.run();
    } catch (RuntimeException e) {
      RuntimeException f = Natives.fail(op, e, inputs);
      if (f instanceof TorchException t) {
        String advice = advice(t.reason());
        if (advice != null) {
          String reason = t.reason().strip();
          String joined = reason + (reason.endsWith(".") ? " " : ". ") + advice;
          throw new TorchException(op, joined, Natives.describe(inputs), e);
        }
      }
      throw f;
    }
  }

  /** As {@link #run}, for a kernel that makes one tensor. */
  static Tensor tensor(String op, Natives.NativeBody body, Tensor... inputs) {
    return run(op, () -> Tensor.wrap(body.run()), inputs);
  }

  /** The advice for libtorch's reason, or null where its text is enough. */
  static String advice(String reason) {
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    if (r.contains("singular")) {
      return "The matrix has no inverse (its rows are linearly dependent): check the input,"
          + " or make it invertible, e.g. by adding a small multiple of the identity.";
    }
    if (r.contains("positive-definite") || r.contains("positive definite")) {
      return "Cholesky needs a symmetric positive-definite matrix: check the input is symmetric,"
          + " or add a small multiple of the identity if it is only positive semi-definite.";
    }
    if (r.contains("same dtype")) {
      return "Convert both to one dtype first, e.g. b.to(a.dtype()).";
    }
    if (r.contains("floating point")) {
      return "Convert the input to a floating dtype first, e.g. x.to(DType.FLOAT32).";
    }
    if (r.contains("converge")) {
      return "The iterative algorithm did not converge: the input may hold NaN or infinite"
          + " values, or be very ill-conditioned; check it, or compute in FLOAT64.";
    }
    return null;
  }
}
