package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
/**
 * Hands tensors made on one thread to a {@link TensorScope} of another: a data loader's
 * background workers build batches outside every scope, and the training thread adopts them
 * into the scope of its current step, so that they are freed with the step's other tensors.
 *
 * <pre>{@code
 * Tensor batch = queue.take();                 // made by a worker, owned by no scope
 * try (var step = TensorScope.open()) {
 *   ScopeTransfer.adopt(batch);                // now freed when `step` closes
 *   ...
 * }
 * }</pre>
 *
 * <p>Shape: unchanged.
 */
public final class ScopeTransfer {

  private ScopeTransfer() {}

  /**
   * Moves a tensor that no scope owns (made outside every scope, kept out of an outermost scope,
   * or made on another thread) into the current thread's innermost open scope. A tensor some
   * scope already owns, or a call with no scope open, leaves the tensor as it is.
   *
   * @return {@code tensor}
   * @throws IllegalStateException if the tensor has been freed
   */
  public static Tensor adopt(Tensor tensor) {
    Arguments.requireNonNull(tensor, "tensor").checkNotFreed();
    if (tensor.owner == null) {
      TensorScope.adopt(tensor);
    }
    return tensor;
  }

  /**
   * Takes a tensor out of the scope that owns it, so that no scope frees it: the opposite of
   * {@link #adopt}. The caller then owns the tensor, and must {@link #adopt} it into a scope (on
   * this thread or another) or {@code close()} it. A data loader without workers builds the next
   * batch this way while the current batch's scope is still open. A tensor no scope owns is left
   * as it is.
   *
   * @return {@code tensor}
   * @throws IllegalStateException if the tensor has been freed
   */
  public static Tensor release(Tensor tensor) {
    Arguments.requireNonNull(tensor, "tensor").checkNotFreed();
    tensor.owner = null;
    return tensor;
  }
}
