package dev.shapetorch.internal;

import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the tensors inside a value: a tensor, or a record, iterable, map or array of them, at any
 * depth. The {@code DataLoader} hands a batch's tensors from a worker thread to the training
 * thread's scope with it; {@code DistributedDataParallel} finds a forward's outputs (PyTorch's
 * {@code _find_tensors}). Internal: not part of the API.
 */
public final class TensorWalker {

  private TensorWalker() {}

  /**
   * Calls {@code action} on every tensor in {@code value}, depth first, in order.
   *
   * @param op the op the caller called, for the message when a record component cannot be read
   * @param what what {@code value} is to the caller ({@code "batch"}, {@code "output"})
   * @throws IllegalStateException if a record component's accessor fails
   */
  public static void forEachTensor(Object value, String op, String what,
      Consumer<Tensor> action) {
    if (value == null) {
      return;
    }
    if (value instanceof Tensor t) {
      action.accept(t);
    } else if (value instanceof Iterable<?> it) {
      for (Object o : it) {
        forEachTensor(o, op, what, action);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Object o : m.values()) {
        forEachTensor(o, op, what, action);
      }
    } else if (value instanceof Object[] arr) {
      for (Object o : arr) {
        forEachTensor(o, op, what, action);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        if (c.getType().isPrimitive()) {
          continue;
        }
        try {
          c.getAccessor().setAccessible(true);
          forEachTensor(c.getAccessor().invoke(value), op, what, action);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
          throw new IllegalStateException(op + ": cannot read component " + c.getName()
              + " of the " + what + " record " + value.getClass().getName() + ": " + e, e);
        }
      }
    }
  }
}
