package dev.shapetorch.nn.utils;

import dev.shapetorch.tensor.Tensor;

/**
 * What {@link Sequences#padPackedSequence} returns, as PyTorch's {@code (padded, lengths)}
 * pair.
 *
 * <p>Shape: {@code padded} is {@code [T, N, *]} ({@code [N, T, *]} batch first), {@code T} the
 * longest length or the {@code totalLength} asked for; {@code lengths} is {@code [N]} int64 on
 * the CPU, in the input's order.
 *
 * @param padded the sequences, padded with the padding value after each one's end
 * @param lengths each sequence's length
 */
public record PaddedSequence(Tensor padded, Tensor lengths) {}
