package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.InferenceMode;

/**
 * Runs the code it encloses in libtorch's inference mode, as PyTorch's {@code with
 * torch.inference_mode():}. Obtain it from {@link Torch#inferenceMode()}:
 *
 * <pre>{@code
 * try (var im = Torch.inferenceMode()) {
 *   Tensor logits = model.forward(x);   // no graph, no version counters: faster than noGrad
 * }
 * }</pre>
 *
 * <p>Inside, autograd records nothing and the tensors created are <em>inference tensors</em>
 * ({@link Tensor#isInference()}): cheaper than under {@link Torch#noGrad()}, but they can never
 * take part in autograd later. Using one in an op that records a graph, or changing one in place
 * outside inference mode, fails with libtorch's error ("Inference tensors cannot be saved for
 * backward"). {@link Torch#inferenceMode(boolean)} with {@code false} opens a scope that leaves
 * inference mode inside an enclosing one. Close the scope on the thread that opened it.
 */
public final class InferenceModeScope implements AutoCloseable {

  private final InferenceMode guard;
  private final Thread thread;
  private boolean closed;

  InferenceModeScope(boolean enabled) {
    NativeLibrary.ensureLoaded();
    this.guard = new InferenceMode(enabled);
    this.thread = Thread.currentThread();
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
      throw new IllegalStateException("Torch.inferenceMode: the scope must be closed on the thread"
          + " that opened it (" + thread.getName() + "), not on "
          + Thread.currentThread().getName());
    }
    closed = true;
    guard.close();
  }
}
