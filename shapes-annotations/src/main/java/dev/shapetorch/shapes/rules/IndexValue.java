package dev.shapetorch.shapes.rules;

/**
 * The run-time value of one {@code ?} of an {@link IndexSpec}, as the rule sees it: an int, or
 * an index tensor's shape and whether it is a bool mask. A value the checker does not know is
 * null in the list given to {@link IndexingRules}.
 */
public sealed interface IndexValue {

  /** An int (a whole-item {@code ?} or a slice bound). */
  record IntValue(long value) implements IndexValue {}

  /**
   * An index tensor: int64/int32 positions ({@code mask} false), or a bool mask, which covers as
   * many dims as it has and must have their sizes.
   */
  record TensorValue(TensorShape shape, boolean mask) implements IndexValue {}
}
