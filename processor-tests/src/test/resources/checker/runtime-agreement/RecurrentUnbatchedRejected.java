import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.tensor.Torch;

/** An unbatched sequence takes unbatched states; a batched one is the rule's error. */
class RecurrentUnbatchedRejected {
  final RNN rnn = new RNN(3, 4, 2);
  final LSTM lstm = new LSTM(3, 4, 2, true, false, 0.0, true);

  void use() {
    // :: error: (shape.mismatch.rnn.input) RNN.forward: initial state [2, 1, 4] must be [2, 4] for input [5, 3]; is the input's layout what batchFirst says?
    rnn.forward(Torch.zeros(5, 3), Torch.zeros(2, 1, 4));
    // :: error: (shape.mismatch.rnn.input) LSTM.forward: initial cell state [4, 1, 4] must be [4, 4] for input [5, 3]
    lstm.forward(Torch.zeros(5, 3), Torch.zeros(4, 4), Torch.zeros(4, 1, 4));
  }
}
