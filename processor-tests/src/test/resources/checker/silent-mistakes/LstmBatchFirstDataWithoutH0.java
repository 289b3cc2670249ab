import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 2: batch-first data [B, T, In] fed to a sequence-first LSTM without h0; libtorch
 * reads T as the batch. The final hidden state's type exposes it.
 */
class LstmBatchFirstDataWithoutH0 {
  void wrong(@Shape({"B", "T", "8"}) Tensor batchFirstData) {
    var lstm = new LSTM(8, 16);
    // :: error: (shape.assignment) h: found [1, T, 16], required [1, B, 16]
    @Shape({"1", "B", "16"}) Tensor h = lstm.finalHidden(batchFirstData);
  }

  void fixed(@Shape({"B", "T", "8"}) Tensor batchFirstData) {
    var lstm = LSTM.batchFirst(8, 16, 1);
    @Shape({"1", "B", "16"}) Tensor h = lstm.finalHidden(batchFirstData);
    @Shape({"B", "T", "16"}) Tensor out = lstm.forward(batchFirstData);
  }
}
