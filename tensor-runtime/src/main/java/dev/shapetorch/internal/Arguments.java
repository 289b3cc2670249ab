package dev.shapetorch.internal;

/**
 * Argument checks that report like ShapeTorch's own ops: an {@link IllegalArgumentException}
 * whose message starts with the op the caller called (read from the stack, as every ShapeTorch
 * error is) and names the parameter, e.g. {@code SGD: params is null} or {@code SGD: params[3]
 * is null} ({@link #checkIndex} throws an {@link IndexOutOfBoundsException}). ShapeTorch's
 * packages use it for their parameters.
 *
 * <p>Internal: public only so that ShapeTorch's packages can share it; not API (it was public as
 * {@code dev.shapetorch.tensor.Arguments}).
 */
public final class Arguments {

  private Arguments() {}

  /**
   * Returns {@code value}, or throws if it is null.
   *
   * @param name the parameter's name, for the message
   * @throws IllegalArgumentException naming the op the caller called and {@code name}
   */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw UserCall.nullParameter(name, "a value");
    }
    return value;
  }

  /**
   * Returns {@code values}, or throws if it or one of its elements is null.
   *
   * @param name the parameter's name, for the message ({@code params[3] is null} names the
   *     element)
   * @throws IllegalArgumentException naming the op the caller called, {@code name} and the
   *     index of the first null element
   */
  public static <T extends Iterable<?>> T requireNonNullElements(T values, String name) {
    requireNonNull(values, name);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw UserCall.nullParameter(name, i, "a value");
      }
      i++;
    }
    return values;
  }

  /**
   * Returns {@code values}, or throws if it or one of its elements is null.
   *
   * @param name the parameter's name, for the message ({@code modules[3] is null} names the
   *     element)
   * @throws IllegalArgumentException naming the op the caller called, {@code name} and the
   *     index of the first null element
   */
  public static <T> T[] requireNonNullElements(T[] values, String name) {
    requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw UserCall.nullParameter(name, i, "a value");
      }
    }
    return values;
  }

  /**
   * Returns {@code index}, or throws if it is outside {@code [0, size)}.
   *
   * @param what what is indexed, for the message ({@code "a dataset of 6 examples"})
   * @throws IndexOutOfBoundsException naming the op the caller called, the index and {@code
   *     what}: {@code TensorDataset.get: index 7 is out of range for a dataset of 6 examples}
   */
  public static int checkIndex(int index, int size, String what) {
    if (index < 0 || index >= size) {
      String user = UserCall.op();
      throw new IndexOutOfBoundsException((user == null ? "" : user + ": ") + "index " + index
          + " is out of range for " + what);
    }
    return index;
  }

  /**
   * An exception for an argument {@code op} rejects, whose message starts with the op the
   * caller called: {@code "Conv2d: stride must be positive, got 0"} when the user called {@code
   * op} itself (or another method of its class), {@code "ResNet: Conv2d: ..."} when the user's op
   * ran {@code op} inside; with {@code op} null, the user's op alone ({@code "SGD: params is
   * empty"} from a check that SGD and ParamGroup share).
   *
   * @param op the op whose check failed, or null for the op the user called
   * @param problem what is wrong and what to do, without the op's name
   */
  public static IllegalArgumentException invalid(String op, String problem) {
    String user = UserCall.attribute(op);
    return new IllegalArgumentException(user == null ? problem : user + ": " + problem);
  }
}
