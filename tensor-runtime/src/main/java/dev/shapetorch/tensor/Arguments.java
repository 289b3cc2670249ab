package dev.shapetorch.tensor;

/**
 * Null checks that report like ShapeTorch's own ops: an {@link IllegalArgumentException} whose
 * message starts with the op the caller called (read from the stack, as every ShapeTorch error
 * is) and names the parameter, e.g. {@code SGD: params is null}. ShapeTorch's packages use it
 * for their parameters; a user's own layers may too.
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
}
