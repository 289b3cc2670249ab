/**
 * Attention and the transformer layers built on it: {@link
 * dev.shapetorch.nn.attention.MultiheadAttention} and {@link
 * dev.shapetorch.nn.attention.TransformerEncoderLayer}, as PyTorch's {@code
 * torch.nn.MultiheadAttention} and {@code torch.nn.modules.transformer}.
 *
 * <p>Shape: a layer's type carries its embedding size; queries {@code [L, N, E]} (or batch-first
 * {@code [N, L, E]}) keep their shape.
 */
package dev.shapetorch.nn.attention;
