package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;

/**
 * The masks' dtypes, checked before libtorch sees them, under the module's op ({@code
 * TransformerDecoder.forward}). Their shapes are the rules' ({@link
 * dev.shapetorch.shapes.rules.MaskRules}), checked by each module's forward contract.
 */
final class TransformerChecks {
  private TransformerChecks() {}

  /**
   * A mask's dtype: null (no mask), boolean or floating, as PyTorch takes them. A {@code uint8}
   * mask, which PyTorch 1.13 converts to boolean with a deprecation warning, is refused: convert
   * it.
   *
   * @param boolMeaning what true means, for the message ({@code "true: not allowed"})
   * @throws IllegalArgumentException for another dtype
   */
  static void maskDType(String op, String name, Tensor mask, String boolMeaning) {
    if (mask == null) {
      return;
    }
    DType dt = mask.dtype();
    if (dt != DType.BOOL && !dt.isFloatingPoint()) {
      throw Arguments.invalid(op, name + " is " + dt + "; a mask is boolean (" + boolMeaning
          + ") or floating (added to the scores)" + (dt == DType.UINT8
              ? ": convert a uint8 mask with .to(DType.BOOL) (PyTorch deprecates uint8 masks)"
              : ": convert it with .to(DType.BOOL) or to the inputs' floating dtype"));
    }
  }

  /** {@link #maskDType} on an attention mask. */
  static void attnMaskDType(String op, String name, Tensor mask) {
    maskDType(op, name, mask, "true: not allowed");
  }

  /** {@link #maskDType} on a key padding mask. */
  static void paddingMaskDType(String op, String name, Tensor mask) {
    maskDType(op, name, mask, "true: padding, ignored");
  }
}
