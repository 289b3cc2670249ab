package dev.shapetorch.tensor;

/**
 * The values and (int64) indices that {@code max(dim)}, {@code min(dim)}, {@code sort} and {@code
 * topk} return together, as PyTorch's {@code torch.return_types.max}.
 *
 * <p>Shape: both tensors have the same shape.
 *
 * @param values the selected values
 * @param indices where they were, along the reduced dim
 */
public record ValuesAndIndices(Tensor values, Tensor indices) {}
