package dev.shapetorch.shapes.rules;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of literal sizes backed by a {@code long[]}: the runtime's int-array rule
 * inputs ({@link RuleArg.IntsArg#of(long...)}). Its {@link DimExpr}s are made only when read
 * through the {@link List} interface; rules on concrete shapes read the array itself ({@link
 * #valuesOf}), so that a runtime shape check neither boxes nor builds lists.
 */
final class ConcreteDims extends AbstractList<DimExpr> implements RandomAccess {
  private final long[] values;

  /** Takes ownership of {@code values} (callers pass a private copy). */
  ConcreteDims(long[] values) {
    this.values = values;
  }

  /**
   * The literal values of {@code dims} without copying (callers must not modify them), or null
   * when {@code dims} is not a {@code ConcreteDims}.
   */
  static long[] valuesOf(List<DimExpr> dims) {
    return dims instanceof ConcreteDims ? ((ConcreteDims) dims).values : null;
  }

  @Override
  public DimExpr get(int index) {
    return DimExpr.of(values[index]);
  }

  @Override
  public int size() {
    return values.length;
  }
}
