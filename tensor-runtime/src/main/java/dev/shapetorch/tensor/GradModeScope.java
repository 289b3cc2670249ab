package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.AutoGradMode;

/**
 * Sets whether autograd records ops on the current thread until closed, as PyTorch's {@code with
 * torch.enable_grad():} and {@code with torch.set_grad_enabled(mode):}. Obtain it from {@link
 * Torch#enableGrad()} or {@link Torch#setGradEnabled(boolean)}:
 *
 * <pre>{@code
 * try (var ng = Torch.noGrad()) {
 *   try (var g = Torch.enableGrad()) {
 *     Tensor y = x.mul(x);   // recorded, although an outer scope turned recording off
 *   }
 * }
 * }</pre>
 *
 * <p>Scopes nest with each other and with {@link NoGradScope}; closing one restores the mode that
 * was in force when it was opened. Close it on the thread that opened it. Like PyTorch's {@code
 * torch.set_grad_enabled(False)} called as a function, a scope that is never closed leaves the
 * mode set on its thread.
 */
public final class GradModeScope implements AutoCloseable {

  private final AutoGradMode guard;
  private final Thread thread;
  private final String opener;
  private boolean closed;

  GradModeScope(boolean enabled, String opener) {
    NativeLibrary.ensureLoaded();
    this.guard = new AutoGradMode(enabled);
    this.thread = Thread.currentThread();
    this.opener = opener;
  }

  /**
   * Restores the mode that was in force when this scope was opened. Calling it again does nothing.
   *
   * @throws IllegalStateException if called from another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(opener + ": the scope must be closed on the thread that"
          + " opened it (" + thread.getName() + "), not on " + Thread.currentThread().getName());
    }
    closed = true;
    guard.close();
  }
}
