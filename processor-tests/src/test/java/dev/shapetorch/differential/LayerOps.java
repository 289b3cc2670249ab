package dev.shapetorch.differential;

import static dev.shapetorch.differential.TensorOps.ranked;

import dev.shapetorch.differential.Program.Fill;
import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.Arrays;
import java.util.List;

/**
 * The generator's layers and their functions: {@code Linear} and {@code F.linear}, convolution
 * and pooling (modules and {@code F}), normalisation, {@code Embedding}. Recurrent layers and
 * attention are in {@link SequenceOps}.
 */
final class LayerOps {
  private LayerOps() {}

  static List<Op> all() {
    return List.of(
        new Op("linear", "linear", 8, LayerOps::linear),
        new Op("conv2d", "conv", 5, LayerOps::conv2d),
        new Op("conv1d", "conv", 2, LayerOps::conv1d),
        new Op("F.conv2d", "conv", 2, LayerOps::functionalConv2d),
        new Op("pool2d", "pool", 4, LayerOps::pool2d),
        new Op("pool1d", "pool", 1, LayerOps::pool1d),
        new Op("batchNorm", "norm", 2, LayerOps::batchNorm),
        new Op("layerNorm", "norm", 2, LayerOps::layerNorm),
        new Op("groupNorm", "norm", 1, LayerOps::groupNorm),
        new Op("embedding", "embedding", 2, LayerOps::embedding));
  }

  static long[] withLast(long[] shape, long last) {
    long[] out = shape.clone();
    out[out.length - 1] = last;
    return out;
  }

  static Val linear(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    long features = x.size(-1);
    long out = b.between(1, 6);
    long declared = TensorOps.mistakeSize(b, mistake, "linear.in", features);
    if (b.chance(0.75)) {
      String m = b.module("Linear",
          () -> "new Linear(" + b.sizeFrom(declared, x) + ", " + b.size(out) + ")",
          "new Linear");
      return b.let(m + ".forward(" + x.name() + ")", "Linear.forward", withLast(x.shape(), out));
    }
    Val w = b.input(out, declared);
    return b.let("F.linear(" + x.name() + ", " + w.name() + ")", "F.linear",
        withLast(x.shape(), out));
  }

  /** {@code in} when it is {@code [N, C, *spatial]} with every spatial size at least 3. */
  static Val image(ProgramBuilder b, Val in, int spatial) {
    if (in != null && in.rank() == 2 + spatial && in.numel() <= 2048) {
      boolean big = true;
      for (int i = 2; i < in.rank(); i++) {
        big &= in.shape()[i] >= 3;
      }
      if (big) {
        return in;
      }
    }
    long[] s = new long[2 + spatial];
    s[0] = b.between(1, 3);
    s[1] = b.between(1, 4);
    for (int i = 2; i < s.length; i++) {
      s[i] = b.between(3, 9);
    }
    return b.input(s);
  }

  /**
   * A convolution's or pooling's output size; at least 1, so that the ops after an injected
   * mistake (where the run stops) are still built from valid sizes.
   */
  static long out(long size, long k, long stride, long padding) {
    return Math.max(1, Math.floorDiv(size + 2 * padding - k, stride) + 1);
  }

  static Val conv2d(ProgramBuilder b, Val in, boolean mistake) {
    Val x = image(b, in, 2);
    long n = x.size(0);
    long c = x.size(1);
    long h = x.size(2);
    long w = x.size(3);
    long cout = b.between(1, 6);
    long k = b.between(1, (int) Math.min(3, Math.min(h, w)));
    long stride = b.chance(0.3) ? 2 : 1;
    long padding = b.chance(0.3) ? 1 : 0;
    long groups = 1;
    long cin = c;
    boolean full = b.chance(0.15);
    if (mistake) {
      switch (b.between(0, 4)) {
        case 0:
          cin = c + 1;
          b.mistake("conv2d.channels");
          break;
        case 1:
          k = Math.min(h, w) + 2 * padding + 1;
          b.mistake("conv2d.outputBelowOne");
          break;
        case 2:
          full = true;
          groups = 2;
          cin = c * 2 + 1;
          b.mistake("conv2d.groups");
          break;
        case 3:
          padding = -1;
          b.mistake("conv2d.negativePadding");
          break;
        default:
          k = 0;
          b.mistake("conv2d.kernelZero");
          break;
      }
    }
    int form = full ? 0 : stride == 1 && padding == 0 && b.chance(0.5) ? 1 : 2;
    if (full) {
      b.tag("spelling:fullConstructor:Conv2d");
    }
    long cin1 = cin;
    long k1 = k;
    long stride1 = stride;
    long padding1 = padding;
    long groups1 = groups;
    String m = b.module("Conv2d", () -> {
      String head = "new Conv2d(" + b.sizeFrom(cin1, x) + ", " + b.size(cout) + ", ";
      if (form == 0) {
        return head + k1 + ", " + k1 + ", " + stride1 + ", " + stride1 + ", " + padding1 + ", "
            + padding1 + ", 1, 1, " + groups1 + ", true)";
      }
      if (form == 1) {
        return head + b.size(k1) + ")";
      }
      return head + b.size(k1) + ", " + stride1 + ", " + padding1 + ")";
    }, "new Conv2d");
    return b.let(m + ".forward(" + x.name() + ")", "Conv2d.forward",
        n, cout, out(h, k, stride, padding), out(w, k, stride, padding));
  }

