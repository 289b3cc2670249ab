import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.LSTM's RECURRENT rule reads its hyperparameters from its type. */
class LstmModule {
  final LSTM lstm = new LSTM(8, 16);

  void use(@Shape({"T", "B", "8"}) Tensor x, @Shape({"T", "B", "4"}) Tensor wrong) {
    @Shape({"T", "B", "16"}) Tensor y = lstm.forward(x);
    // :: error: (shape.mismatch.rnn.input)
    lstm.forward(wrong);
  }
}
