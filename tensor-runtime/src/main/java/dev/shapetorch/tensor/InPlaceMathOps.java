package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

/**
 * The in-place forms of the elementwise functions of one tensor ({@code x.sin_()}, {@code
 * x.log_()}, {@code x.round_()}, ...), each on libtorch's in-place kernel. They return this
 * tensor; the receiver keeps its dtype, so a floating function of an integer tensor is libtorch's
 * {@link TorchException} (PyTorch refuses the same), as is an in-place change of a leaf that
 * requires grad.
 *
 * <p>Shape: unchanged.
 */
final class InPlaceMathOps {
  private InPlaceMathOps() {}

  /** A libtorch in-place method of one native tensor, as {@code Tensor::sin_}. */
  @FunctionalInterface
  private interface InPlace {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor self);
  }

  private static Tensor inPlace(String op, Tensor self, InPlace f) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try {
      f.apply(h); // returns a reference to h itself: nothing new to own
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  /** {@code Torch.sin} in place, as {@code x.sin_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sin_(Tensor self) {
    return inPlace("Tensor.sin_", self, org.bytedeco.pytorch.Tensor::sin_);
  }

  /** {@code Torch.cos} in place, as {@code x.cos_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor cos_(Tensor self) {
    return inPlace("Tensor.cos_", self, org.bytedeco.pytorch.Tensor::cos_);
  }

  /** {@code Torch.tan} in place, as {@code x.tan_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor tan_(Tensor self) {
    return inPlace("Tensor.tan_", self, org.bytedeco.pytorch.Tensor::tan_);
  }

  /** {@code Torch.asin} in place, as {@code x.asin_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor asin_(Tensor self) {
    return inPlace("Tensor.asin_", self, org.bytedeco.pytorch.Tensor::asin_);
  }

  /** {@code Torch.acos} in place, as {@code x.acos_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor acos_(Tensor self) {
    return inPlace("Tensor.acos_", self, org.bytedeco.pytorch.Tensor::acos_);
  }

  /** {@code Torch.atan} in place, as {@code x.atan_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor atan_(Tensor self) {
    return inPlace("Tensor.atan_", self, org.bytedeco.pytorch.Tensor::atan_);
  }

  /** {@code Torch.sinh} in place, as {@code x.sinh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sinh_(Tensor self) {
    return inPlace("Tensor.sinh_", self, org.bytedeco.pytorch.Tensor::sinh_);
  }

  /** {@code Torch.cosh} in place, as {@code x.cosh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor cosh_(Tensor self) {
    return inPlace("Tensor.cosh_", self, org.bytedeco.pytorch.Tensor::cosh_);
  }

  /** {@code Torch.tanh} in place, as {@code x.tanh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor tanh_(Tensor self) {
    return inPlace("Tensor.tanh_", self, org.bytedeco.pytorch.Tensor::tanh_);
  }

  /** {@code Torch.asinh} in place, as {@code x.asinh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor asinh_(Tensor self) {
    return inPlace("Tensor.asinh_", self, org.bytedeco.pytorch.Tensor::asinh_);
  }

  /** {@code Torch.acosh} in place, as {@code x.acosh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor acosh_(Tensor self) {
    return inPlace("Tensor.acosh_", self, org.bytedeco.pytorch.Tensor::acosh_);
  }

  /** {@code Torch.atanh} in place, as {@code x.atanh_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor atanh_(Tensor self) {
    return inPlace("Tensor.atanh_", self, org.bytedeco.pytorch.Tensor::atanh_);
  }

  /** {@code Torch.log} in place, as {@code x.log_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor log_(Tensor self) {
    return inPlace("Tensor.log_", self, org.bytedeco.pytorch.Tensor::log_);
  }

  /** {@code Torch.log2} in place, as {@code x.log2_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor log2_(Tensor self) {
    return inPlace("Tensor.log2_", self, org.bytedeco.pytorch.Tensor::log2_);
  }

  /** {@code Torch.log10} in place, as {@code x.log10_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor log10_(Tensor self) {
    return inPlace("Tensor.log10_", self, org.bytedeco.pytorch.Tensor::log10_);
  }

  /** {@code Torch.log1p} in place, as {@code x.log1p_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor log1p_(Tensor self) {
    return inPlace("Tensor.log1p_", self, org.bytedeco.pytorch.Tensor::log1p_);
  }

  /** {@code Torch.expm1} in place, as {@code x.expm1_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor expm1_(Tensor self) {
    return inPlace("Tensor.expm1_", self, org.bytedeco.pytorch.Tensor::expm1_);
  }

  /** {@code Torch.exp2} in place, as {@code x.exp2_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor exp2_(Tensor self) {
    return inPlace("Tensor.exp2_", self, org.bytedeco.pytorch.Tensor::exp2_);
  }

  /** {@code Torch.floor} in place, as {@code x.floor_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor floor_(Tensor self) {
    return inPlace("Tensor.floor_", self, org.bytedeco.pytorch.Tensor::floor_);
  }

  /** {@code Torch.ceil} in place, as {@code x.ceil_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor ceil_(Tensor self) {
    return inPlace("Tensor.ceil_", self, org.bytedeco.pytorch.Tensor::ceil_);
  }

  /** {@code Torch.round} in place, as {@code x.round_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor round_(Tensor self) {
    return inPlace("Tensor.round_", self, org.bytedeco.pytorch.Tensor::round_);
  }

  /** {@code Torch.trunc} in place, as {@code x.trunc_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor trunc_(Tensor self) {
    return inPlace("Tensor.trunc_", self, org.bytedeco.pytorch.Tensor::trunc_);
  }

  /** {@code Torch.frac} in place, as {@code x.frac_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor frac_(Tensor self) {
    return inPlace("Tensor.frac_", self, org.bytedeco.pytorch.Tensor::frac_);
  }

  /** {@code Torch.sign} in place, as {@code x.sign_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sign_(Tensor self) {
    return inPlace("Tensor.sign_", self, org.bytedeco.pytorch.Tensor::sign_);
  }

  /** {@code Torch.sgn} in place, as {@code x.sgn_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sgn_(Tensor self) {
    return inPlace("Tensor.sgn_", self, org.bytedeco.pytorch.Tensor::sgn_);
  }

  /** {@code Torch.reciprocal} in place, as {@code x.reciprocal_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor reciprocal_(Tensor self) {
    return inPlace("Tensor.reciprocal_", self, org.bytedeco.pytorch.Tensor::reciprocal_);
  }

  /** {@code Torch.rsqrt} in place, as {@code x.rsqrt_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor rsqrt_(Tensor self) {
    return inPlace("Tensor.rsqrt_", self, org.bytedeco.pytorch.Tensor::rsqrt_);
  }

  /** {@code Torch.square} in place, as {@code x.square_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor square_(Tensor self) {
    return inPlace("Tensor.square_", self, org.bytedeco.pytorch.Tensor::square_);
  }

  /** {@code Torch.erf} in place, as {@code x.erf_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor erf_(Tensor self) {
    return inPlace("Tensor.erf_", self, org.bytedeco.pytorch.Tensor::erf_);
  }

  /** {@code Torch.erfc} in place, as {@code x.erfc_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor erfc_(Tensor self) {
    return inPlace("Tensor.erfc_", self, org.bytedeco.pytorch.Tensor::erfc_);
  }

  /** {@code Torch.erfinv} in place, as {@code x.erfinv_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor erfinv_(Tensor self) {
    return inPlace("Tensor.erfinv_", self, org.bytedeco.pytorch.Tensor::erfinv_);
  }

  /** {@code Torch.sinc} in place, as {@code x.sinc_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor sinc_(Tensor self) {
    return inPlace("Tensor.sinc_", self, org.bytedeco.pytorch.Tensor::sinc_);
  }

  /** {@code Torch.deg2rad} in place, as {@code x.deg2rad_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor deg2rad_(Tensor self) {
    return inPlace("Tensor.deg2rad_", self, org.bytedeco.pytorch.Tensor::deg2rad_);
  }

  /** {@code Torch.rad2deg} in place, as {@code x.rad2deg_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor rad2deg_(Tensor self) {
    return inPlace("Tensor.rad2deg_", self, org.bytedeco.pytorch.Tensor::rad2deg_);
  }

  /** {@code Torch.digamma} in place, as {@code x.digamma_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor digamma_(Tensor self) {
    return inPlace("Tensor.digamma_", self, org.bytedeco.pytorch.Tensor::digamma_);
  }

  /** {@code Torch.lgamma} in place, as {@code x.lgamma_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor lgamma_(Tensor self) {
    return inPlace("Tensor.lgamma_", self, org.bytedeco.pytorch.Tensor::lgamma_);
  }

  /** {@code Torch.i0} in place, as {@code x.i0_()}. Shape: unchanged. */
  @Variants(Variant.METHOD)
  static Tensor i0_(Tensor self) {
    return inPlace("Tensor.i0_", self, org.bytedeco.pytorch.Tensor::i0_);
  }
}
