package dev.shapetorch.tensor;

/**
 * An LSTM's output sequence and final hidden and cell states ({@code Torch.lstm}, {@code
 * LSTM.forwardWithState}).
 *
 * <p>Shape: {@code output} is {@code [L, N, directions * H]} ({@code [N, L, directions * H]}
 * batch first), {@code hN} and {@code cN} are {@code [layers * directions, N, H]}.
 *
 * @param output {@code [L, N, directions * H]} (batch first: {@code [N, L, ...]})
 * @param hN {@code [layers * directions, N, H]}
 * @param cN {@code [layers * directions, N, H]}
 */
public record LstmOutput(Tensor output, Tensor hN, Tensor cN) {}
