package dev.shapetorch.differential;

import static dev.shapetorch.differential.ProgramBuilder.ints;

import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator's tensor ops: pointwise and broadcasting, the matmul family, views and
 * reshapes, permutes, squeeze/unsqueeze, expand. Joins and reductions are in {@link JoinOps}.
 */
final class TensorOps {
  private TensorOps() {}

  static List<Op> all() {
    return List.of(
        new Op("unary", "pointwise", 3, TensorOps::unary),
        new Op("broadcast", "pointwise", 8, TensorOps::broadcast),
        new Op("matmul", "linalg", 6, TensorOps::matmul),
        new Op("mm", "linalg", 2, TensorOps::mm),
        new Op("bmm", "linalg", 2, TensorOps::bmm),
        new Op("mv", "linalg", 2, TensorOps::mv),
        new Op("dot", "linalg", 1, TensorOps::dot),
        new Op("view", "view", 8, TensorOps::view),
        new Op("flatten", "view", 3, TensorOps::flatten),
        new Op("permute", "permute", 3, TensorOps::permute),
        new Op("transpose", "permute", 3, TensorOps::transpose),
        new Op("t", "permute", 1, TensorOps::t),
        new Op("squeeze", "squeeze", 3, TensorOps::squeeze),
        new Op("unsqueeze", "squeeze", 3, TensorOps::unsqueeze),
        new Op("expand", "view", 2, TensorOps::expand));
  }

  /** {@code in} when it has a rank in {@code [lo, hi]}, else a fresh parameter that does. */
  static Val ranked(ProgramBuilder b, Val in, int lo, int hi) {
    if (in != null && in.rank() >= lo && in.rank() <= hi && in.numel() <= 512) {
      return in;
    }
    return b.input(b.sizes(b.between(Math.max(lo, 1), Math.min(hi, Math.max(lo, 3))), 1, 5));
  }

  /** {@code result}, a view of {@code x}: not contiguous when {@code x} is not. */
  static Val like(Val result, Val x) {
    return x.contiguous() ? result : result.strided();
  }

