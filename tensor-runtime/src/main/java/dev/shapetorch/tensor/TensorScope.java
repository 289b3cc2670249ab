package dev.shapetorch.tensor;

import java.util.Arrays;

/**
 * Owns the native memory of the tensors created inside it, and frees it when it closes.
 *
 * <pre>{@code
 * Tensor loss;
 * try (var scope = TensorScope.open()) {
 *   Tensor h = x.matmul(w).relu();     // freed when the scope closes
 *   loss = scope.keep(h.sum());        // survives: now owned by the enclosing scope, if any
 * }
 * }</pre>
 *
 * <p>Every tensor created while a scope is open on the current thread (by a factory, an op, an
 * accessor such as {@link Tensor#grad()}) belongs to the innermost open scope. Closing the scope
 * frees all of them except those that were
 *
 * <ul>
 *   <li>{@linkplain #keep(Tensor) kept}: handed to the enclosing scope (or to no scope, when this
 *       is the outermost one), or
 *   <li>{@linkplain Tensor#retain() retained}: taken out of every scope; freed by {@link
 *       Tensor#close()} or, as a fallback, by the garbage collector.
 * </ul>
 *
 * <p>Using a freed tensor raises {@link IllegalStateException}; it never reaches native code.
 * Scopes nest, belong to the thread that opened them, and must be closed on that thread; closing
 * a scope closes any scope still open inside it first. Tensors created outside every scope are
 * freed by {@link Tensor#close()} or the garbage collector. Registering a tensor and keeping it
 * are O(1).
 */
public final class TensorScope implements AutoCloseable {

  private static final ThreadLocal<TensorScope> CURRENT = new ThreadLocal<>();

  private final TensorScope parent;
  private final Thread thread;
  private Tensor[] owned = new Tensor[16];
  private int count;
  private TensorScope child;
  private boolean closed;

  private TensorScope(TensorScope parent) {
    this.parent = parent;
    this.thread = Thread.currentThread();
  }

  /** Opens a scope nested in the current thread's innermost open scope, if any. */
  public static TensorScope open() {
    TensorScope parent = CURRENT.get();
    TensorScope scope = new TensorScope(parent);
    if (parent != null) {
      parent.child = scope;
    }
    CURRENT.set(scope);
    return scope;
  }

  /** The innermost open scope of the current thread, or null when none is open. */
  public static TensorScope current() {
    return CURRENT.get();
  }

  /** The scope this one is nested in, or null for an outermost scope. */
  public TensorScope parent() {
    return parent;
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Lets {@code tensor} outlive this scope: it moves to the enclosing scope, or to no scope when
   * this is the outermost one (then {@link Tensor#close()} or the garbage collector frees it). A
   * tensor this scope does not own (created outside it, already kept or retained) is left as it
   * is.
   *
   * @return {@code tensor}, for {@code return scope.keep(result);}
   * @throws IllegalStateException if this scope is closed or the tensor has been freed
   */
  public Tensor keep(Tensor tensor) {
    checkOpen();
    tensor.checkNotFreed();
    if (ownsTransitively(tensor.owner)) {
      tensor.owner = null;
      if (parent != null) {
        parent.register(tensor);
      }
    }
    return tensor;
  }

  /** {@link #keep(Tensor)} for each tensor. */
  public void keep(Tensor... tensors) {
    for (Tensor t : tensors) {
      keep(t);
    }
  }

  /** {@link #keep(Tensor)} for each tensor. */
  public void keep(Iterable<? extends Tensor> tensors) {
    for (Tensor t : tensors) {
      keep(t);
    }
  }

  /** The number of tensors this scope owns and has not freed yet. */
  public int liveCount() {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (owned[i].owner == this && !owned[i].isFreed()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Frees every tensor this scope still owns, after closing any scope still open inside it.
   * Calling it again does nothing.
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
          "a TensorScope must be closed on the thread that opened it (" + thread.getName() + ")");
    }
    if (child != null && !child.closed) {
      child.close();
    }
    closed = true;
    for (int i = 0; i < count; i++) {
      Tensor t = owned[i];
      owned[i] = null;
      if (t.owner == this) {
        t.owner = null;
        t.free(Tensor.FREED_BY_SCOPE);
      }
    }
    count = 0;
    owned = null;
    if (parent != null && parent.child == this) {
      parent.child = null;
    }
    if (CURRENT.get() == this) {
      if (parent != null) {
        CURRENT.set(parent);
      } else {
        CURRENT.remove();
      }
    }
  }

  /** Takes ownership of a new tensor. */
  void register(Tensor t) {
    if (count == owned.length) {
      owned = Arrays.copyOf(owned, count * 2);
    }
    owned[count++] = t;
    t.owner = this;
  }

  /** Registers a freshly created tensor with the current thread's innermost scope, if any. */
  static void adopt(Tensor t) {
    TensorScope s = CURRENT.get();
    if (s != null) {
      s.register(t);
    }
  }

  private boolean ownsTransitively(TensorScope scope) {
    for (TensorScope s = scope; s != null; s = s.parent) {
      if (s == this) {
        return true;
      }
    }
    return false;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this TensorScope is closed; keep tensors before it closes");
    }
  }
}
