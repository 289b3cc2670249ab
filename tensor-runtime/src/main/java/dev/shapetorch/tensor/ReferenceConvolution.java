package dev.shapetorch.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Convolutions computed from ATen's unfold kernels and a matrix product ({@code im2col}, BLAS
 * {@code matmul}, {@code col2im}): the way libtorch's own reference path ({@code slow_conv2d})
 * computes them, and never through oneDNN. Autograd differentiates the result through the same
 * kernels ({@code im2col}'s derivative is {@code col2im} and the reverse), so gradients stay off
 * oneDNN too.
 *
 * <p>Why: libtorch 2.10's oneDNN convolution kernels return wrong values, and for some
 * configurations crash the JVM, on some CPUs (see docs/runtime.md, "Convolutions and oneDNN").
 * {@link ConvRouting} decides which calls come here; everything here works on CPU tensors of a
 * floating dtype, batched (the callers add and remove the batch dim of unbatched input).
 *
 * <p>Every intermediate native tensor is released before returning; autograd keeps what it
 * needs through its own references.
 */
final class ReferenceConvolution {

  private ReferenceConvolution() {}

  /**
   * {@code conv1d} of an {@code [N, Cin, L]} or unbatched {@code [Cin, L]} input with a {@code
   * [Cout, Cin/groups, K]} weight, as a 2-D convolution over a height of 1.
   */
  static org.bytedeco.pytorch.Tensor conv1d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long stride,
      long padding, long dilation, long groups) {
    return withBatch(input, 3, x -> {
      try (Temporaries tmp = new Temporaries()) {
        var x2 = tmp.add(x.unsqueeze(2));
        var w2 = tmp.add(weight.unsqueeze(2));
        var out = tmp.add(conv2d(x2, w2, bias, new long[] {1, stride}, new long[] {0, padding},
            new long[] {1, dilation}, groups));
        return tmp.keep(tmp.add(out.squeeze(2)));
      }
    });
  }

  /** {@link #conv2d} for a batched {@code [N, Cin, H, W]} or an unbatched {@code [Cin, H, W]} input. */
  static org.bytedeco.pytorch.Tensor conv2dAnyBatch(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] dilation, long groups) {
    return withBatch(input, 4,
        x -> conv2d(x, weight, bias, stride, padding, dilation, groups));
  }

  /** {@link #convTranspose2d} for a batched or an unbatched {@code [Cin, H, W]} input. */
  static org.bytedeco.pytorch.Tensor convTranspose2dAnyBatch(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] outputPadding, long groups, long[] dilation) {
    return withBatch(input, 4, x -> convTranspose2d(x, weight, bias, stride, padding,
        outputPadding, groups, dilation));
  }

  /**
   * {@code conv3d} of an {@code [N, Cin, D, H, W]} or unbatched {@code [Cin, D, H, W]} input
   * with a {@code [Cout, Cin/groups, KD, KH, KW]} weight: for each depth tap {@code kd}, the
   * input's depth slices that tap reads ({@code kd*DD + d*SD} of the padded input, for every
   * output depth {@code d}) go through {@link #conv2d} as one batch with the weight's slice
   * {@code [:, :, kd]}, and the taps' results are summed.
   */
  static org.bytedeco.pytorch.Tensor conv3d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] dilation, long groups) {
    return withBatch(input, 5, x -> {
      try (Temporaries tmp = new Temporaries()) {
        long n = x.size(0);
        long cin = x.size(1);
        long h = x.size(3);
        long w = x.size(4);
        long cout = weight.size(0);
        long kd = weight.size(2);
        long od = outputSize(x.size(2), kd, stride[0], padding[0], dilation[0]);
        var padded = x;
        if (padding[0] > 0) {
          try (Scalar zero = new Scalar(0.0)) {
            padded = tmp.add(torch.constant_pad_nd(x,
                new long[] {0, 0, 0, 0, padding[0], padding[0]}, zero));
          }
        }
        long[] s2 = {stride[1], stride[2]};
        long[] p2 = {padding[1], padding[2]};
        long[] d2 = {dilation[1], dilation[2]};
        org.bytedeco.pytorch.Tensor sum = null;
        for (long t = 0; t < kd; t++) {
          long from = t * dilation[0];
          org.bytedeco.pytorch.Tensor taps;
          try (LongOptional start = new LongOptional(from);
              LongOptional end = new LongOptional(from + (od - 1) * stride[0] + 1)) {
            taps = tmp.add(padded.slice(2, start, end, stride[0])); // [N, Cin, OD, H, W]
          }
          var moved = tmp.add(taps.permute(0, 2, 1, 3, 4));
          var flat = tmp.add(moved.reshape(n * od, cin, h, w));
          var kernel = tmp.add(weight.select(2, t));
          var y = tmp.add(conv2d(flat, kernel, null, s2, p2, d2, groups));
          sum = sum == null ? y : tmp.add(sum.add(y));
        }
        var out = tmp.add(sum.reshape(n, od, cout, sum.size(2), sum.size(3)));
        out = tmp.add(out.permute(0, 2, 1, 3, 4));
        out = addBias(tmp, out, bias);
        return tmp.keep(tmp.add(out.contiguous()));
      }
    });
  }

  /**
   * {@code conv_transpose1d} of an {@code [N, Cin, L]} or unbatched {@code [Cin, L]} input with
   * a {@code [Cin, Cout/groups, K]} weight, as a 2-D transposed convolution over a height of 1.
   */
  static org.bytedeco.pytorch.Tensor convTranspose1d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long stride,
      long padding, long outputPadding, long groups, long dilation) {
    return withBatch(input, 3, x -> {
      try (Temporaries tmp = new Temporaries()) {
        var x2 = tmp.add(x.unsqueeze(2));
        var w2 = tmp.add(weight.unsqueeze(2));
        var out = tmp.add(convTranspose2d(x2, w2, bias, new long[] {1, stride},
            new long[] {0, padding}, new long[] {0, outputPadding}, groups,
            new long[] {1, dilation}));
        return tmp.keep(tmp.add(out.squeeze(2)));
      }
    });
  }

  /**
   * {@code conv_transpose3d} of an {@code [N, Cin, D, H, W]} or unbatched {@code [Cin, D, H,
   * W]} input with a {@code [Cin, Cout/groups, KD, KH, KW]} weight: every input depth slice goes
   * through {@link #convTranspose2d} with the weight's slice {@code [:, :, kd]}, and the result
   * of tap {@code kd} for input depth {@code d} lands at depth {@code d*SD + kd*DD} of the
   * unpadded output; then the depth padding is cut off and the output padding added, as {@link
   * #convTranspose2d} does for height and width.
   */
  static org.bytedeco.pytorch.Tensor convTranspose3d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] outputPadding, long groups, long[] dilation) {
    return withBatch(input, 5, x -> {
      try (Temporaries tmp = new Temporaries()) {
        long n = x.size(0);
        long cin = x.size(1);
        long d = x.size(2);
        long kd = weight.size(2);
        var moved = tmp.add(x.permute(0, 2, 1, 3, 4));
        var flat = tmp.add(moved.reshape(n * d, cin, x.size(3), x.size(4)));
        long[] s2 = {stride[1], stride[2]};
        long[] p2 = {padding[1], padding[2]};
        long[] op2 = {outputPadding[1], outputPadding[2]};
        long[] d2 = {dilation[1], dilation[2]};
        long spread = (d - 1) * stride[0] + 1;
        long canvas = spread + dilation[0] * (kd - 1);
        org.bytedeco.pytorch.Tensor sum = null;
        try (Scalar zero = new Scalar(0.0)) {
          for (long t = 0; t < kd; t++) {
            var kernel = tmp.add(weight.select(2, t));
            var y = tmp.add(convTranspose2d(flat, kernel, null, s2, p2, op2, groups, d2));
            long cout = y.size(1);
            long oh = y.size(2);
            long ow = y.size(3);
            var slices = tmp.add(y.reshape(n, d, cout, oh, ow));
            var planes = tmp.add(slices.permute(0, 2, 1, 3, 4)); // [N, Cout, D, OH, OW]
            var spaced = planes;
            if (stride[0] > 1) {
              // Zeros between the slices: [N, Cout, D, SD, OH, OW], the slice first.
              var one = tmp.add(planes.unsqueeze(3));
              var gaps = tmp.add(torch.constant_pad_nd(one,
                  new long[] {0, 0, 0, 0, 0, stride[0] - 1}, zero));
              var merged = tmp.add(gaps.reshape(n, cout, d * stride[0], oh, ow));
              spaced = tmp.add(merged.narrow(2, 0, spread));
            }
            long before = t * dilation[0];
            var placed = tmp.add(torch.constant_pad_nd(spaced,
                new long[] {0, 0, 0, 0, before, canvas - spread - before}, zero));
            sum = sum == null ? placed : tmp.add(sum.add(placed));
          }
        }
        long od = canvas - 2 * padding[0] + outputPadding[0];
        var out = crop(tmp, sum, 2, padding[0], od);
        out = addBias(tmp, out, bias);
        return tmp.keep(tmp.add(out.contiguous()));
      }
    });
  }

  /**
   * {@code conv} of {@code input} when it has the batched rank; else of {@code input} with a
   * batch of one added, the batch dim removed from the result (PyTorch's unbatched input).
   */
  private static org.bytedeco.pytorch.Tensor withBatch(org.bytedeco.pytorch.Tensor input,
      int batchedRank, UnaryOperator<org.bytedeco.pytorch.Tensor> conv) {
    if (input.dim() == batchedRank) {
      return conv.apply(input);
    }
    try (Temporaries tmp = new Temporaries()) {
      var x = tmp.add(input.unsqueeze(0));
      var out = tmp.add(conv.apply(x));
      return tmp.keep(tmp.add(out.squeeze(0)));
    }
  }

  /**
   * {@code conv2d} of a batched {@code [N, Cin, H, W]} input with a {@code [Cout, Cin/groups,
   * KH, KW]} weight. The result is laid out channels-last when the input or the weight is, as
   * libtorch's kernels lay it out.
   */
  static org.bytedeco.pytorch.Tensor conv2d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] dilation, long groups) {
    try (Temporaries tmp = new Temporaries()) {
      long n = input.size(0);
      long cin = input.size(1);
      long cout = weight.size(0);
      long kh = weight.size(2);
      long kw = weight.size(3);
      long oh = outputSize(input.size(2), kh, stride[0], padding[0], dilation[0]);
      long ow = outputSize(input.size(3), kw, stride[1], padding[1], dilation[1]);
      long k = cin / groups * kh * kw;
      // [N, Cin*KH*KW, OH*OW], rows ordered (channel, kh, kw) like a flattened weight row.
      var columns = tmp.add(torch.im2col(input, new long[] {kh, kw}, dilation, padding, stride));
      var grouped = tmp.add(columns.view(n, groups, k, oh * ow));
      var kernels = tmp.add(weight.reshape(groups, cout / groups, k));
      var product = tmp.add(kernels.matmul(grouped)); // [N, G, Cout/G, OH*OW]
      var out = tmp.add(product.reshape(n, cout, oh, ow));
      out = addBias(tmp, out, bias);
      return tmp.keep(layLikeLibtorch(tmp, out, input, weight));
    }
  }

  /**
   * {@code conv_transpose2d} of a batched {@code [N, Cin, H, W]} input with a {@code [Cin,
   * Cout/groups, KH, KW]} weight: each input pixel scatters a weighted kernel into the output
   * ({@code col2im} of {@code weightᵀ · input}).
   */
  static org.bytedeco.pytorch.Tensor convTranspose2d(org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight, org.bytedeco.pytorch.Tensor bias, long[] stride,
      long[] padding, long[] outputPadding, long groups, long[] dilation) {
    try (Temporaries tmp = new Temporaries()) {
      long n = input.size(0);
      long cin = input.size(1);
      long h = input.size(2);
      long w = input.size(3);
      long coutPerGroup = weight.size(1);
      long kh = weight.size(2);
      long kw = weight.size(3);
      long rows = coutPerGroup * kh * kw;
      var kernels = tmp.add(weight.reshape(groups, cin / groups, rows));
      var kernelsT = tmp.add(kernels.transpose(1, 2)); // [G, Cout/G*KH*KW, Cin/G]
      var pixels = tmp.add(input.reshape(n, groups, cin / groups, h * w));
      var columns = tmp.add(kernelsT.matmul(pixels)); // [N, G, Cout/G*KH*KW, H*W]
      var flat = tmp.add(columns.reshape(n, groups * rows, h * w));
      // Scatter onto the whole unpadded canvas, then cut the padding off (and extend by the
      // output padding): valid for every padding, including one that leaves no canvas at all.
      long canvasH = (h - 1) * stride[0] + dilation[0] * (kh - 1) + 1;
      long canvasW = (w - 1) * stride[1] + dilation[1] * (kw - 1) + 1;
      var canvas = tmp.add(torch.col2im(flat, new long[] {canvasH, canvasW},
          new long[] {kh, kw}, dilation, new long[] {0, 0}, stride));
      long oh = canvasH - 2 * padding[0] + outputPadding[0];
      long ow = canvasW - 2 * padding[1] + outputPadding[1];
      var out = crop(tmp, canvas, 2, padding[0], oh);
      out = crop(tmp, out, 3, padding[1], ow);
      out = addBias(tmp, out, bias);
      return tmp.keep(layLikeLibtorch(tmp, out, input, weight));
    }
  }

  /**
   * The gradients of {@link #conv2d} with respect to its input, weight and bias, given the
   * gradient of its result (what {@code aten::convolution_backward} returns), computed with the
   * same unfold kernels: {@code dInput = col2im(weightᵀ · dOut)}, {@code dWeight = Σₙ dOut ·
   * columnsᵀ}, {@code dBias = Σ dOut}. Entries not asked for are null.
   */
  static org.bytedeco.pytorch.Tensor[] conv2dBackward(org.bytedeco.pytorch.Tensor gradOutput,
      org.bytedeco.pytorch.Tensor input, org.bytedeco.pytorch.Tensor weight,
      boolean inputGradient, boolean withBias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    try (Temporaries tmp = new Temporaries()) {
      long n = input.size(0);
      long cin = input.size(1);
      long cout = weight.size(0);
      long kh = weight.size(2);
      long kw = weight.size(3);
      long l = gradOutput.size(2) * gradOutput.size(3);
      long k = cin / groups * kh * kw;
      var dOut = tmp.add(gradOutput.reshape(n, groups, cout / groups, l));
      org.bytedeco.pytorch.Tensor dInput = null;
      if (inputGradient) {
        var kernels = tmp.add(weight.reshape(groups, cout / groups, k));
        var kernelsT = tmp.add(kernels.transpose(1, 2)); // [G, K, Cout/G]
        var dColumns = tmp.add(kernelsT.matmul(dOut)); // [N, G, K, L]
        var flat = tmp.add(dColumns.reshape(n, groups * k, l));
        dInput = tmp.keep(torch.col2im(flat, new long[] {input.size(2), input.size(3)},
            new long[] {kh, kw}, dilation, padding, stride));
      }
      var columns = tmp.add(torch.im2col(input, new long[] {kh, kw}, dilation, padding, stride));
      var grouped = tmp.add(columns.view(n, groups, k, l));
      var groupedT = tmp.add(grouped.transpose(2, 3)); // [N, G, L, K]
      var perSample = tmp.add(dOut.matmul(groupedT)); // [N, G, Cout/G, K]
      var summed = tmp.add(perSample.sum(0));
      var dWeight = tmp.keep(summed.reshape(weight.sizes().vec().get()));
      var dBias = withBias ? tmp.keep(gradOutput.sum(0, 2, 3)) : null;
      return new org.bytedeco.pytorch.Tensor[] {dInput, dWeight, dBias};
    }
  }

  private static long outputSize(long in, long k, long s, long p, long d) {
    return (in + 2 * p - d * (k - 1) - 1) / s + 1;
  }

  private static org.bytedeco.pytorch.Tensor addBias(Temporaries tmp,
      org.bytedeco.pytorch.Tensor out, org.bytedeco.pytorch.Tensor bias) {
    if (bias == null) {
      return out;
    }
    long[] shape = new long[(int) out.dim()];
    java.util.Arrays.fill(shape, 1);
    shape[1] = bias.size(0);
    var column = tmp.add(bias.view(shape));
    return tmp.add(out.add(column));
  }

  /**
   * {@code x[..., from : from + length]} along {@code dim}, zero-extended where that runs past
   * the end of {@code x}.
   */
  private static org.bytedeco.pytorch.Tensor crop(Temporaries tmp,
      org.bytedeco.pytorch.Tensor x, int dim, long from, long length) {
    long size = x.size(dim);
    long start = Math.min(from, size);
    long kept = Math.min(length, size - start);
    var cut = tmp.add(x.narrow(dim, start, kept));
    long missing = length - kept;
    if (missing == 0) {
      return cut;
    }
    // constant_pad_nd pads the last dims first: {left, right} of the last dim, then the one
    // before it, down to dim.
    long[] pad = new long[2 * ((int) x.dim() - dim)];
    pad[pad.length - 1] = missing;
    try (Scalar zero = new Scalar(0.0)) {
      return tmp.add(torch.constant_pad_nd(cut, pad, zero));
    }
  }

  /** Channels-last when either operand is, as libtorch's convolutions lay their result out. */
  private static org.bytedeco.pytorch.Tensor layLikeLibtorch(Temporaries tmp,
      org.bytedeco.pytorch.Tensor out, org.bytedeco.pytorch.Tensor input,
      org.bytedeco.pytorch.Tensor weight) {
    int channelsLastCode = torch.MemoryFormat.ChannelsLast.value;
    boolean channelsLast = input.suggest_memory_format().value == channelsLastCode
        || weight.suggest_memory_format().value == channelsLastCode;
    var format = channelsLast ? torch.MemoryFormat.ChannelsLast : torch.MemoryFormat.Contiguous;
    return tmp.add(out.contiguous(format));
  }

  /** Native handles to release when the computation ends, except the one returned. */
  private static final class Temporaries implements AutoCloseable {
    private final List<org.bytedeco.pytorch.Tensor> handles = new ArrayList<>();
    private final List<org.bytedeco.pytorch.Tensor> kept = new ArrayList<>();

    org.bytedeco.pytorch.Tensor add(org.bytedeco.pytorch.Tensor t) {
      handles.add(t);
      return t;
    }

    /** Marks {@code t} as a result: it survives {@link #close()}. */
    org.bytedeco.pytorch.Tensor keep(org.bytedeco.pytorch.Tensor t) {
      kept.add(t);
      return t;
    }

    @Override
    public void close() {
      for (var t : handles) {
        if (!kept.stream().anyMatch(k -> k == t)) {
          t.close();
        }
      }
    }
  }
}
