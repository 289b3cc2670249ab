package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * One input of a shape rule, as the checker knows it statically or the runtime knows it
 * exactly. An unknown int is {@link DimExpr#UNKNOWN}; an unknown list, boolean or enum constant
 * is null.
 */
public sealed interface RuleArg {

  /** A tensor input. */
  record TensorArg(TensorShape shape) implements RuleArg {}

  /** Several tensor inputs (cat, stack); null when their number is not known. */
  record TensorsArg(List<TensorShape> shapes) implements RuleArg {}

  /** An int input (a dim, a size, an index); may be negative, as in {@code dim=-1}. */
  record IntArg(DimExpr value) implements RuleArg {}

  /** An int-array input (a shape, dims, kernel sizes); null when its length is not known. */
  record IntsArg(List<DimExpr> values) implements RuleArg {

    /**
     * An int-array input whose every value is known, as the runtime has it: the values are
     * copied into a list that rules on concrete shapes read without making a {@link DimExpr}
     * per element.
     */
    public static IntsArg of(long... values) {
      return new IntsArg(new ConcreteDims(values.clone()));
    }
  }

  /** A boolean input (keepdim, ceilMode, batchFirst); null when not known. */
  record BoolArg(Boolean value) implements RuleArg {}

  /**
   * An enum constant input (a loss's {@code Reduction}), by its name ({@code "NONE"}, {@code
   * "MEAN"}); null when not known, as for an argument that is not a constant.
   */
  record EnumArg(String constant) implements RuleArg {}

  /**
   * A string input (an index string, {@code ":, 1:3"}); null when not known, as for an argument
   * that is not a constant.
   */
  record StringArg(String value) implements RuleArg {}

  /** An input the rule does not look at (a scalar, a dtype, an optional absent tensor). */
  record Ignored() implements RuleArg {}
}
