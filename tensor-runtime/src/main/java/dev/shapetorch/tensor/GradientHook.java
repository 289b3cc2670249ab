package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.TensorBase;
import org.bytedeco.pytorch.TensorTensorHook;

/**
 * A Java function that libtorch's autograd engine calls with a tensor's gradient ({@link
 * Tensor#registerHook}). Package-private.
 *
 * <p>The engine calls {@link #call} on the thread that runs the backward pass. The function runs
 * in a {@link TensorScope} of its own, so what it creates is freed when it returns; its result
 * leaves as a new native handle that the engine owns. An exception it throws must not unwind
 * through native frames: it is caught, turned into a C++ exception by JavaCPP's callback (the
 * engine then stops the backward pass), and {@link #rethrowPending} hands the Java exception, as
 * it was, to the caller of {@code backward}.
 *
 * <p>The callback object is kept reachable ({@link #LIVE}) until the hook is removed, by its handle
 * or when the tensor it was registered on is freed: the engine holds only a pointer to its
 * native thunk, which dies with the Java object.
 */
final class GradientHook extends TensorTensorHook {

  /** Hooks the engine may still call: their Java objects must stay reachable. */
  private static final Set<GradientHook> LIVE = ConcurrentHashMap.newKeySet();

  /** The first exception a hook threw during the current backward pass of a thread. */
  private static final ThreadLocal<RuntimeException> PENDING = new ThreadLocal<>();

  private final UnaryOperator<Tensor> function;
  private final String tensor;

  private GradientHook(UnaryOperator<Tensor> function, String tensor) {
    this.function = function;
    this.tensor = tensor;
  }

  /** Registers {@code function} on {@code self} and returns the handle that removes it. */
  static RemovableHandle register(Tensor self, UnaryOperator<Tensor> function) {
    if (function == null) {
      throw new IllegalArgumentException("Tensor.registerHook: the hook is null");
    }
    if (!self.requiresGrad()) {
      throw new IllegalStateException("Tensor.registerHook: cannot register a hook on a tensor"
          + " that doesn't require gradient (" + self.describe() + "); call requiresGrad_(true)"
          + " first, or hook a tensor computed from one that does");
    }
    org.bytedeco.pytorch.Tensor handle = new org.bytedeco.pytorch.Tensor(self.h());
    GradientHook hook = new GradientHook(function, self.describe());
    LIVE.add(hook);
    int id;
    try {
      id = handle.register_hook(hook);
    } catch (RuntimeException e) {
      LIVE.remove(hook);
      handle.close();
      throw Natives.fail("Tensor.registerHook", e, self);
    }
    RemovableHandle removable = new RemovableHandle() {
      private boolean removed;

      @Override
      public synchronized void remove() {
        if (removed) {
          return;
        }
        removed = true;
        try {
          handle.remove_hook(id);
        } finally {
          handle.close();
          LIVE.remove(hook);
        }
      }
    };
    // As in PyTorch, a hook lives with its tensor: freeing the tensor removes it, so that the
    // engine can no longer call it and its Java object may go.
    self.onFree(removable::remove);
    return removable;
  }

  @Override
  public TensorBase call(TensorBase gradient) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor grad = TensorCore.wrapBorrowed(new org.bytedeco.pytorch.Tensor(gradient));
      Tensor result = function.apply(grad);
      if (result == null) {
        // PyTorch's convention: a hook that returns None leaves the gradient as it is.
        return new TensorBase();
      }
      if (!grad.shapeOf().equals(result.shapeOf())) {
        throw new ShapeException(ShapeMismatch.of("shape.mismatch.hook", "Tensor.registerHook",
            "the hook of " + tensor + " returned a gradient of shape " + result.shapeOf()
                + "; a hook must return a tensor of the gradient's shape " + grad.shapeOf()
                + ", or null to leave the gradient as it is"));
      }
      return new TensorBase(result.h());
    } catch (RuntimeException | Error e) {
      RuntimeException failure = e instanceof RuntimeException r ? r
          : new IllegalStateException("Tensor.registerHook: the hook failed: " + e, e);
      if (PENDING.get() == null) {
        PENDING.set(failure);
      }
      throw failure;
    }
  }

  /**
   * Throws the exception a hook threw during the backward pass that just ended on this thread,
   * with {@code nativeError} (the engine's report of it) suppressed; returns if there is none.
   */
  static void rethrowPending(RuntimeException nativeError) {
    RuntimeException pending = PENDING.get();
    if (pending != null) {
      PENDING.remove();
      if (nativeError != null && nativeError != pending) {
        pending.addSuppressed(nativeError);
      }
      throw pending;
    }
  }

  /** How many hooks are registered now; for tests. */
  static int liveCount() {
    return LIVE.size();
  }

  /** Forgets an exception left by an earlier pass (called before a backward pass starts). */
  static void clearPending() {
    PENDING.remove();
  }
}
