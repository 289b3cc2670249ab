package dev.shapetorch.differential;

import static dev.shapetorch.differential.TensorOps.ranked;
import static dev.shapetorch.differential.TensorOps.remove;

import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.List;

/**
 * The generator's joins, splits and reductions: {@code cat}, {@code stack}, {@code split},
 * {@code chunk}, {@code narrow}, {@code select}, {@code sum}/{@code mean}/{@code max} with a
 * dim (and the records' {@code .values()}), softmax as op, function and module.
 */
final class JoinOps {
  private JoinOps() {}

  static List<Op> all() {
    return List.of(
        new Op("cat", "join", 4, JoinOps::cat),
        new Op("stack", "join", 2, JoinOps::stack),
        new Op("split", "join", 3, JoinOps::split),
        new Op("narrow", "join", 2, JoinOps::narrow),
        new Op("select", "join", 1, JoinOps::select),
        new Op("reduce", "reduce", 6, JoinOps::reduce),
        new Op("softmax", "reduce", 3, JoinOps::softmax));
  }

  static Val cat(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    long[] other = x.shape().clone();
    other[d] = b.between(1, 4);
    if (mistake) {
      if (x.rank() == 1) {
        other = new long[] {other[0], 2};
        b.mistake("cat.rank");
      } else {
        int e = (d + b.between(1, x.rank() - 1)) % x.rank();
        other[e]++;
        b.mistake("cat.size");
      }
    }
    Val o = b.input(other);
    long[] out = x.shape().clone();
    out[d] += other[d];
    String list = b.chance(0.8) ? "List.of(" + x.name() + ", " + o.name() + ")"
        : "java.util.Arrays.asList(" + x.name() + ", " + o.name() + ")";
    String dim = b.dim(d, x);
    String expr = b.chance(0.2) && d == 0
        ? "Torch.cat(" + list + ")" : "Torch.cat(" + list + ", " + dim + ")";
    return b.let(expr, "Torch.cat", out);
  }

  static Val stack(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 3);
    int d = b.between(0, x.rank());
    long[] other = x.shape().clone();
    if (mistake) {
      other[b.between(0, x.rank() - 1)]++;
      b.mistake("stack.size");
    }
    Val o = b.input(other);
    long[] out = new long[x.rank() + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == d ? 2 : x.shape()[j++];
    }
    return b.let("Torch.stack(List.of(" + x.name() + ", " + o.name() + "), " + d + ")",
        "Torch.stack", out);
  }

  static Val split(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    long s = x.shape()[d];
    boolean chunk = b.chance(0.4);
    long each;
    String call;
    String dim = b.dim(d, x);
    if (mistake) {
      dim = Integer.toString(x.rank());
      b.mistake((chunk ? "chunk" : "split") + ".range");
    }
    if (chunk) {
      long chunks = b.between(1, 3);
      each = (s + chunks - 1) / chunks;
      call = x.name() + ".chunk(" + chunks + ", " + dim + ")";
    } else {
      each = b.between(1, (int) Math.max(1, s));
      call = x.name() + ".split(" + each + ", " + dim + ")";
    }
    // Any piece: ceil(s / each) of them, the last one s % each when that is not 0 (chunk's
    // pieces are ceil(s / chunks), so there may be fewer than asked).
    long count = s == 0 ? 1 : (s + each - 1) / each;
    int index = b.between(0, (int) count - 1);
    long[] out = x.shape().clone();
    out[d] = Math.min(each, s - index * each);
    b.tag("spelling:listGet");
    Val got;
    if (b.chance(0.5)) {
      String parts = "parts" + x.name();
      b.statement("var " + parts + " = " + call + ";", chunk ? "Tensor.chunk" : "Tensor.split");
      got = b.let(parts + ".get(" + index + ")", "List.get", out);
    } else {
      b.tag("op:" + (chunk ? "Tensor.chunk" : "Tensor.split"));
      got = b.let(call + ".get(" + index + ")", "List.get", out);
    }
    return d == 0 ? TensorOps.like(got, x) : got.stridedIn(b);
  }

  static Val narrow(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    long s = x.shape()[d];
    long start = b.between(0, (int) s - 1);
    long length = b.between(1, (int) (s - start));
    if (mistake) {
      length = s - start + 1;
      b.mistake("narrow.length");
    }
    long[] out = x.shape().clone();
    out[d] = length;
    String expr = x.name() + ".narrow(" + b.dim(d, x) + ", " + start + ", " + length + ")";
    return b.let(expr, "Tensor.narrow", out).stridedIn(b);
  }

  static Val select(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    long index = b.between(0, (int) x.shape()[d] - 1);
    if (mistake) {
      index = x.shape()[d];
      b.mistake("select.index");
    }
    return b.let(x.name() + ".select(" + b.dim(d, x) + ", " + index + ")", "Tensor.select",
        remove(x.shape(), d)).stridedIn(b);
  }

  static Val reduce(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    boolean keep = b.chance(0.4);
    String dim = b.dim(d, x);
    if (mistake) {
      dim = Integer.toString(b.chance(0.5) ? x.rank() : -x.rank() - 1);
      b.mistake("reduce.range");
    }
    long[] out = keep ? x.shape().clone() : remove(x.shape(), d);
    if (keep) {
      out[d] = 1;
    }
    int form = b.between(0, 6);
    String n = x.name();
    switch (form) {
      case 0:
        return b.let(n + ".sum(" + dim + ", " + keep + ")", "Tensor.sum", out);
      case 1:
        return b.let("Torch.sum(" + n + ", " + dim + ", " + keep + ")", "Torch.sum", out);
      case 2:
        return b.let(n + ".mean(" + dim + ", " + keep + ")", "Tensor.mean", out);
      case 3: {
        b.tag("spelling:recordValues");
        return b.let(n + ".max(" + dim + ", " + keep + ").values()", "Tensor.max", out);
      }
      case 4: {
        b.tag("spelling:recordValues");
        String r = "r" + n;
        b.statement("var " + r + " = " + n + ".min(" + dim + ", " + keep + ");", "Tensor.min");
        return b.let(r + ".values()", "ValuesAndIndices.values", out);
      }
      case 5:
        // logsumexp(dim) never keeps the dim.
        return b.let(n + ".logsumexp(" + dim + ")", "Tensor.logsumexp", remove(x.shape(), d));
      default:
        return b.let(n + ".std(" + dim + ", " + keep + ")", "Tensor.std", out);
    }
  }

  static Val softmax(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int d = b.between(0, x.rank() - 1);
    boolean wrong = mistake;
    if (mistake) {
      b.mistake("softmax.range");
    }
    java.util.function.Supplier<String> spell =
        () -> wrong ? Integer.toString(x.rank()) : b.dim(d, x);
    String f = b.chance(0.5) ? "softmax" : "logSoftmax";
    switch (b.between(0, 3)) {
      case 0:
        return b.let(x.name() + "." + f + "(" + spell.get() + ")", "Tensor." + f, x.shape());
      case 1:
        return b.let("Torch." + f + "(" + x.name() + ", " + spell.get() + ")", "Torch." + f,
            x.shape());
      case 2:
        return b.let("F." + f + "(" + x.name() + ", " + spell.get() + ")", "F." + f, x.shape());
      default: {
        String type = f.equals("softmax") ? "Softmax" : "LogSoftmax";
        String m = b.module(type, () -> "new " + type + "(" + spell.get() + ")", "new " + type);
        return b.let(m + ".forward(" + x.name() + ")", type + ".forward", x.shape());
      }
    }
  }
}
