package dev.shapetorch.distributed;

import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Finds the tensors in a forward's output (a tensor, or a record, iterable, map or array of
 * them), as PyTorch's {@code _find_tensors}: the roots from which {@link DistributedDataParallel}
 * looks for unused parameters. Package-private.
 */
final class OutputTensors {

  private OutputTensors() {}

  static void collect(Object value, List<Tensor> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Tensor t) {
      out.add(t);
    } else if (value instanceof Iterable<?> it) {
      for (Object o : it) {
        collect(o, out);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Object o : m.values()) {
        collect(o, out);
      }
    } else if (value instanceof Object[] arr) {
      for (Object o : arr) {
        collect(o, out);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        if (c.getType().isPrimitive()) {
          continue;
        }
        try {
          c.getAccessor().setAccessible(true);
          collect(c.getAccessor().invoke(value), out);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
          throw new IllegalStateException("DistributedDataParallel.forward: cannot read"
              + " component " + c.getName() + " of the output record "
              + value.getClass().getName() + ": " + e, e);
        }
      }
    }
  }
}
