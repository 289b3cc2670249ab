package dev.shapetorch.tensor;

import java.util.Arrays;
import java.util.Random;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * One random convolution for the differential tests: the kind, the sizes, the hyperparameters
 * and the layouts, drawn from a seed and an index so that any failing configuration reproduces
 * alone ({@link #generate}). Sizes are small, so that outputs of a few elements and padding that
 * covers most of the input are common: the corners where kernels go wrong.
 */
record ConvConfig(
    long seed, int index, ConvRouting.Kind kind, long batch, boolean unbatched, long groups,
    long inChannels, long outChannels, long[] kernel, long[] stride, long[] padding,
    long[] dilation, long[] outputPadding, long[] inputSize, boolean inputChannelsLast,
    boolean weightChannelsLast, boolean withBias) {

  /** The configuration number {@code index} of the sequence that {@code seed} draws. */
  static ConvConfig generate(long seed, int index) {
    Random r = new Random(seed * 1_000_003L + index);
    ConvRouting.Kind kind = ConvRouting.Kind.values()[r.nextInt(3)];
    int spatial = kind == ConvRouting.Kind.CONV1D ? 1 : 2;
    long groups = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
    long in = groups * (1 + r.nextInt(4));
    long out = groups * (1 + r.nextInt(4));
    long batch = 1 + r.nextInt(3);
    boolean unbatched = r.nextInt(8) == 0;
    long[] k = new long[spatial];
    long[] s = new long[spatial];
    long[] p = new long[spatial];
    long[] d = new long[spatial];
    long[] op = new long[spatial];
    long[] size = new long[spatial];
    boolean same = kind != ConvRouting.Kind.CONV_TRANSPOSE2D && r.nextInt(5) == 0;
    for (int j = 0; j < spatial; j++) {
      k[j] = 1 + r.nextInt(5);
      d[j] = r.nextInt(3) == 0 ? 2 + r.nextInt(2) : 1;
      if (same) {
        // PyTorch's padding="same" for an odd effective kernel: stride 1, symmetric padding.
        if ((d[j] * (k[j] - 1)) % 2 == 1) {
          k[j]++;
        }
        s[j] = 1;
        p[j] = d[j] * (k[j] - 1) / 2;
      } else {
        s[j] = 1 + r.nextInt(3);
        p[j] = r.nextInt(3);
      }
      long effective = d[j] * (k[j] - 1) + 1;
      if (kind == ConvRouting.Kind.CONV_TRANSPOSE2D) {
        op[j] = r.nextInt((int) Math.max(s[j], d[j]));
        size[j] = 1 + r.nextInt(6);
        long outSize = (size[j] - 1) * s[j] - 2 * p[j] + effective + op[j];
        if (outSize < 1) {
          p[j] = 0;
        }
      } else {
        long smallest = Math.max(1, effective - 2 * p[j]);
        size[j] = smallest + r.nextInt(7);
      }
    }
    boolean twoD = spatial == 2 && !unbatched;
    return new ConvConfig(seed, index, kind, batch, unbatched, groups, in, out, k, s, p, d, op,
        size, twoD && r.nextBoolean(), twoD && r.nextBoolean(), r.nextInt(4) != 0);
  }

  long[] inputShape() {
    long[] shape = new long[inputSize.length + (unbatched ? 1 : 2)];
    int i = 0;
    if (!unbatched) {
      shape[i++] = batch;
    }
    shape[i++] = inChannels;
    for (long v : inputSize) {
      shape[i++] = v;
    }
    return shape;
  }

  long[] weightShape() {
    long[] shape = new long[kernel.length + 2];
    if (kind == ConvRouting.Kind.CONV_TRANSPOSE2D) {
      shape[0] = inChannels;
      shape[1] = outChannels / groups;
    } else {
      shape[0] = outChannels;
      shape[1] = inChannels / groups;
    }
    System.arraycopy(kernel, 0, shape, 2, kernel.length);
    return shape;
  }

  @Override
  public String toString() {
    return kind + " seed=" + seed + " index=" + index + " input=" + Arrays.toString(inputShape())
        + (inputChannelsLast ? " (channels-last)" : "") + " weight="
        + Arrays.toString(weightShape()) + (weightChannelsLast ? " (channels-last)" : "")
        + " bias=" + withBias + " groups=" + groups + " stride=" + Arrays.toString(stride)
        + " padding=" + Arrays.toString(padding) + " dilation=" + Arrays.toString(dilation)
        + (kind == ConvRouting.Kind.CONV_TRANSPOSE2D
            ? " outputPadding=" + Arrays.toString(outputPadding) : "");
  }

  /** The values of one run: the result and the gradients of input, weight and bias (float64). */
  record Values(org.bytedeco.pytorch.Tensor[] all) {
    static final String[] NAMES = {"output", "grad input", "grad weight", "grad bias"};
  }

  /**
   * Runs the convolution straight through libtorch (no ShapeTorch routing) in {@code dtype} and
   * back-propagates {@link #gradient}: the reference side of a comparison. The inputs are
   * {@code x}, {@code w}, {@code b} converted and laid out as this configuration says.
   */
  Values runLibtorch(org.bytedeco.pytorch.Tensor x0, org.bytedeco.pytorch.Tensor w0,
      org.bytedeco.pytorch.Tensor b0, ScalarType dtype) {
    var x = layout(x0.to(dtype).detach(), inputChannelsLast);
    var w = layout(w0.to(dtype).detach(), weightChannelsLast);
    var b = withBias ? b0.to(dtype).detach() : null;
    x.requires_grad_(true);
    w.requires_grad_(true);
    if (b != null) {
      b.requires_grad_(true);
    }
    TensorOptional bias = b == null ? new TensorOptional() : new TensorOptional(b);
    var out = switch (kind) {
      case CONV1D -> torch.conv1d(x, w, bias, stride, padding, dilation, groups);
      case CONV2D -> torch.conv2d(x, w, bias, stride, padding, dilation, groups);
      case CONV_TRANSPOSE2D -> torch.conv_transpose2d(x, w, bias, stride, padding,
          outputPadding, groups, dilation);
      default -> throw new IllegalStateException("ConvConfig draws no " + kind);
    };
    out.backward(gradient(out), new BoolOptional(), false, new TensorArrayRefOptional());
    return new Values(new org.bytedeco.pytorch.Tensor[] {
        out.detach().to(ScalarType.Double), x.grad().to(ScalarType.Double),
        w.grad().to(ScalarType.Double), b == null ? null : b.grad().to(ScalarType.Double)});
  }

  /** Runs the convolution through ShapeTorch's public API in float32, as a user would. */
  Values runShapeTorch(org.bytedeco.pytorch.Tensor x0, org.bytedeco.pytorch.Tensor w0,
      org.bytedeco.pytorch.Tensor b0) {
    return runShapeTorch(x0, w0, b0, ScalarType.Float);
  }

  /** Runs the convolution through ShapeTorch's public API in {@code dtype}, as a user would. */
  Values runShapeTorch(org.bytedeco.pytorch.Tensor x0, org.bytedeco.pytorch.Tensor w0,
      org.bytedeco.pytorch.Tensor b0, ScalarType dtype) {
    var x = Tensor.wrap(layout(x0.to(dtype).detach(), inputChannelsLast)).requiresGrad_(true);
    var w = Tensor.wrap(layout(w0.to(dtype).detach(), weightChannelsLast)).requiresGrad_(true);
    var b = withBias ? Tensor.wrap(b0.to(dtype).detach()).requiresGrad_(true) : null;
    Tensor out = switch (kind) {
      case CONV1D -> Torch.conv1d(x, w, b, stride[0], padding[0], dilation[0], groups);
      case CONV2D -> Torch.conv2d(x, w, b, stride, padding, dilation, groups);
      case CONV_TRANSPOSE2D -> Torch.convTranspose2d(x, w, b, stride, padding, outputPadding,
          groups, dilation);
      default -> throw new IllegalStateException("ConvConfig draws no " + kind);
    };
    out.backward(Tensor.wrap(gradient(out.h())));
    return new Values(new org.bytedeco.pytorch.Tensor[] {
        out.h().detach().to(ScalarType.Double), x.grad().h().to(ScalarType.Double),
        w.grad().h().to(ScalarType.Double), b == null ? null : b.grad().h().to(ScalarType.Double)});
  }

  /** A fixed, non-uniform gradient for the result, so every output element weighs differently. */
  static org.bytedeco.pytorch.Tensor gradient(org.bytedeco.pytorch.Tensor out) {
    try (Scalar n = new Scalar(out.numel()); Scalar third = new Scalar(1.0 / 3)) {
      return torch.cos(torch.arange(n).to(out.scalar_type()).mul(third)).reshape(out.sizes());
    }
  }

  private static org.bytedeco.pytorch.Tensor layout(org.bytedeco.pytorch.Tensor t,
      boolean channelsLast) {
    return channelsLast ? t.contiguous(torch.MemoryFormat.ChannelsLast) : t.contiguous();
  }

  /**
   * The largest difference between {@code actual} and {@code expected}, relative to the largest
   * magnitude in {@code expected} (at least 1), per value; null when all are within {@code tol}.
   */
  static String compare(Values actual, Values expected, double tol) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < actual.all().length; i++) {
      var a = actual.all()[i];
      var e = expected.all()[i];
      if (a == null || e == null) {
        continue;
      }
      if (!Arrays.equals(a.sizes().vec().get(), e.sizes().vec().get())) {
        sb.append(Values.NAMES[i]).append(" shape ").append(Arrays.toString(a.sizes().vec().get()))
            .append(" expected ").append(Arrays.toString(e.sizes().vec().get())).append("; ");
        continue;
      }
      if (e.numel() == 0) {
        continue;
      }
      double scale = Math.max(1, e.abs().max().item_double());
      double diff = torch.sub(a, e).abs().max().item_double() / scale;
      if (!(diff <= tol)) {
        sb.append(Values.NAMES[i]).append(String.format(" off by %.3g (relative); ", diff));
      }
    }
    return sb.length() == 0 ? null : sb.toString().strip();
  }
}
