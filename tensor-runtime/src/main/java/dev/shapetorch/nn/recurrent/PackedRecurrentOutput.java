package dev.shapetorch.nn.recurrent;

import dev.shapetorch.nn.utils.PackedSequence;
import dev.shapetorch.tensor.Tensor;

/**
 * What a recurrent layer returns for a packed batch with its final states ({@code
 * forwardWithState(PackedSequence, ...)}), as PyTorch's {@code (output, h_n)} or {@code
 * (output, (h_n, c_n))}.
 *
 * <p>Shape: {@code output}'s data is {@code [S, D*Hidden]}, in the input's packing; {@code hN}
 * and {@code cN} are {@code [D*Layers, N, Hidden]}, their batch dim in the order the sequences
 * were given in (before any sorting), each sequence's state taken at its own last step.
 *
 * @param output the output sequence, packed as the input was
 * @param hN the final hidden state
 * @param cN the final cell state ({@link LSTM}); null for {@link RNN} and {@link GRU}
 */
public record PackedRecurrentOutput(PackedSequence output, Tensor hN, Tensor cN) {}
