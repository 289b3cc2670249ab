package dev.shapetorch.tensor;

/**
 * A recurrent network's output sequence and final hidden state ({@code Torch.rnnTanh}, {@code
 * Torch.rnnRelu}, {@code Torch.gru}, {@code RNN.forwardWithState}, {@code GRU.forwardWithState}).
 *
 * <p>Shape: {@code output} is {@code [L, N, directions * H]} ({@code [N, L, directions * H]}
 * batch first), {@code hN} is {@code [layers * directions, N, H]}.
 *
 * @param output {@code [L, N, directions * H]} (batch first: {@code [N, L, ...]})
 * @param hN {@code [layers * directions, N, H]}
 */
public record RnnOutput(Tensor output, Tensor hN) {}
