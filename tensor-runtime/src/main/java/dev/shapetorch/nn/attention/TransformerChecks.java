package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * The masks of the transformer modules, checked before libtorch sees them, under the module's
 * op ({@code TransformerDecoder.forward}) and with the shapes of the sequences they mask.
 */
final class TransformerChecks {
  private TransformerChecks() {}

  /**
   * An attention mask for queries {@code [L]} over keys {@code [S]}: null, or boolean (true:
   * not allowed) or floating (added to the scores), {@code [L, S]} or {@code [N*Heads, L, S]}.
   *
   * @param seqs what the sizes come from, for the message ({@code "tgt [3, 2, 8]"})
   * @throws ShapeException {@code [shape.mismatch.argument]} for another shape
   * @throws IllegalArgumentException for another dtype
   */
  static void attnMask(String op, String name, Tensor mask, long l, long s, long batchHeads,
      String seqs) {
    if (mask == null) {
      return;
    }
    DType dt = mask.dtype();
    if (dt != DType.BOOL && !dt.isFloatingPoint()) {
      throw Arguments.invalid(op, name + " must be boolean (true: not allowed) or floating"
          + " (added to the scores), got " + dt);
    }
    long[] shape = mask.shape();
    boolean ok = shape.length == 2 ? shape[0] == l && shape[1] == s
        : shape.length == 3 && shape[0] == batchHeads && shape[1] == l && shape[2] == s;
    if (!ok) {
      throw new ShapeException(new ShapeMismatch(MessageKeys.MISMATCH_ARGUMENT, op,
          name + " " + Arrays.toString(shape) + " must be [" + l + ", " + s + "] (or ["
              + batchHeads + ", " + l + ", " + s + "], one per batch entry and head) for "
              + seqs, -1, -1));
    }
  }

  /**
   * A key padding mask over {@code n} sequences of {@code s} keys: null, or boolean {@code [N,
   * S]} (true: padding).
   *
   * @throws ShapeException {@code [shape.mismatch.argument]} for another shape
   * @throws IllegalArgumentException for another dtype
   */
  static void keyPaddingMask(String op, String name, Tensor mask, long n, long s,
      String seqs) {
    if (mask == null) {
      return;
    }
    if (mask.dtype() != DType.BOOL) {
      throw Arguments.invalid(op, name + " must be boolean (true: padding), got "
          + mask.dtype());
    }
    long[] shape = mask.shape();
    if (shape.length != 2 || shape[0] != n || shape[1] != s) {
      throw new ShapeException(new ShapeMismatch(MessageKeys.MISMATCH_ARGUMENT, op,
          name + " " + Arrays.toString(shape) + " must be [N, S] = [" + n + ", " + s + "] for "
              + seqs, -1, -1));
    }
  }

  /** {@code "tgt [3, 2, 8]"}. */
  static String describe(String name, Tensor t) {
    return name + " " + Arrays.toString(t.shape());
  }
}
