import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RecurrentOptions;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * PyTorch's call forms: nn.LSTM(10, 20, batch_first=True) is new LSTM(10, 20,
 * RecurrentOptions.defaults().withBatchFirst(true)); the checker reads true as 1, false as 0.
 */
class RecurrentOptionsAccepted {
  static final boolean BATCH_FIRST = true;

  void use(@Shape({"N", "L", "10"}) Tensor batchFirst, @Shape({"L", "N", "10"}) Tensor seqFirst,
      boolean flag) {
    var lstm = new LSTM(10, 20, RecurrentOptions.defaults().withBatchFirst(true));
    @Shape({"10", "20", "1", "0", "1"}) LSTM typed = lstm;
    @Shape({"N", "L", "20"}) Tensor y = lstm.forward(batchFirst);
    @Shape({"1", "N", "20"}) Tensor h = lstm.finalHidden(batchFirst);

    RecurrentOptions two = RecurrentOptions.defaults().withNumLayers(2).withBidirectional(true)
        .withDropout(0.1).withBias(false);
    var gru = new GRU(10, 20, two);
    @Shape({"L", "N", "40"}) Tensor z = gru.forward(seqFirst);
    @Shape({"4", "N", "20"}) Tensor hz = gru.finalHidden(seqFirst);

    // PyTorch's positional order, the flags as booleans (and a boolean constant field).
    var positional = new LSTM(10, 20, 1, true, BATCH_FIRST, 0.0, false);
    @Shape({"N", "L", "20"}) Tensor p = positional.forward(batchFirst);

    // nn.TransformerEncoderLayer(64, 4): dim_feedforward 2048, sequence-first.
    @Shape({"64", "4", "2048", "0"}) TransformerEncoderLayer enc = new TransformerEncoderLayer(64, 4);
    var encBatchFirst = new TransformerEncoderLayer(64, 4, 128, 0.1, "relu", 1e-5, true, false);
    @Shape({"64", "4", "128", "1"}) TransformerEncoderLayer e2 = encBatchFirst;

    // A flag that is no constant is an unknown dim, as an unknown int is: nothing to reject.
    var unknownLayout = new LSTM(10, 20, RecurrentOptions.defaults().withBatchFirst(flag));
    @Shape({"N", "L", "20"}) Tensor u = unknownLayout.forward(batchFirst);

    // nn.MaxPool2d(2, 2), nn.Conv2d(10, 8, 3, 2)
    @Shape({"2", "2", "2", "2", "0", "0", "1", "1", "0"}) MaxPool2d pool = new MaxPool2d(2, 2);
    @Shape({"10", "8", "3", "3", "2", "2", "0", "0", "1", "1"}) Conv2d conv = new Conv2d(10, 8, 3, 2);
  }
}
