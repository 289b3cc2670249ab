package dev.shapetorch.distributed;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks, before {@link DistributedDataParallel} broadcasts rank 0's model, that every rank built
 * the same model: the same parameters and buffers, under the same names, with the same shapes and
 * dtypes. Every rank learns every rank's list (one small broadcast per rank), so every rank
 * fails with the same message naming the entry and the ranks, instead of a broadcast that hangs
 * or copies into the wrong tensors. Package-private.
 */
final class ModelAgreement {

  /** One parameter or buffer as a rank describes it. */
  record Entry(String name, boolean buffer, String dtype, long[] shape) {
    String kind() {
      return buffer ? "buffer" : "parameter";
    }

    String describe() {
      return dtype + " " + Arrays.toString(shape);
    }

    boolean sameAs(Entry o) {
      return name.equals(o.name) && buffer == o.buffer && dtype.equals(o.dtype)
          && Arrays.equals(shape, o.shape);
    }
  }

  private ModelAgreement() {}

  /**
   * Throws unless every rank's entries equal rank 0's.
   *
   * @throws IllegalArgumentException naming the first entry that differs, its shapes or dtypes
   *     and the ranks, or the ranks whose numbers of entries differ
   */
  static void check(DdpEngine engine, List<Entry> mine) {
    long[] encoded = encode(mine);
    Tensor length = Torch.fromArray(new long[] {encoded.length}, 1);
    engine.allReduceMax(length);
    int max = (int) length.toLongArray()[0];
    int world = engine.worldSize();
    List<List<Entry>> all = new ArrayList<>();
    for (int src = 0; src < world; src++) {
      long[] buf = new long[max + 1];
      if (src == engine.rank()) {
        buf[0] = encoded.length;
        System.arraycopy(encoded, 0, buf, 1, encoded.length);
      }
      Tensor t = Torch.fromArray(buf, buf.length);
      engine.broadcast(t, src);
      long[] got = t.toLongArray();
      all.add(decode(Arrays.copyOfRange(got, 1, 1 + (int) got[0])));
    }
    String problem = compare(all);
    if (problem != null) {
      throw new IllegalArgumentException("DistributedDataParallel: the ranks' models differ: "
          + problem + "; every rank must build the same model (same layers, sizes and dtypes)"
          + " before wrapping it");
    }
  }

  /** The first difference between rank 0's entries and another rank's, or null. */
  static String compare(List<List<Entry>> all) {
    List<Entry> ref = all.get(0);
    for (int r = 1; r < all.size(); r++) {
      List<Entry> other = all.get(r);
      int n = Math.min(ref.size(), other.size());
      for (int i = 0; i < n; i++) {
        Entry a = ref.get(i);
        Entry b = other.get(i);
        if (a.sameAs(b)) {
          continue;
        }
        if (!a.name.equals(b.name) || a.buffer != b.buffer) {
          return a.kind() + " " + i + " is '" + a.name + "' on rank 0 but " + b.kind() + " '"
              + b.name + "' on rank " + r;
        }
        return a.kind() + " '" + a.name + "' is " + a.describe() + " on rank 0 but "
            + b.describe() + " on rank " + r;
      }
      if (ref.size() != other.size()) {
        List<Entry> longer = ref.size() > other.size() ? ref : other;
        return "rank 0 has " + ref.size() + " parameters and buffers, rank " + r + " has "
            + other.size() + " (the first extra one is '" + longer.get(n).name + "' on rank "
            + (longer == ref ? 0 : r) + ")";
      }
    }
    return null;
  }

  static long[] encode(List<Entry> entries) {
    List<Long> out = new ArrayList<>();
    out.add((long) entries.size());
    for (Entry e : entries) {
      addString(out, e.name);
      out.add(e.buffer ? 1L : 0L);
      addString(out, e.dtype);
      out.add((long) e.shape.length);
      for (long d : e.shape) {
        out.add(d);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static List<Entry> decode(long[] in) {
    int[] at = {0};
    int n = (int) in[at[0]++];
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = readString(in, at);
      boolean buffer = in[at[0]++] != 0;
      String dtype = readString(in, at);
      long[] shape = new long[(int) in[at[0]++]];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = in[at[0]++];
      }
      entries.add(new Entry(name, buffer, dtype, shape));
    }
    return entries;
  }

  private static void addString(List<Long> out, String s) {
    out.add((long) s.length());
    for (int i = 0; i < s.length(); i++) {
      out.add((long) s.charAt(i));
    }
  }

  private static String readString(long[] in, int[] at) {
    int len = (int) in[at[0]++];
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.append((char) in[at[0]++]);
    }
    return b.toString();
  }
}
