import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** One sequence without a batch dim, [L, In], as PyTorch takes it: states [D*Layers, Hidden]. */
class RecurrentUnbatchedAccepted {
  final LSTM lstm = new LSTM(3, 4, 2, true, false, 0.0, true);
  final GRU gru = new GRU(3, 4, 1, true, true, 0.0, true);
  final RNN rnn = new RNN(3, 4, 2);

  void use() {
    @Shape({"5", "8"}) Tensor out =
        lstm.forward(Torch.zeros(5, 3), Torch.zeros(4, 4), Torch.zeros(4, 4));
    @Shape({"4", "4"}) Tensor h = lstm.finalHidden(Torch.zeros(5, 3));
    @Shape({"5", "8"}) Tensor batchFirst = gru.forward(Torch.zeros(5, 3));
    @Shape({"2", "4"}) Tensor hn = rnn.finalHidden(Torch.zeros(5, 3), Torch.zeros(2, 4));
  }
}
