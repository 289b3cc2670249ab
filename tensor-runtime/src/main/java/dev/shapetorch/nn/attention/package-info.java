/**
 * Attention and the transformer layers built on it: {@link
 * dev.shapetorch.nn.attention.MultiheadAttention}, {@link
 * dev.shapetorch.nn.attention.TransformerEncoderLayer}, {@link
 * dev.shapetorch.nn.attention.TransformerDecoderLayer}, the stacks {@link
 * dev.shapetorch.nn.attention.TransformerEncoder} and {@link
 * dev.shapetorch.nn.attention.TransformerDecoder}, and the encoder-decoder {@link
 * dev.shapetorch.nn.attention.Transformer}, as PyTorch's {@code torch.nn.MultiheadAttention}
 * and {@code torch.nn.modules.transformer}.
 *
 * <p>Shape: a layer's type carries its embedding size; queries {@code [L, N, E]} (or batch-first
 * {@code [N, L, E]}) keep their shape; a decoder's target {@code [T, N, E]} attends to a memory
 * {@code [S, N, E]} of the same batch size and keeps its shape.
 */
package dev.shapetorch.nn.attention;
