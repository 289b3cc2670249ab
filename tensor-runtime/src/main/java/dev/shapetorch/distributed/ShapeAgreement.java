package dev.shapetorch.distributed;

import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The check that runs before every collective (unless {@link ProcessGroupOptions#checkShapes()}
 * is off): the ranks all-gather a small int64 record of what they are about to do (the op, the
 * root, the reduction, the dtype and the shape) and compare. A disagreement fails on every rank
 * with the same message, naming each rank's shape, instead of a hang or a garbled result.
 *
 * <p>Cost: one all-gather of {@value #SLOTS} int64 per rank (192 bytes per rank) before each
 * collective, i.e. one extra small round trip, through buffers allocated once per group ({@link
 * MetadataBuffers}).
 */
final class ShapeAgreement {

  static final String KEY = "shape.mismatch.collective";
  static final int SLOTS = 24;
  private static final int HEADER = 7;
  private static final int MAX_DIMS = SLOTS - HEADER - 1;

  /** What a rank is about to do; {@code -1} where a field does not apply. */
  record Call(int opCode, int root, int reduce, int dtype, int count, long[] shape,
      boolean invalid) {}

  private ShapeAgreement() {}

  /**
   * Gathers every rank's call and throws if they differ.
   *
   * @throws DistributedException if the ranks call different collectives, roots or reductions
   * @throws ShapeException if they agree on the collective but not on shapes or dtypes
   */
  static void check(ProcessGroup group, String op, Call call) {
    int world = group.worldSize();
    MetadataBuffers buffers = group.metadataBuffers();
    buffers.put(encode(call));
    try {
      group.backend().allgather(buffers.outs(), buffers.in())._wait();
    } catch (RuntimeException e) {
      throw Failures.collective(group, op, group.timeout(), e);
    }
    long[][] all = new long[world][];
    for (int r = 0; r < world; r++) {
      all[r] = buffers.get(r, SLOTS);
    }
    compare(group, op, all);
  }

  private static long[] encode(Call c) {
    long[] v = new long[SLOTS];
    v[0] = c.opCode();
    v[1] = c.root();
    v[2] = c.reduce();
    v[3] = c.dtype();
    v[4] = c.count();
    long[] shape = c.shape() == null ? new long[0] : c.shape();
    v[5] = c.shape() == null ? -1 : shape.length;
    v[6] = c.invalid() ? 1 : 0;
    for (int i = 0; i < Math.min(shape.length, MAX_DIMS); i++) {
      v[HEADER + i] = shape[i];
    }
    v[SLOTS - 1] = Arrays.hashCode(shape);
    return v;
  }

  private static void compare(ProcessGroup group, String op, long[][] all) {
    if (!same(all, 0)) {
      throw new DistributedException(op, group.rank(), differing(all, 0),
          op + ": the ranks called different collectives: " + list(all, r -> "rank " + r
              + " called " + Collective.name((int) all[r][0]))
          + "; every rank must call the same collectives in the same order", null);
    }
    if (!same(all, 1)) {
      throw new DistributedException(op, group.rank(), differing(all, 1),
          op + ": the ranks disagree on the root rank: " + list(all, r -> "rank " + r + " has "
              + all[r][1]) + "; pass the same src/dst on every rank", null);
    }
    if (!same(all, 2)) {
      throw new DistributedException(op, group.rank(), differing(all, 2),
          op + ": the ranks disagree on the reduction: " + list(all, r -> "rank " + r + " has "
              + ReduceOp.values()[(int) all[r][2]]) + "; pass the same ReduceOp on every rank",
          null);
    }
    List<Integer> invalid = new ArrayList<>();
    for (int r = 0; r < all.length; r++) {
      if (all[r][6] != 0) {
        invalid.add(r);
      }
    }
    if (!invalid.isEmpty()) {
      throw new DistributedException(op, group.rank(), invalid, op + ": " + Failures.ranks(invalid)
          + " rejected " + (invalid.size() == 1 ? "its" : "their") + " arguments (see "
          + (invalid.size() == 1 ? "its" : "their") + " message); no rank ran the collective",
          null);
    }
    boolean dtypes = same(all, 3);
    boolean counts = same(all, 4);
    boolean shapes = true;
    for (int i = 5; i < SLOTS; i++) {
      if (i == 6) {
        continue;
      }
      shapes &= same(all, i);
    }
    if (dtypes && counts && shapes) {
      return;
    }
    String detail = list(all, r -> "rank " + r + " has " + describe(all[r], !dtypes, !counts));
    String fix = !counts ? "; pass the same number of tensors on every rank"
        : "; every rank must pass tensors of the same " + (dtypes ? "shape" : shapes ? "dtype"
            : "shape and dtype");
    throw new ShapeException(ShapeMismatch.of(KEY, op, detail + fix));
  }

  private static String describe(long[] v, boolean dtype, boolean count) {
    StringBuilder b = new StringBuilder();
    if (count) {
      b.append(v[4]).append(" tensors of ");
    }
    if (dtype && v[3] >= 0) {
      b.append(DType.values()[(int) v[3]].pytorchName().substring(6));
    }
    int n = (int) v[5];
    if (n > MAX_DIMS) {
      b.append("a shape of ").append(n).append(" dims");
    } else {
      b.append('[');
      for (int i = 0; i < n; i++) {
        b.append(i == 0 ? "" : ", ").append(v[HEADER + i]);
      }
      b.append(']');
    }
    return b.toString();
  }

  private static boolean same(long[][] all, int field) {
    for (long[] v : all) {
      if (v[field] != all[0][field]) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> differing(long[][] all, int field) {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < all.length; r++) {
      if (all[r][field] != all[0][field]) {
        out.add(r);
      }
    }
    return out;
  }

  private static String list(long[][] all, java.util.function.IntFunction<String> one) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < all.length; r++) {
      b.append(r == 0 ? "" : ", ").append(one.apply(r));
    }
    return b.toString();
  }

}
