package dev.shapetorch.distributed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.Store;
import org.bytedeco.pytorch.StringVector;

/**
 * The ranks' first meeting in the store, before Gloo connects them: each rank claims its rank
 * number and says its world size, host and process id; each then waits for all ranks. A rank
 * claimed twice, a world size that differs or a rank that never comes fails with a message naming
 * the ranks, on every rank that joined, instead of Gloo waiting out its timeout.
 *
 * <p>A rank that finds a disagreement writes an abort key that the others poll; rank 0, which
 * serves the TCP store, keeps it up until every joined rank has read the abort.
 */
final class Rendezvous {

  private static final String PREFIX = "shapetorch/";
  private static final String ABORT = PREFIX + "abort";
  private static final String ABORT_SEEN = PREFIX + "abort_seen";
  private static final long POLL_MILLIS = 5;

  private Rendezvous() {}

  static Peers join(Store store, ProcessGroupOptions o) {
    int rank = o.rank();
    int world = o.worldSize();
    String mine = Peers.self(world).encode();
    String claimed = string(store.compareSet(key(rank), bytes(""), bytes(mine)));
    if (!claimed.equals(mine)) {
      throw abort(store, o, List.of(rank), "rank " + rank + " was started twice (another process"
          + " with RANK=" + rank + " joined first: " + claimed + "); give each process its own"
          + " RANK from 0 to WORLD_SIZE - 1");
    }
    long deadline = System.nanoTime() + o.timeout().toNanos();
    StringVector all = new StringVector();
    for (int r = 0; r < world; r++) {
      all.push_back(key(r));
    }
    while (!store.check(all)) {
      if (store.check(new StringVector(ABORT))) {
        throw aborted(store, o);
      }
      if (System.nanoTime() > deadline) {
        List<Integer> missing = missing(store, world);
        throw abort(store, o, missing, Failures.ranks(missing) + " did not join within "
            + Stores.seconds(o.timeout()) + " (WORLD_SIZE=" + world + "); start every rank with"
            + " the same MASTER_ADDR, MASTER_PORT and WORLD_SIZE, or raise the timeout");
      }
      sleep();
    }
    List<Peers.Peer> peers = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      peers.add(Peers.Peer.decode(string(store.get(key(r)))));
    }
    List<Integer> disagree = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      if (peers.get(r).worldSize() != world) {
        disagree.add(r);
      }
    }
    if (!disagree.isEmpty()) {
      StringBuilder sizes = new StringBuilder();
      for (int r = 0; r < world; r++) {
        sizes.append(r == 0 ? "" : ", ").append("rank ").append(r).append(" has ")
            .append(peers.get(r).worldSize());
      }
      throw abort(store, o, disagree, "the ranks disagree on WORLD_SIZE: " + sizes
          + "; give every process the same WORLD_SIZE");
    }
    return new Peers(rank, peers);
  }

  private static List<Integer> missing(Store store, int world) {
    List<Integer> missing = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      if (!store.check(new StringVector(key(r)))) {
        missing.add(r);
      }
    }
    return missing;
  }

  /** Writes the abort, waits (rank 0) for the joined ranks to read it, returns the exception. */
  private static DistributedException abort(
      Store store, ProcessGroupOptions o, List<Integer> faulty, String detail) {
    String msg = detail;
    try {
      ByteVector prev = store.compareSet(ABORT, bytes(""), bytes(o.rank() + "\n" + detail));
      String first = string(prev);
      int nl = first.indexOf('\n');
      if (nl > 0 && !first.startsWith(o.rank() + "\n")) {
        msg = first.substring(nl + 1); // another rank aborted first: say the same
      }
      store.add(ABORT_SEEN, 1);
      waitForReaders(store, o);
    } catch (RuntimeException e) {
      // the store is gone: report what this rank found
    }
    return Failures.setup(o.rank(), faulty, msg, null);
  }

  private static DistributedException aborted(Store store, ProcessGroupOptions o) {
    String first = string(store.get(ABORT));
    int nl = first.indexOf('\n');
    String detail = nl > 0 ? first.substring(nl + 1) : first;
    store.add(ABORT_SEEN, 1);
    waitForReaders(store, o);
    List<Integer> faulty = new ArrayList<>();
    return Failures.setup(o.rank(), faulty, detail, null);
  }

  /** On the TCP store's server (rank 0): until every joined rank has seen the abort. */
  private static void waitForReaders(Store store, ProcessGroupOptions o) {
    if (o.rank() != 0 || o.storeFile() != null) {
      return;
    }
    long deadline = System.nanoTime() + o.timeout().toNanos();
    while (System.nanoTime() < deadline) {
      int joined = o.worldSize() - missing(store, o.worldSize()).size();
      if (store.add(ABORT_SEEN, 0) >= joined) {
        return;
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistributedException(Failures.INIT, -1, List.of(),
          Failures.INIT + ": interrupted while waiting for the other ranks", e);
    }
  }

  private static String key(int rank) {
    return PREFIX + "rank/" + rank;
  }

  private static ByteVector bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new ByteVector(b);
  }

  private static String string(ByteVector v) {
    return new String(v.get(), StandardCharsets.UTF_8);
  }
}
