import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 2 with an initial state: batch-first data [B, T, In] and an h0 for batch B fed
 * to a sequence-first network. RECURRENT_HIDDEN reads the batch from dim 1 (T), so h0's batch
 * B disagrees: a compile error on nn.LSTM's and nn.GRU's typed entry points.
 */
class LstmBatchFirstDataWithH0 {
  void wrong(@Shape({"B", "T", "8"}) Tensor batchFirstData, @Shape({"1", "B", "16"}) Tensor h0,
      @Shape({"1", "B", "16"}) Tensor c0) {
    var lstm = new LSTM(8, 16);
    // :: error: (shape.mismatch.rnn.input)
    lstm.forward(batchFirstData, h0, c0);
    // :: error: (shape.mismatch.rnn.input)
    lstm.finalHidden(batchFirstData, h0, c0);
    var gru = new GRU(8, 16);
    // :: error: (shape.mismatch.rnn.input)
    gru.forward(batchFirstData, h0);
  }

  void fixed(@Shape({"B", "T", "8"}) Tensor batchFirstData, @Shape({"1", "B", "16"}) Tensor h0,
      @Shape({"1", "B", "16"}) Tensor c0) {
    var lstm = LSTM.batchFirst(8, 16, 1);
    @Shape({"B", "T", "16"}) Tensor out = lstm.forward(batchFirstData, h0, c0);
    @Shape({"1", "B", "16"}) Tensor h = lstm.finalHidden(batchFirstData, h0, c0);
    var gru = GRU.batchFirst(8, 16, 1);
    @Shape({"B", "T", "16"}) Tensor g = gru.forward(batchFirstData, h0);
  }

  void sequenceFirstBidirectional(@Shape({"T", "B", "8"}) Tensor x,
      @Shape({"4", "B", "16"}) Tensor h0, @Shape({"4", "B", "16"}) Tensor c0) {
    var lstm = new LSTM(8, 16, 2, true, false, 0.0, true);
    @Shape({"T", "B", "32"}) Tensor out = lstm.forward(x, h0, c0);
    // :: error: (shape.assignment)
    @Shape({"T", "B", "16"}) Tensor halfWidth = lstm.forward(x, h0, c0);
  }

  void cellStateForOneDirection(@Shape({"T", "B", "8"}) Tensor x,
      @Shape({"2", "B", "16"}) Tensor h0, @Shape({"1", "B", "16"}) Tensor c0) {
    var lstm = new LSTM(8, 16, 1, true, false, 0.0, true);
    // The cell state must be the hidden state's shape: RECURRENT_HIDDEN checks c0 too.
    // :: error: (shape.mismatch.rnn.input)
    lstm.forward(x, h0, c0);
    // :: error: (shape.mismatch.rnn.input)
    lstm.finalHidden(x, h0, c0);
  }
}
