package dev.shapetorch.tensor;

/**
 * What {@code unique} returns, as PyTorch's tuple {@code (output, inverse_indices, counts)}:
 * the distinct values, and, where asked for, the inverse and the counts (null otherwise).
 *
 * <p>Shape: without a dim, {@code values} and {@code counts} are {@code [_]} (the number of
 * distinct values, known at run time) and {@code inverse} has the input's shape; along dim
 * {@code d}, {@code values} is the input's shape with dim {@code d} unknown, {@code inverse} is
 * {@code [input.size(d)]} and {@code counts} {@code [_]}.
 *
 * @param values the distinct values (or slices), in ascending order
 * @param inverse for each element (or slice) of the input, the index of its value in {@code
 *     values} (int64), so that {@code values.indexSelect(0, inverse.flatten())} rebuilds the
 *     input's values; null if not asked for
 * @param counts how often each of {@code values} occurs in the input (int64); null if not asked
 *     for
 */
public record Unique(Tensor values, Tensor inverse, Tensor counts) {}
