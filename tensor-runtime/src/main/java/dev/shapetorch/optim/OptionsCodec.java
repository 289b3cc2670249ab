package dev.shapetorch.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Converts an options record to and from numbers by component name, for {@link
 * Optimizer#stateDict()}. Package-private.
 */
final class OptionsCodec {

  /**
   * Flags added to options records after states were first saved: a state without one loads with
   * the flag off, as PyTorch's optimizers default a missing {@code fused} when they load.
   */
  private static final Set<String> ADDED_FLAGS = Set.of("fused");

  private OptionsCodec() {}

  /**
   * The record's components as doubles ({@code boolean} as 0 or 1, an enum as its ordinal), in
   * declaration order.
   */
  static Map<String, Double> encode(Record options) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (RecordComponent c : options.getClass().getRecordComponents()) {
      Object v = read(c, options);
      if (v instanceof Boolean b) {
        out.put(c.getName(), b ? 1.0 : 0.0);
      } else if (v instanceof Enum<?> e) {
        out.put(c.getName(), (double) e.ordinal());
      } else if (v instanceof Number n) {
        out.put(c.getName(), n.doubleValue());
      } else {
        throw new IllegalStateException(
            options.getClass().getSimpleName() + "." + c.getName()
                + " is not a number, boolean or enum; options records may hold only those");
      }
    }
    return out;
  }

  /**
   * A record of {@code type} from values by component name. A flag added later ({@code fused})
   * may be missing and is then false.
   *
   * @throws IllegalArgumentException if a component is missing or the record rejects a value
   */
  static <R> R decode(Class<R> type, Map<String, Double> values, String where) {
    if (!type.isRecord()) {
      throw new IllegalStateException(type.getSimpleName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Double v = values.get(c.getName());
      if (v == null && c.getType() == boolean.class && ADDED_FLAGS.contains(c.getName())) {
        v = 0.0;
      }
      if (v == null) {
        throw new IllegalArgumentException(
            where + ": the loaded state has no value for '" + c.getName() + "' of "
                + type.getSimpleName());
      }
      if (c.getType() == boolean.class) {
        args[i] = v != 0;
      } else if (c.getType().isEnum()) {
        Object[] constants = c.getType().getEnumConstants();
        long ordinal = Math.round(v);
        if (ordinal < 0 || ordinal >= constants.length || ordinal != v) {
          throw new IllegalArgumentException(
              where + ": the loaded value " + v + " of '" + c.getName() + "' is not one of the "
                  + constants.length + " " + c.getType().getSimpleName() + " values (0 to "
                  + (constants.length - 1) + ")");
        }
        args[i] = constants[(int) ordinal];
      } else if (c.getType() == int.class) {
        args[i] = (int) Math.round(v);
      } else if (c.getType() == long.class) {
        args[i] = Math.round(v);
      } else {
        args[i] = v;
      }
    }
    try {
      Constructor<R> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalArgumentException(
          where + ": the loaded " + type.getSimpleName() + " is invalid: " + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          type.getSimpleName() + " has no canonical constructor ShapeTorch can call", e);
    }
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
    }
  }
}
