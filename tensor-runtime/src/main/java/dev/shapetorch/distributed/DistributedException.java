package dev.shapetorch.distributed;

import java.util.List;

/**
 * A collective or the setup of a {@link ProcessGroup} failed: a peer died or closed its
 * connection, a peer did not arrive within the timeout, the ranks disagree on the world size, the
 * store's port is taken. The message starts with the op, names this rank and, where known, the
 * ranks at fault, and says what to do; libtorch's own text, when there is one, is the {@linkplain
 * #getCause() cause}.
 *
 * <p>After such a failure the group is broken (PyTorch's is too): close it and restart every rank.
 */
public final class DistributedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String op;
  private final int rank;
  private final List<Integer> faultyRanks;

  /**
   * An exception for a failed op.
   *
   * @param op the op as the user called it ({@code ProcessGroup.allReduce})
   * @param rank this process's rank, or -1 before it is known
   * @param faultyRanks the ranks found at fault (dead, missing, disagreeing); may be empty
   * @param message the message, starting with {@code op}
   * @param cause libtorch's exception, or null
   */
  DistributedException(
      String op, int rank, List<Integer> faultyRanks, String message, Throwable cause) {
    super(message, cause);
    this.op = op;
    this.rank = rank;
    this.faultyRanks = List.copyOf(faultyRanks);
  }

  /** The op that failed, as the user called it. */
  public String op() {
    return op;
  }

  /** The rank of the process that threw, or -1 if it failed before its rank was known. */
  public int rank() {
    return rank;
  }

  /** The ranks found dead, missing or disagreeing; empty when none could be named. */
  public List<Integer> faultyRanks() {
    return faultyRanks;
  }
}
