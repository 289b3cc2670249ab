package dev.shapetorch.distributed;

import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.TorchException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what c10d and Gloo throw into {@link DistributedException}s that name the op, this rank,
 * the ranks at fault and what to do.
 */
final class Failures {

  static final String INIT = "ProcessGroup.init";

  private Failures() {}

  /** A failure of {@code ProcessGroup.init}. */
  static DistributedException setup(
      int rank, List<Integer> faulty, String detail, Throwable cause) {
    return new DistributedException(INIT, rank, faulty, INIT + ": " + detail, cause);
  }

  /**
   * libtorch's or Gloo's reason: the first line, without the source location Gloo puts in front
   * ({@code [.../pair.cc:547] Connection closed by peer ...}).
   */
  static String reason(Throwable e) {
    String line = NativeTensors.firstLine(e.getMessage());
    if (line.startsWith("[")) {
      int close = line.indexOf("] ");
      if (close > 0 && line.substring(0, close).contains(":")) {
        line = line.substring(close + 2);
      }
    }
    return line;
  }

  /**
   * What the user sees when the collective {@code op} failed on {@code group}: ShapeTorch's own
   * exceptions as they are; a lost peer or a timeout as a {@link DistributedException} naming the
   * ranks that are no longer running; anything else as a {@link DistributedException} with
   * libtorch's reason.
   */
  static RuntimeException collective(
      ProcessGroup group, String op, Duration timeout, RuntimeException e) {
    if (e instanceof DistributedException || e instanceof ShapeException
        || e instanceof TorchException || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException) {
      return e;
    }
    String reason = reason(e);
    String lower = reason.toLowerCase(java.util.Locale.ROOT);
    boolean lost = lower.contains("closed by peer") || lower.contains("reset by peer")
        || lower.contains("broken pipe") || lower.contains("pair closure")
        || lower.contains("connection refused") || lower.contains("socket closed");
    boolean timedOut = lower.contains("timed out") || lower.contains("timeout");
    String me = "rank " + group.rank() + " of " + group.worldSize();
    if (!lost && !timedOut) {
      return new DistributedException(op, group.rank(), List.of(), op + ": " + me + ": " + reason
          + "; see the cause for libtorch's full message", e);
    }
    List<Integer> dead = group.peers().deadRanks(lost);
    String gloo = " (Gloo: " + reason + ")";
    String msg;
    if (!dead.isEmpty()) {
      msg = op + ": " + me + ": " + ranks(dead) + (dead.size() == 1 ? " is" : " are")
          + " no longer running (died or exited)" + gloo + "; see " + (dead.size() == 1 ? "its"
          : "their") + " output for why, then restart all ranks";
    } else if (lost) {
      msg = op + ": " + me + " lost its connection to a peer" + gloo + "; a rank died, closed"
          + " its group or its host is unreachable: see the other ranks' output, then restart"
          + " all ranks";
    } else {
      msg = op + ": " + me + " timed out after " + Stores.seconds(timeout) + " waiting for the"
          + " other ranks" + gloo + "; every rank must call the same collectives in the same"
          + " order; if a rank is only slow, raise ProcessGroupOptions.withTimeout";
    }
    return new DistributedException(op, group.rank(), dead, msg, e);
  }

  /** {@code rank 2} or {@code ranks 1, 2}. */
  static String ranks(List<Integer> ranks) {
    return (ranks.size() == 1 ? "rank " : "ranks ")
        + ranks.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
