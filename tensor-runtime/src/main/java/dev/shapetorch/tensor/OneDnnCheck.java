package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeTensors;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Checks, once per geometry, that libtorch's oneDNN convolution computes what the reference
 * path computes on this machine: the forward result and the input, weight and bias gradients of
 * {@code aten::convolution_backward} (the input's only where it is wanted), on made-up values (sines of different phases, so no two
 * elements weigh alike), compared with {@link ReferenceConvolution}. Uses no random numbers, so
 * a user's seeded run stays reproducible, and records no autograd graph.
 */
final class OneDnnCheck {

  private static final System.Logger LOG = System.getLogger("dev.shapetorch.conv");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private OneDnnCheck() {}

  /**
   * True when oneDNN's values agree with the reference path's for this geometry; false when they
   * differ or oneDNN refuses the geometry (the reference path then gives the answer or the error).
   */
  static boolean agreesOrFails(ConvRouting.Geometry g) {
    try {
      return agrees(g);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG,
          "oneDNN check of " + g + " failed: " + NativeTensors.firstLine(e.getMessage()));
      return false;
    }
  }

  private static boolean agrees(ConvRouting.Geometry g) {
    try (PointerScope scope = new PointerScope()) {
      ScalarType dtype = ScalarType.Float;
      for (ScalarType t : ScalarType.values()) {
        if (t.value == g.dtype()) {
          dtype = t;
        }
      }
      var x = madeUp(g.input(), 0.0, dtype, g.inputChannelsLast());
      var w = madeUp(g.weight(), 1.0, dtype, g.weightChannelsLast());
      var b = g.withBias() ? madeUp(new long[] {g.weight()[0]}, 2.0, dtype, false) : null;
      long[] dilation = {1, 1};
      var fast = torch.conv2d(x, w, b == null ? new TensorOptional() : new TensorOptional(b),
          g.stride(), g.padding(), dilation, 1);
      var gradOut = madeUp(fast.sizes().vec().get(), 3.0, dtype, false)
          .contiguous(fast.suggest_memory_format());
      var reference = ReferenceConvolution.conv2d(x, w, b, g.stride(), g.padding(), dilation, 1);
      var referenceGrads = ReferenceConvolution.conv2dBackward(gradOut, x, w, g.inputGradient(),
          g.withBias(), g.stride(), g.padding(), dilation, 1);
      scope.attach(reference);
      for (var t : referenceGrads) {
        if (t != null) {
          scope.attach(t);
        }
      }
      BoolPointer mask = new BoolPointer(3);
      mask.put(0, g.inputGradient()).put(1, true).put(2, g.withBias());
      T_TensorTensorTensor_T fastGrads = torch.convolution_backward(gradOut, x, w,
          g.withBias() ? new long[] {g.weight()[0]} : null, g.stride(), g.padding(), dilation,
          false, new long[] {0, 0}, 1, mask);
      double tol = tolerance(dtype);
      return close(fast, reference, tol)
          && (!g.inputGradient() || close(fastGrads.get0(), referenceGrads[0], tol))
          && close(fastGrads.get1(), referenceGrads[1], tol)
          && (!g.withBias() || close(fastGrads.get2(), referenceGrads[2], tol));
    }
  }

  /** Says once per process that a geometry was rerouted, and each one at DEBUG level. */
  static void warn(ConvRouting.Geometry g) {
    String message = "ShapeTorch: libtorch's oneDNN convolution disagreed with the reference path"
        + " for " + g + " on this CPU; that geometry now runs on ShapeTorch's reference"
        + " convolution (docs/runtime.md, \"Convolutions and oneDNN\")";
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, message);
    } else {
      LOG.log(Level.DEBUG, message);
    }
  }

  /** sin(0.37 i + phase) laid out as asked. */
  private static org.bytedeco.pytorch.Tensor madeUp(long[] sizes, double phase,
      ScalarType dtype, boolean channelsLast) {
    long n = 1;
    for (long s : sizes) {
      n *= s;
    }
    var t = torch.arange(new Scalar(n)).to(ScalarType.Double).mul(new Scalar(0.37))
        .add(new Scalar(phase)).sin().to(dtype).reshape(sizes);
    return channelsLast ? t.contiguous(torch.MemoryFormat.ChannelsLast) : t.contiguous();
  }

  /**
   * Rounding differences between two correct float32 convolutions are ~1e-6 of the largest
   * magnitude; the wrong kernels seen were off by 0.1 to 1.
   */
  private static double tolerance(ScalarType dtype) {
    if (dtype.value == ScalarType.BFloat16.value) {
      return 5e-2;
    }
    return dtype.value == ScalarType.Half.value ? 1e-2 : 1e-3;
  }

  private static boolean close(org.bytedeco.pytorch.Tensor a, org.bytedeco.pytorch.Tensor b,
      double tol) {
    if (!a.defined() || b == null) {
      return a.defined() == (b != null);
    }
    if (!java.util.Arrays.equals(a.sizes().vec().get(), b.sizes().vec().get())) {
      return false;
    }
    if (a.numel() == 0) {
      return true;
    }
    var a64 = a.to(ScalarType.Double);
    var b64 = b.to(ScalarType.Double);
    double scale = Math.max(1e-30, b64.abs().max().item_double());
    double diff = a64.sub(b64).abs().max().item_double();
    return diff <= tol * Math.max(1.0, scale);
  }
}
