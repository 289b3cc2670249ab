package dev.shapetorch.distributed;

import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import org.bytedeco.pytorch.TensorVector;

/**
 * {@link ProcessGroup#send} and {@link ProcessGroup#recv}. With shape checks on, the two ranks
 * first swap a record of their tensor's dtype and shape (two messages of {@value #SLOTS} int64, on
 * tags derived from the user's), so that a receiver's buffer of another shape fails on both sides
 * with both shapes named instead of a truncated or hanging transfer.
 */
final class PointToPoint {

  private static final int SLOTS = 18;
  private static final String SEND = "ProcessGroup.send";
  private static final String RECV = "ProcessGroup.recv";

  private PointToPoint() {}

  static Work<Tensor> send(ProcessGroup g, Tensor t, int dst, int tag) {
    g.open(SEND);
    RuntimeException invalid = validate(g, SEND, t, "dst", dst, tag);
    if (g.options().checkShapes() && invalid == null) {
      long[] theirs = swap(g, SEND, t, dst, tag, true);
      agree(SEND, g.rank(), t, dst, theirs, true);
    } else if (invalid != null) {
      throw invalid;
    }
    TensorVector v = new TensorVector(ProcessGroup.handle(SEND, t, "tensor"));
    return g.launch(SEND, () -> g.backend().send(v, dst, tag), () -> t);
  }

  static Work<Tensor> recv(ProcessGroup g, Tensor t, int src, int tag) {
    g.open(RECV);
    RuntimeException invalid = validate(g, RECV, t, "src", src, tag);
    if (g.options().checkShapes() && invalid == null) {
      long[] theirs = swap(g, RECV, t, src, tag, false);
      agree(RECV, g.rank(), t, src, theirs, false);
    } else if (invalid != null) {
      throw invalid;
    }
    TensorVector v = new TensorVector(ProcessGroup.handle(RECV, t, "tensor"));
    return g.launch(RECV, () -> g.backend().recv(v, src, tag), () -> t);
  }

  private static RuntimeException validate(
      ProcessGroup g, String op, Tensor t, String param, int peer, int tag) {
    RuntimeException bad = g.validate(op, "tensor", t);
    if (bad == null) {
      bad = g.validateRank(op, param, peer, true);
    }
    if (bad == null && (tag < 0 || tag > ProcessGroup.MAX_TAG)) {
      bad = new IllegalArgumentException(op + ": tag must be 0 to ProcessGroup.MAX_TAG = "
          + ProcessGroup.MAX_TAG + ", got " + tag);
    }
    return bad;
  }

  /** Sends this side's record and receives the peer's, in an order that cannot deadlock. */
  private static long[] swap(
      ProcessGroup g, String op, Tensor t, int peer, int tag, boolean sender) {
    long[] mine = new long[SLOTS];
    mine[0] = t.dtype().ordinal();
    long[] shape = t.shape();
    mine[1] = shape.length;
    for (int i = 0; i < Math.min(shape.length, SLOTS - 3); i++) {
      mine[2 + i] = shape[i];
    }
    mine[SLOTS - 1] = Arrays.hashCode(shape);
    try (Tensor out = Torch.fromArray(mine, SLOTS);
        Tensor in = Torch.zeros(new long[] {SLOTS}, DType.INT64)) {
      TensorVector o = new TensorVector(ProcessGroup.handle(op, out, "metadata"));
      TensorVector i = new TensorVector(ProcessGroup.handle(op, in, "metadata"));
      // the sender's record travels on one tag, the receiver's reply on another
      org.bytedeco.pytorch.Work a = sender
          ? g.backend().send(o, peer, ProcessGroup.metaTag(tag))
          : g.backend().send(o, peer, ProcessGroup.metaReplyTag(tag));
      org.bytedeco.pytorch.Work b = sender
          ? g.backend().recv(i, peer, ProcessGroup.metaReplyTag(tag))
          : g.backend().recv(i, peer, ProcessGroup.metaTag(tag));
      new Work<Void>(g, op, java.util.List.of(a, b), () -> null).await();
      return in.toLongArray();
    } catch (DistributedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.collective(g, op, g.timeout(), e);
    }
  }

  private static void agree(
      String op, int rank, Tensor t, int peer, long[] theirs, boolean sender) {
    long[] shape = t.shape();
    int n = (int) theirs[1];
    boolean same = theirs[0] == t.dtype().ordinal() && n == shape.length
        && theirs[SLOTS - 1] == Arrays.hashCode(shape);
    for (int i = 0; same && i < Math.min(n, SLOTS - 3); i++) {
      same = theirs[2 + i] == shape[i];
    }
    if (same) {
      return;
    }
    String peerDesc =
        DType.values()[(int) theirs[0]].pytorchName().substring(6) + dims(theirs, n);
    String mineDesc = t.dtype().pytorchName().substring(6) + Arrays.toString(shape);
    String detail = sender
        ? "rank " + rank + " sends " + mineDesc + ", rank " + peer + " receives into " + peerDesc
        : "rank " + peer + " sends " + peerDesc + ", rank " + rank + " receives into " + mineDesc;
    throw new ShapeException(ShapeMismatch.of(ShapeAgreement.KEY, op,
        detail + "; send and receive tensors of the same shape and dtype"));
  }

  private static String dims(long[] v, int n) {
    if (n > SLOTS - 3) {
      return "(a shape of " + n + " dims)";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ", ").append(v[2 + i]);
    }
    return b.append(']').toString();
  }
}
