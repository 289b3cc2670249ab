package dev.shapetorch.distributed;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * An asynchronous collective in flight, returned by the {@code ...Async} forms of {@link
 * ProcessGroup}'s collectives: PyTorch's {@code Work} ({@code async_op=True}). {@link #await()}
 * blocks until it is done and gives its result (the output tensors, or the input tensor for the
 * in-place collectives), or throws the collective's failure as a {@link DistributedException}.
 *
 * <p>The tensors a collective reads or writes must not be changed or freed before it is done
 * (libtorch keeps their memory alive meanwhile). Collectives complete in the order they were
 * started.
 *
 * @param <T> what {@link #await()} returns
 */
public final class Work<T> {

  private final ProcessGroup group;
  private final String op;
  private final List<org.bytedeco.pytorch.Work> works;
  private final Supplier<T> result;
  private boolean done;

  Work(ProcessGroup group, String op, List<org.bytedeco.pytorch.Work> works,
      Supplier<T> result) {
    this.group = group;
    this.op = op;
    this.works = List.copyOf(works);
    this.result = result;
  }

  /** Whether the collective has finished, successfully or not; never blocks. */
  public synchronized boolean isCompleted() {
    if (!done) {
      for (org.bytedeco.pytorch.Work w : works) {
        if (!w.isCompleted()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Waits for the collective, at most the group's timeout, and returns its result.
   *
   * @throws DistributedException naming the op and the ranks at fault if it failed or timed out
   */
  public T await() {
    return await(group.timeout());
  }

  /**
   * Waits for the collective at most {@code timeout}, and returns its result. Giving up does not
   * cancel the collective: it runs on until it completes or the group's timeout ends it, and
   * {@link ProcessGroup#close()} waits for that.
   *
   * @throws DistributedException naming the op and the ranks at fault if it failed or did not
   *     finish within {@code timeout}
   */
  public synchronized T await(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(op + " (Work.await): timeout must be positive, got "
          + timeout);
    }
    if (!done) {
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        for (org.bytedeco.pytorch.Work w : works) {
          Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
          if (!w._wait(Stores.millis(left))) {
            throw new IllegalStateException("Timed out waiting " + timeout.toMillis() + "ms");
          }
        }
      } catch (RuntimeException e) {
        throw Failures.collective(group, op, timeout,
            e instanceof IllegalStateException ? new RuntimeException(e.getMessage(), e) : e);
      }
      done = true;
    }
    return result.get();
  }

  @Override
  public String toString() {
    return "Work[" + op + ", " + (isCompleted() ? "completed" : "running") + "]";
  }
}