  static Val unary(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 0, 4);
    String f = b.pick(List.of("relu", "tanh", "sigmoid", "exp", "neg", "abs"));
    String expr = b.chance(0.5) ? x.name() + "." + f + "()" : "Torch." + f + "(" + x.name() + ")";
    return b.let(expr, "Tensor." + f, x.shape());
  }

  static Val broadcast(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    int rank = x.rank();
    int kept = b.between(1, rank);
    boolean extra = rank < 4 && b.chance(0.2);
    long[] other = new long[kept + (extra ? 1 : 0)];
    if (extra) {
      other[0] = b.between(1, 3);
    }
    for (int i = 0; i < kept; i++) {
      long s = x.shape()[rank - kept + i];
      other[other.length - kept + i] = s == 1 ? b.between(1, 3) : b.chance(0.7) ? s : 1;
    }
    if (mistake) {
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < kept; i++) {
        if (x.shape()[rank - kept + i] >= 2) {
          candidates.add(i);
        }
      }
      if (!candidates.isEmpty()) {
        int i = b.pick(candidates);
        other[other.length - kept + i] = x.shape()[rank - kept + i] + 1;
        b.mistake("broadcast.size");
      }
    }
    Val o = b.input(other);
    String f = b.pick(List.of("add", "sub", "mul", "div", "maximum"));
    boolean swap = b.chance(0.3);
    String l = swap ? o.name() : x.name();
    String r = swap ? x.name() : o.name();
    String expr = b.chance(0.5)
        ? l + "." + f + "(" + r + ")"
        : "Torch." + f + "(" + l + ", " + r + ")";
    return b.let(expr, "Tensor." + f, broadcastShape(x.shape(), other));
  }

  static long[] broadcastShape(long[] a, long[] c) {
    int n = Math.max(a.length, c.length);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long x = i < n - a.length ? 1 : a[i - (n - a.length)];
      long y = i < n - c.length ? 1 : c[i - (n - c.length)];
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  private static String binary(ProgramBuilder b, String f, Val x, Val o) {
    return b.chance(0.5)
        ? x.name() + "." + f + "(" + o.name() + ")"
        : "Torch." + f + "(" + x.name() + ", " + o.name() + ")";
  }

  static Val matmul(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    long k = x.size(-1);
    long kk = mistake ? k + 1 : k;
    if (mistake) {
      b.mistake("matmul.inner");
    }
    long p = b.between(1, 5);
    long[] other;
    long[] out;
    int form = b.between(0, 2);
    if (x.rank() == 1) {
      if (form == 0) {
        other = new long[] {kk};
        out = new long[] {};
      } else if (form == 1) {
        other = new long[] {kk, p};
        out = new long[] {p};
      } else {
        long batch = b.between(1, 3);
        other = new long[] {batch, kk, p};
        out = new long[] {batch, p};
      }
    } else {
      long[] lead = java.util.Arrays.copyOf(x.shape(), x.rank() - 1);
      if (form == 0) {
        other = new long[] {kk};
        out = lead;
      } else if (form == 1) {
        other = new long[] {kk, p};
        out = append(lead, p);
      } else {
        long[] batch = java.util.Arrays.copyOf(x.shape(), x.rank() - 2);
        for (int i = 0; i < batch.length; i++) {
          if (b.chance(0.3)) {
            batch[i] = 1;
          }
        }
        other = append(append(batch, kk), p);
        out = append(lead, p);
      }
    }
    Val o = b.input(other);
    return b.let(binary(b, "matmul", x, o), "Tensor.matmul", out);
  }

  static long[] append(long[] a, long v) {
    long[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  static Val mm(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 2);
    long k = x.size(1);
    long p = b.between(1, 5);
    Val o = b.input(mistakeSize(b, mistake, "mm.inner", k), p);
    return b.let(binary(b, "mm", x, o), "Tensor.mm", x.size(0), p);
  }

  static Val bmm(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 3, 3);
    long p = b.between(1, 4);
    long batch = x.size(0);
    long k = x.size(2);
    if (mistake && b.chance(0.5)) {
      batch++;
      b.mistake("bmm.batch");
    } else {
      k = mistakeSize(b, mistake, "bmm.inner", k);
    }
    Val o = b.input(batch, k, p);
    return b.let(binary(b, "bmm", x, o), "Tensor.bmm", x.size(0), x.size(1), p);
  }

  static Val mv(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 2);
    Val o = b.input(mistakeSize(b, mistake, "mv.inner", x.size(1)));
    return b.let(binary(b, "mv", x, o), "Tensor.mv", x.size(0));
  }

  static Val dot(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 1);
    Val o = b.input(mistakeSize(b, mistake, "dot.size", x.size(0)));
    return b.let(binary(b, "dot", x, o), "Tensor.dot");
  }

  /** {@code size}, or {@code size + 1} recorded as mistake {@code what}. */
  static long mistakeSize(ProgramBuilder b, boolean mistake, String what, long size) {
    if (!mistake) {
      return size;
    }
    b.mistake(what);
    return size + 1;
  }

  static Val view(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    long n = x.numel();
    int rank = b.between(1, 4);
    long[] target = new long[rank];
    long rest = n;
    for (int i = 0; i < rank - 1; i++) {
      List<Long> divisors = new ArrayList<>();
      for (long d = 1; d <= rest; d++) {
        if (rest % d == 0) {
          divisors.add(d);
        }
      }
      target[i] = b.pick(divisors);
      rest /= target[i];
    }
    target[rank - 1] = rest;
    shuffle(b, target);
    int inferred = b.chance(0.5) ? b.between(0, rank - 1) : -1;
    long[] written = target.clone();
    if (inferred >= 0) {
      written[inferred] = -1;
    }
    if (mistake) {
      List<Integer> dims = new ArrayList<>();
      for (int i = 0; i < rank; i++) {
        if (i != inferred) {
          dims.add(i);
        }
      }
      if (!dims.isEmpty()) {
        int i = b.pick(dims);
        long known = 1;
        for (int j = 0; j < rank; j++) {
          if (j != inferred && j != i) {
            known *= written[j];
          }
        }
        long wrong = written[i] + 1;
        while (inferred >= 0 && n % (known * wrong) == 0) {
          wrong++;
        }
        written[i] = wrong;
        b.mistake("view.numel");
      }
    }
    String[] spelled = new String[rank];
    for (int i = 0; i < rank; i++) {
      spelled[i] = written[i] < 0 ? "-1" : b.sizeFrom(written[i], x);
    }
    String f = x.contiguous() && b.contiguous() && b.chance(0.5) ? "view" : "reshape";
    String args = String.join(", ", spelled);
    String expr = b.chance(0.7) || f.equals("view")
        ? x.name() + "." + f + "(" + args + ")"
        : "Torch.reshape(" + x.name() + ", " + args + ")";
    return like(b.let(expr, "Tensor." + f, target), x);
  }

  static void shuffle(ProgramBuilder b, long[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = b.rnd.nextInt(i + 1);
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static Val flatten(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 4);
    int start = b.between(0, x.rank() - 2);
    int end = b.between(start + 1, x.rank() - 1);
    List<Long> out = new ArrayList<>();
    long merged = 1;
    for (int i = 0; i < x.rank(); i++) {
      if (i < start || i > end) {
        out.add(x.shape()[i]);
      } else {
        merged *= x.shape()[i];
        if (i == end) {
          out.add(merged);
        }
      }
    }
    String endArg = b.dim(end, x);
    if (mistake) {
      endArg = Integer.toString(x.rank());
      b.mistake("flatten.dim");
    }
    String expr = b.chance(0.6)
        ? x.name() + ".flatten(" + b.dim(start, x) + ", " + endArg + ")"
        : "Torch.flatten(" + x.name() + ", " + b.dim(start, x) + ", " + endArg + ")";
    return like(b.let(expr, "Tensor.flatten", out.stream().mapToLong(Long::longValue).toArray()),
        x);
  }

  static Val permute(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 4);
    int[] perm = new int[x.rank()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    for (int i = perm.length - 1; i > 0; i--) {
      int j = b.rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    long[] out = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = x.shape()[perm[i]];
    }
    if (mistake) {
      if (b.chance(0.5)) {
        perm[0] = perm[1];
        b.mistake("permute.repeated");
      } else {
        perm[b.between(0, perm.length - 1)] = perm.length;
        b.mistake("permute.range");
      }
    }
    return b.let(x.name() + ".permute(" + ints(perm) + ")", "Tensor.permute", out)
        .stridedIn(b);
  }

  static Val transpose(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 4);
    int d0 = b.between(0, x.rank() - 1);
    int d1 = b.between(0, x.rank() - 1);
    long[] out = x.shape().clone();
    out[d0] = x.shape()[d1];
    out[d1] = x.shape()[d0];
    String a1 = b.dim(d1, x);
    if (mistake) {
      a1 = Integer.toString(x.rank());
      b.mistake("transpose.range");
    }
    String expr = b.chance(0.6)
        ? x.name() + ".transpose(" + b.dim(d0, x) + ", " + a1 + ")"
        : "Torch.transpose(" + x.name() + ", " + b.dim(d0, x) + ", " + a1 + ")";
    return b.let(expr, "Tensor.transpose", out).stridedIn(b);
  }

  static Val t(ProgramBuilder b, Val in, boolean mistake) {
    Val x;
    if (mistake) {
      x = ranked(b, in, 3, 4);
      b.mistake("t.rank");
    } else {
      x = ranked(b, in, 1, 2);
    }
    long[] out = x.rank() == 2 ? new long[] {x.size(1), x.size(0)} : x.shape();
    return b.let(x.name() + ".t()", "Tensor.t", out).stridedIn(b);
  }

  static Val squeeze(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    List<Integer> ones = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (x.shape()[i] == 1) {
        ones.add(i);
      }
    }
    int d = ones.isEmpty() || b.chance(0.2) ? b.between(0, x.rank() - 1) : b.pick(ones);
    long[] out = x.shape();
    if (x.shape()[d] == 1) {
      out = remove(x.shape(), d);
    }
    String arg = b.dim(d, x);
    if (mistake) {
      arg = Integer.toString(x.rank());
      b.mistake("squeeze.range");
    }
    String expr = b.chance(0.6)
        ? x.name() + ".squeeze(" + arg + ")"
        : "Torch.squeeze(" + x.name() + ", " + arg + ")";
    return like(b.let(expr, "Tensor.squeeze", out), x);
  }

  static long[] remove(long[] a, int d) {
    long[] out = new long[a.length - 1];
    for (int i = 0, j = 0; i < a.length; i++) {
      if (i != d) {
        out[j++] = a[i];
      }
    }
    return out;
  }

  static Val unsqueeze(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 0, 3);
    int d = b.between(0, x.rank());
    long[] out = new long[x.rank() + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == d ? 1 : x.shape()[j++];
    }
    String arg = Integer.toString(d);
    if (mistake) {
      arg = Integer.toString(x.rank() + 1);
      b.mistake("unsqueeze.range");
    }
    String expr = b.chance(0.6)
        ? x.name() + ".unsqueeze(" + arg + ")"
        : "Torch.unsqueeze(" + x.name() + ", " + arg + ")";
    return like(b.let(expr, "Tensor.unsqueeze", out), x);
  }

  static Val expand(ProgramBuilder b, Val in, boolean mistake) {
    Val x = in;
    List<Integer> ones = new ArrayList<>();
    if (x != null) {
      for (int i = 0; i < x.rank(); i++) {
        if (x.shape()[i] == 1) {
          ones.add(i);
        }
      }
    }
    if (ones.isEmpty() || x.rank() > 3) {
      long[] s = b.sizes(b.between(1, 3), 1, 4);
      int one = b.between(0, s.length - 1);
      s[one] = 1;
      x = b.input(s);
      ones = List.of(one);
    }
    int lead = b.chance(0.3) ? 1 : 0;
    long[] out = new long[x.rank() + lead];
    String[] args = new String[out.length];
    if (lead == 1) {
      out[0] = b.between(1, 3);
      args[0] = Long.toString(out[0]);
    }
    for (int i = 0; i < x.rank(); i++) {
      long s = x.shape()[i];
      if (ones.contains(i)) {
        out[lead + i] = b.between(1, 4);
        args[lead + i] = Long.toString(out[lead + i]);
      } else {
        out[lead + i] = s;
        args[lead + i] = b.chance(0.5) ? "-1" : Long.toString(s);
      }
    }
    if (mistake) {
      for (int i = 0; i < x.rank(); i++) {
        if (x.shape()[i] >= 2) {
          args[lead + i] = Long.toString(x.shape()[i] + 1);
          b.mistake("expand.size");
          break;
        }
      }
    }
    return b.let(x.name() + ".expand(" + String.join(", ", args) + ")", "Tensor.expand", out)
        .stridedIn(b);
  }
}
