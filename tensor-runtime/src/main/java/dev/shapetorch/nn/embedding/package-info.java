/**
 * Embeddings: {@link dev.shapetorch.nn.embedding.Embedding}, as PyTorch's {@code
 * torch.nn.Embedding} ({@code torch.nn.modules.sparse}).
 *
 * <p>Shape: the type carries the vocabulary size and the embedding size; indices {@code [*s]}
 * become {@code [*s, E]}.
 */
package dev.shapetorch.nn.embedding;