  static Val conv1d(ProgramBuilder b, Val in, boolean mistake) {
    Val x = image(b, in, 1);
    long c = x.size(1);
    long len = x.size(2);
    long cout = b.between(1, 6);
    long k = b.between(1, 3);
    long cin = c;
    if (mistake) {
      if (b.chance(0.5)) {
        cin = c + 1;
        b.mistake("conv1d.channels");
      } else {
        k = len + 1;
        b.mistake("conv1d.outputBelowOne");
      }
    }
    long cin1 = cin;
    long k1 = k;
    String m = b.module("Conv1d",
        () -> "new Conv1d(" + b.sizeFrom(cin1, x) + ", " + b.size(cout) + ", " + b.size(k1) + ")",
        "new Conv1d");
    return b.let(m + ".forward(" + x.name() + ")", "Conv1d.forward",
        x.size(0), cout, out(len, k, 1, 0));
  }

  static Val functionalConv2d(ProgramBuilder b, Val in, boolean mistake) {
    Val x = image(b, in, 2);
    long c = x.size(1);
    long h = x.size(2);
    long w = x.size(3);
    long cout = b.between(1, 4);
    long k = b.between(1, 3);
    long cin = c;
    long biasLength = cout;
    if (mistake) {
      switch (b.between(0, 2)) {
        case 0:
          cin = c + 1;
          b.mistake("F.conv2d.channels");
          break;
        case 1:
          biasLength = cout + 1;
          b.mistake("F.conv2d.bias");
          break;
        default:
          k = Math.min(h, w) + 1;
          b.mistake("F.conv2d.outputBelowOne");
          break;
      }
    }
    Val weight = b.input(cout, cin, k, k);
    String bias = "null";
    if (b.chance(0.6) || biasLength != cout) {
      bias = b.input(biasLength).name();
    }
    return b.let("F.conv2d(" + x.name() + ", " + weight.name() + ", " + bias + ")", "F.conv2d",
        x.size(0), cout, out(h, k, 1, 0), out(w, k, 1, 0));
  }

  static Val pool2d(ProgramBuilder b, Val in, boolean mistake) {
    Val x = image(b, in, 2);
    long h = x.size(2);
    long w = x.size(3);
    long k = b.between(1, (int) Math.min(3, Math.min(h, w)));
    if (mistake) {
      k = Math.min(h, w) + 1;
      b.mistake("pool2d.outputBelowOne");
    }
    boolean max = b.chance(0.6);
    long[] out = {x.size(0), x.size(1), out(h, k, k, 0), out(w, k, k, 0)};
    long k1 = k;
    switch (b.between(0, 3)) {
      case 0:
        return b.let("F." + (max ? "maxPool2d" : "avgPool2d") + "(" + x.name() + ", " + k + ")",
            max ? "F.maxPool2d" : "F.avgPool2d", out);
      case 1: {
        if (max) {
          b.tag("spelling:fullConstructor:MaxPool2d");
          String m = b.module("MaxPool2d", () -> "new MaxPool2d(" + k1 + ", " + k1 + ", " + k1
              + ", " + k1 + ", 0, 0, 1, 1, false)", "new MaxPool2d");
          return b.let(m + ".forward(" + x.name() + ")", "MaxPool2d.forward", out);
        }
        String m = b.module("AvgPool2d", () -> "new AvgPool2d(" + k1 + ", " + k1 + ", 0)",
            "new AvgPool2d");
        return b.let(m + ".forward(" + x.name() + ")", "AvgPool2d.forward", out);
      }
      default: {
        String type = max ? "MaxPool2d" : "AvgPool2d";
        String m = b.module(type, () -> "new " + type + "(" + b.size(k1) + ")", "new " + type);
        return b.let(m + ".forward(" + x.name() + ")", type + ".forward", out);
      }
    }
  }

