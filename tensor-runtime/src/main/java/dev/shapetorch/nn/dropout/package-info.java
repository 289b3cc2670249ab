/**
 * Dropout: {@link dev.shapetorch.nn.dropout.Dropout}, as PyTorch's {@code
 * torch.nn.modules.dropout}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
package dev.shapetorch.nn.dropout;
