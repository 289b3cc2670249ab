package dev.shapetorch.backprop;

import java.util.List;

/** Building a tuple of whatever arity a list of values has. */
final class Tuples {
  private Tuples() {}

  /** The tuple of the given elements: {@link T0}..{@link T3} by count, {@link TN} beyond. */
  static Tup of(List<?> values) {
    switch (values.size()) {
      case 0:
        return T0.INSTANCE;
      case 1:
        return T1.of(values.get(0));
      case 2:
        return T2.of(values.get(0), values.get(1));
      case 3:
        return T3.of(values.get(0), values.get(1), values.get(2));
      default:
        return TN.ofList(values);
    }
  }
}
