package dev.shapetorch.data;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a list of examples into one batch: PyTorch's {@code collate_fn}.
 *
 * <p>{@link #stack()} is PyTorch's {@code default_collate}: it stacks tensors along a new first
 * dimension and recurses into {@link Sample}s, lists and maps. A custom collate function (padding
 * sequences to a common length, say) must return new tensors, not tensors an example holds, since
 * a {@link DataLoader} frees each batch when its step ends.
 *
 * @param <T> the type of one example
 * @param <B> the type of a batch
 */
@FunctionalInterface
public interface Collate<T, B> {

  /**
   * The batch of these examples (at least one).
   *
   * @throws IllegalArgumentException if the examples cannot be merged
   */
  B collate(List<T> examples);

  /**
   * PyTorch's {@code default_collate}: a batch with the structure of one example, where
   *
   * <ul>
   *   <li>tensors of equal shapes are stacked: {@code B} tensors {@code [*s]} become {@code [B,
   *       *s]};
   *   <li>{@code long}/{@code int} numbers become an int64 tensor {@code [B]}, {@code double}/
   *       {@code float} numbers a float64 tensor {@code [B]}, booleans a bool tensor {@code [B]};
   *   <li>{@link Sample}s, lists and maps (by key) are collated element by element.
   * </ul>
   *
   * <p>Shape: each tensor gains a leading dimension of size {@code examples.size()}; the stacked
   * tensors must have equal shapes (a {@code ShapeException} names them otherwise).
   */
  static <T> Collate<T, T> stack() {
    return examples -> {
      if (examples.isEmpty()) {
        throw new IllegalArgumentException("Collate.stack: no examples to collate");
      }
      @SuppressWarnings("unchecked") // stacking keeps the structure, so the batch is a T
      T batch = (T) stackAll(new ArrayList<Object>(examples));
      return batch;
    };
  }

  private static Object stackAll(List<Object> items) {
    Object first = items.get(0);
    if (first instanceof Tensor) {
      List<Tensor> tensors = new ArrayList<>(items.size());
      for (Object o : items) {
        tensors.add(as(Tensor.class, o, first));
      }
      return Torch.stack(tensors, 0);
    }
    if (first instanceof Sample) {
      List<Object> inputs = new ArrayList<>(items.size());
      List<Object> targets = new ArrayList<>(items.size());
      for (Object o : items) {
        Sample s = as(Sample.class, o, first);
        inputs.add(s.input());
        targets.add(s.target());
      }
      return new Sample((Tensor) stackAll(inputs), (Tensor) stackAll(targets));
    }
    if (first instanceof Long || first instanceof Integer) {
      long[] values = new long[items.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = as(Number.class, items.get(i), first).longValue();
      }
      return Torch.tensor(values);
    }
    if (first instanceof Double || first instanceof Float) {
      double[] values = new double[items.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = as(Number.class, items.get(i), first).doubleValue();
      }
      return Torch.tensor(values);
    }
    if (first instanceof Boolean) {
      boolean[] values = new boolean[items.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = as(Boolean.class, items.get(i), first);
      }
      return Torch.tensor(values);
    }
    if (first instanceof List<?> firstList) {
      List<Object> out = new ArrayList<>(firstList.size());
      for (int j = 0; j < firstList.size(); j++) {
        List<Object> column = new ArrayList<>(items.size());
        for (Object o : items) {
          List<?> l = as(List.class, o, first);
          if (l.size() != firstList.size()) {
            throw new IllegalArgumentException(
                "Collate.stack: examples are lists of different lengths (" + firstList.size()
                    + " and " + l.size() + "); pass a custom Collate to merge them");
          }
          column.add(l.get(j));
        }
        out.add(stackAll(column));
      }
      return List.copyOf(out);
    }
    if (first instanceof Map<?, ?> firstMap) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object key : firstMap.keySet()) {
        List<Object> column = new ArrayList<>(items.size());
        for (Object o : items) {
          Map<?, ?> m = as(Map.class, o, first);
          if (!m.containsKey(key)) {
            throw new IllegalArgumentException(
                "Collate.stack: an example lacks the key '" + key + "' the first one has");
          }
          column.add(m.get(key));
        }
        out.put(key, stackAll(column));
      }
      return out;
    }
    throw new IllegalArgumentException(
        "Collate.stack: cannot collate examples of type " + first.getClass().getName()
            + "; it stacks tensors, numbers, booleans, Samples, lists and maps of them: pass a"
            + " custom Collate for other types");
  }

  private static <X> X as(Class<X> type, Object o, Object first) {
    if (!type.isInstance(o)) {
      throw new IllegalArgumentException(
          "Collate.stack: examples mix types: " + first.getClass().getName() + " and "
              + (o == null ? "null" : o.getClass().getName()));
    }
    return type.cast(o);
  }
}
