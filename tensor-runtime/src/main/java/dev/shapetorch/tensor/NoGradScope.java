package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * Turns autograd recording off on the current thread until closed, as PyTorch's {@code with
 * torch.no_grad():}. Obtain it from {@link Torch#noGrad()}:
 *
 * <pre>{@code
 * try (var ng = Torch.noGrad()) {
 *   Tensor prediction = model.forward(x);   // no graph is recorded
 * }
 * }</pre>
 *
 * <p>Scopes nest; closing one restores the mode that was in force when it was opened. Close it
 * on the thread that opened it.
 */
public final class NoGradScope implements AutoCloseable {

  private final NoGradGuard guard;
  private final Thread thread;
  private boolean closed;

  NoGradScope() {
    NativeLibrary.ensureLoaded();
    this.guard = new NoGradGuard();
    this.thread = Thread.currentThread();
  }

  /**
   * Restores the previous autograd mode. Calling it again does nothing.
   *
   * @throws IllegalStateException if called from another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "a no-grad scope must be closed on the thread that opened it (" + thread.getName() + ")");
    }
    closed = true;
    guard.close();
  }
}
