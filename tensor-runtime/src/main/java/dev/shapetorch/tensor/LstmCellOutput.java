package dev.shapetorch.tensor;

/**
 * An LSTM cell's next hidden and cell states ({@code Torch.lstmCell}, {@code
 * LSTMCell.forwardWithState}), as the pair {@code (h_1, c_1)} PyTorch's {@code nn.LSTMCell}
 * returns.
 *
 * <p>Shape: both are {@code [N, H]}, or {@code [H]} for an unbatched input.
 *
 * @param h the next hidden state
 * @param c the next cell state
 */
public record LstmCellOutput(Tensor h, Tensor c) {}
