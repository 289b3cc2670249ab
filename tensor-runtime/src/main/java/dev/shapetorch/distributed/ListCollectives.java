package dev.shapetorch.distributed;

import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.pytorch.TensorVector;

/**
 * The collectives over lists of tensors, behind {@link ProcessGroup}'s public methods:
 * all-gather and reduce-scatter on Gloo's own algorithms; gather and scatter as Gloo's are, a
 * star of point-to-point messages to or from the root (on a reserved tag).
 */
final class ListCollectives {

  private ListCollectives() {}

  static Work<List<Tensor>> allGather(ProcessGroup g, Tensor input) {
    String op = Collective.ALL_GATHER.op();
    g.open(op);
    RuntimeException invalid = g.validate(op, "input", input);
    g.check(Collective.ALL_GATHER, -1, -1, input, null, -1, invalid);
    List<Tensor> outs = outputs(g.worldSize(), input);
    TensorVector outVector = vector(op, outs, "output");
    TensorVector in = new TensorVector(ProcessGroup.handle(op, input, "input"));
    return g.launch(op, () -> g.backend().allgather(outVector, in), () -> outs);
  }

  static Work<Tensor> reduceScatter(ProcessGroup g, List<Tensor> inputs, ReduceOp reduce) {
    String op = Collective.REDUCE_SCATTER.op();
    g.open(op);
    RuntimeException invalid = validateList(g, op, "inputs", inputs, g.worldSize(), null);
    if (invalid == null && reduce == null) {
      invalid = new IllegalArgumentException(op + ": op is null; pass a ReduceOp");
    }
    if (invalid == null && reduce == ReduceOp.AVG && !inputs.get(0).dtype().isFloatingPoint()) {
      invalid = new IllegalArgumentException(op + ": ReduceOp.AVG needs floating-point tensors,"
          + " got " + NativeTensors.describe(inputs.get(0)) + "; use SUM and divide");
    }
    g.check(Collective.REDUCE_SCATTER, -1, reduce == null ? -1 : reduce.ordinal(), null, inputs,
        inputs == null ? -1 : inputs.size(), invalid);
    Tensor out = Torch.empty(inputs.get(0).shape(), inputs.get(0).dtype());
    TensorVector inVector = vector(op, inputs, "inputs");
    TensorVector outVector = new TensorVector(ProcessGroup.handle(op, out, "output"));
    org.bytedeco.pytorch.ReduceScatterOptions o = new org.bytedeco.pytorch.ReduceScatterOptions();
    // Gloo averages by summing and dividing; done here so that every Gloo build supports it.
    o.reduceOp((reduce == ReduceOp.AVG ? ReduceOp.SUM : reduce).toNative());
    o.timeout(Stores.millis(g.timeout()));
    int world = g.worldSize();
    return g.launch(op, () -> g.backend().reduce_scatter(outVector, inVector, o), () -> {
      if (reduce == ReduceOp.AVG) {
        ProcessGroup.handle(op, out, "output").div_(new org.bytedeco.pytorch.Scalar(world));
      }
      return out;
    });
  }

  static Work<List<Tensor>> gather(ProcessGroup g, Tensor input, int dst) {
    String op = Collective.GATHER.op();
    g.open(op);
    RuntimeException invalid = g.validate(op, "input", input);
    if (invalid == null) {
      invalid = g.validateRank(op, "dst", dst, false);
    }
    g.check(Collective.GATHER, dst, -1, input, null, -1, invalid);
    org.bytedeco.pytorch.Tensor in = ProcessGroup.handle(op, input, "input");
    int tag = ProcessGroup.gatherTag();
    if (g.rank() != dst) {
      TensorVector v = new TensorVector(in);
      return g.launch(op, () -> g.backend().send(v, dst, tag), List::of);
    }
    List<Tensor> outs = outputs(g.worldSize(), input);
    List<Supplier<org.bytedeco.pytorch.Work>> starts = new ArrayList<>();
    for (int r = 0; r < g.worldSize(); r++) {
      int peer = r;
      if (r == dst) {
        ProcessGroup.handle(op, outs.get(r), "output").copy_(in);
      } else {
        TensorVector v = new TensorVector(ProcessGroup.handle(op, outs.get(r), "output"));
        starts.add(() -> g.backend().recv(v, peer, tag));
      }
    }
    return g.launchAll(op, starts, () -> outs);
  }

  static Work<Tensor> scatter(ProcessGroup g, Tensor output, List<Tensor> inputs, int src) {
    String op = Collective.SCATTER.op();
    g.open(op);
    RuntimeException invalid = g.validate(op, "output", output);
    if (invalid == null) {
      invalid = g.validateRank(op, "src", src, false);
    }
    if (invalid == null && g.rank() == src) {
      invalid = validateList(g, op, "inputs", inputs, g.worldSize(), output);
    }
    g.check(Collective.SCATTER, src, -1, output, null, -1, invalid);
    org.bytedeco.pytorch.Tensor out = ProcessGroup.handle(op, output, "output");
    int tag = ProcessGroup.gatherTag();
    if (g.rank() != src) {
      TensorVector v = new TensorVector(out);
      return g.launch(op, () -> g.backend().recv(v, src, tag), () -> output);
    }
    List<Supplier<org.bytedeco.pytorch.Work>> starts = new ArrayList<>();
    for (int r = 0; r < g.worldSize(); r++) {
      int peer = r;
      org.bytedeco.pytorch.Tensor h = ProcessGroup.handle(op, inputs.get(r), "inputs[" + r + "]");
      if (r == src) {
        out.copy_(h);
      } else {
        TensorVector v = new TensorVector(h);
        starts.add(() -> g.backend().send(v, peer, tag));
      }
    }
    return g.launchAll(op, starts, () -> output);
  }

  /**
   * A reason to refuse a list of {@code n} tensors (null, wrong length, a bad tensor, shapes or
   * dtypes that differ among themselves or from {@code like}), or null.
   */
  private static RuntimeException validateList(
      ProcessGroup g, String op, String param, List<Tensor> list, int n, Tensor like) {
    if (list == null) {
      return new IllegalArgumentException(op + ": " + param + " is null; pass one tensor per"
          + " rank (" + n + ")");
    }
    if (list.size() != n) {
      return new IllegalArgumentException(op + ": " + param + " has " + list.size()
          + " tensors; pass one per rank (" + n + ")");
    }
    for (int i = 0; i < n; i++) {
      RuntimeException bad = g.validate(op, param + "[" + i + "]", list.get(i));
      if (bad != null) {
        return bad;
      }
    }
    Tensor ref = like != null ? like : list.get(0);
    String refName = like != null ? "output" : param + "[0]";
    for (int i = 0; i < n; i++) {
      Tensor t = list.get(i);
      if (!Arrays.equals(t.shape(), ref.shape()) || t.dtype() != ref.dtype()) {
        return new ShapeException(ShapeMismatch.of(ShapeAgreement.KEY, op, param + "[" + i
            + "] is " + NativeTensors.describe(t) + " but " + refName + " is "
            + NativeTensors.describe(ref) + "; pass tensors of one shape and dtype"));
      }
    }
    return null;
  }

  private static List<Tensor> outputs(int n, Tensor like) {
    List<Tensor> outs = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      outs.add(Torch.empty(like.shape(), like.dtype()));
    }
    return List.copyOf(outs);
  }

  private static TensorVector vector(String op, List<Tensor> ts, String param) {
    TensorVector v = new TensorVector();
    for (int i = 0; i < ts.size(); i++) {
      v.push_back(ProcessGroup.handle(op, ts.get(i), param + "[" + i + "]"));
    }
    return v;
  }
}