  static Val pool1d(ProgramBuilder b, Val in, boolean mistake) {
    Val x = image(b, in, 1);
    long len = x.size(2);
    long k = b.between(1, (int) Math.min(3, len));
    if (mistake) {
      k = len + 1;
      b.mistake("pool1d.outputBelowOne");
    }
    long[] out = {x.size(0), x.size(1), out(len, k, k, 0)};
    long k1 = k;
    if (b.chance(0.5)) {
      return b.let("F.maxPool1d(" + x.name() + ", " + k + ")", "F.maxPool1d", out);
    }
    String m = b.module("MaxPool1d", () -> "new MaxPool1d(" + b.size(k1) + ")", "new MaxPool1d");
    return b.let(m + ".forward(" + x.name() + ")", "MaxPool1d.forward", out);
  }

  static Val batchNorm(ProgramBuilder b, Val in, boolean mistake) {
    boolean twoD = b.chance(0.5);
    Val x = twoD ? image(b, in, 2) : ranked(b, in, 2, 3);
    if (x.size(0) < 2) {
      long[] s = x.shape().clone();
      s[0] = 2;
      x = b.input(s);
    }
    long c = x.size(1);
    String type = x.rank() == 4 ? "BatchNorm2d" : "BatchNorm1d";
    if (mistake) {
      if (type.equals("BatchNorm1d") && b.chance(0.3)) {
        x = b.input(2, c, 3, 3);
        b.mistake("batchNorm1d.rank");
      } else {
        c = c + 1;
        b.mistake("batchNorm.channels");
      }
    }
    long c1 = c;
    Val x1 = x;
    String m = b.module(type, () -> "new " + type + "(" + b.sizeFrom(c1, x1) + ")", "new " + type);
    return b.let(m + ".forward(" + x.name() + ")", type + ".forward", x.shape());
  }

  static Val layerNorm(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    long d = TensorOps.mistakeSize(b, mistake, "layerNorm.size", x.size(-1));
    if (b.chance(0.6)) {
      String m = b.module("LayerNorm", () -> "new LayerNorm(" + b.sizeFrom(d, x) + ")",
          "new LayerNorm");
      return b.let(m + ".forward(" + x.name() + ")", "LayerNorm.forward", x.shape());
    }
    return b.let("F.layerNorm(" + x.name() + ", new long[] {" + d + "}, null, null, 1e-5)",
        "F.layerNorm", x.shape());
  }

  static Val groupNorm(ProgramBuilder b, Val in, boolean mistake) {
    long groups = b.between(1, 3);
    long c = groups * b.between(1, 2);
    Val x = in != null && in.rank() >= 2 && in.rank() <= 4 && in.size(1) % groups == 0
        && in.numel() <= 2048 ? in : b.input(b.between(1, 3), c, b.between(1, 4));
    c = x.size(1);
    long declared = c;
    if (mistake) {
      if (b.chance(0.5)) {
        declared = c + groups;
        b.mistake("groupNorm.channels");
      } else {
        groups = c + 1;
        b.mistake("groupNorm.groups");
      }
    }
    long groups1 = groups;
    long declared1 = declared;
    String m = b.module("GroupNorm", () -> "new GroupNorm(" + b.size(groups1) + ", "
        + b.sizeFrom(declared1, x) + ")", "new GroupNorm");
    return b.let(m + ".forward(" + x.name() + ")", "GroupNorm.forward", x.shape());
  }

  static Val embedding(ProgramBuilder b, Val in, boolean mistake) {
    long num = b.between(2, 10);
    long dim = b.between(1, 6);
    long[] shape = b.sizes(b.between(1, 2), 1, 4);
    Val idx = b.input(Fill.INDEX, num, shape);
    String m = b.module("Embedding",
        () -> "new Embedding(" + b.size(num) + ", " + b.size(dim) + ")",
        "new Embedding");
    long[] out = Arrays.copyOf(shape, shape.length + 1);
    out[shape.length] = dim;
    return b.let(m + ".forward(" + idx.name() + ")", "Embedding.forward", out);
  }
}
