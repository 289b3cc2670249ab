package dev.shapetorch.data;

import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the tensors inside a batch (a tensor, a record such as {@link Sample}, an iterable, a
 * map, an array), so that a {@link DataLoader} can hand them from a worker thread to the
 * training thread's scope. Package-private.
 */
final class TensorWalker {

  private TensorWalker() {}

  static void forEachTensor(Object value, Consumer<Tensor> action) {
    if (value == null) {
      return;
    }
    if (value instanceof Tensor t) {
      action.accept(t);
    } else if (value instanceof Iterable<?> it) {
      for (Object o : it) {
        forEachTensor(o, action);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Object o : m.values()) {
        forEachTensor(o, action);
      }
    } else if (value instanceof Object[] arr) {
      for (Object o : arr) {
        forEachTensor(o, action);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        if (c.getType().isPrimitive()) {
          continue;
        }
        try {
          c.getAccessor().setAccessible(true);
          forEachTensor(c.getAccessor().invoke(value), action);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
          throw new IllegalStateException(
              "DataLoader: cannot read component " + c.getName() + " of the batch record "
                  + value.getClass().getName() + ": " + e,
              e);
        }
      }
    }
  }
}
