/**
 * Recurrent layers: {@link dev.shapetorch.nn.recurrent.RNN}, {@link
 * dev.shapetorch.nn.recurrent.GRU} and {@link dev.shapetorch.nn.recurrent.LSTM}, as PyTorch's
 * {@code torch.nn.modules.rnn}; {@link dev.shapetorch.nn.recurrent.RecurrentSpec} names their
 * hyperparameters, and {@link dev.shapetorch.nn.recurrent.RecurrentOptions} takes PyTorch's
 * keyword arguments ({@code new LSTM(10, 20, RecurrentOptions.defaults().withBatchFirst(true))}
 * for {@code nn.LSTM(10, 20, batch_first=True)}).
 *
 * <p>Shape: a layer's type carries its input size, hidden size, layer count and its bidirectional
 * and batch-first flags; {@code [L, N, In]} (batch first {@code [N, L, In]}) becomes {@code [L,
 * N, D*Hidden]} ({@code D} is 2 when bidirectional), and the states are {@code [D*Layers, N,
 * Hidden]}. A cell's type carries its input and hidden sizes: {@code [N, In]} and a state
 * {@code [N, Hidden]} give the next state {@code [N, Hidden]} (unbatched {@code [In]}, {@code
 * [Hidden]}).
 */
package dev.shapetorch.nn.recurrent;
