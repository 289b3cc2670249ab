import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RecurrentOptions;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A layout read from RecurrentOptions is part of the layer's type. */
class RecurrentOptionsRejected {
  void use(@Shape({"N", "L", "10"}) Tensor batchFirst, @Shape({"1", "N", "20"}) Tensor h0) {
    var lstm = new LSTM(10, 20, RecurrentOptions.defaults().withBatchFirst(true));
    // :: error: (shape.assignment)
    @Shape({"10", "20", "1", "0", "0"}) LSTM seqFirst = lstm;
    // :: error: (shape.assignment)
    @Shape({"L", "N", "20"}) Tensor wrongLayout = lstm.forward(batchFirst);
    var both = new LSTM(10, 20,
        RecurrentOptions.defaults().withBatchFirst(true).withBidirectional(true));
    // Bidirectional doubles the features: [N, L, 20] is wrong.
    // :: error: (shape.assignment)
    @Shape({"N", "L", "20"}) Tensor y = both.forward(batchFirst);
  }
}
