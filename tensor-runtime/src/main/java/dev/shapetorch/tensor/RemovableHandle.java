package dev.shapetorch.tensor;

/**
 * Removes a hook it was returned for, as PyTorch's {@code torch.utils.hooks.RemovableHandle}:
 * {@link Tensor#registerHook} returns one.
 *
 * <pre>{@code
 * RemovableHandle h = w.registerHook(g -> g.clamp(-1, 1));
 * ...
 * h.remove();
 * }</pre>
 *
 * <p>{@link #close()} removes it too, so a hook can live for one try-with-resources block.
 */
public interface RemovableHandle extends AutoCloseable {

  /** Removes the hook. Calling it again does nothing. */
  void remove();

  /** The same as {@link #remove()}. */
  @Override
  default void close() {
    remove();
  }
}
