import dev.shapetorch.nn.recurrent.GRUCell;
import dev.shapetorch.nn.recurrent.LSTMCell;
import dev.shapetorch.nn.recurrent.RNNCell;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.RNNCell, nn.LSTMCell and nn.GRUCell: [*b, In] (, [*b, Hidden]) -> [*b, Hidden]. */
class RecurrentCellModules {
  final RNNCell rnn = new RNNCell(8, 16);
  final LSTMCell lstm = new LSTMCell(8, 16);
  final GRUCell gru = new GRUCell(8, 16, false);

  void accepted(@Shape({"B", "8"}) Tensor x, @Shape({"B", "16"}) Tensor h,
      @Shape({"B", "16"}) Tensor c, @Shape({"8"}) Tensor one) {
    @Shape({"B", "16"}) Tensor a = rnn.forward(x);
    @Shape({"B", "16"}) Tensor b = rnn.forward(x, h);
    @Shape({"B", "16"}) Tensor d = lstm.forward(x, h, c);
    @Shape({"B", "16"}) Tensor e = gru.forward(x, h);
    @Shape({"16"}) Tensor f = gru.forward(one);
  }

  void rejected(@Shape({"B", "4"}) Tensor wrongFeatures, @Shape({"B", "8"}) Tensor x,
      @Shape({"B", "32"}) Tensor wrongHidden, @Shape({"B", "16"}) Tensor h) {
    // :: error: (shape.mismatch.argument)
    rnn.forward(wrongFeatures);
    // :: error: (shape.mismatch.argument)
    gru.forward(x, wrongHidden);
    // :: error: (shape.mismatch.argument)
    lstm.forward(x, h, wrongHidden);
  }
}
