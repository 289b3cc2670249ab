import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.Conv1d: the conv layers' rule reads one spatial dim from its 6 hyperparameters. */
class Conv1dModule {
  final Conv1d conv = new Conv1d(4, 8, 3);
  final Conv1d strided = new Conv1d(4, 8, 3, 2, 1, 1, 1, true);

  void use(@Shape({"N", "4", "10"}) Tensor x, @Shape({"N", "4", "L"}) Tensor any,
      @Shape({"4", "10"}) Tensor unbatched, @Shape({"N", "3", "10"}) Tensor three) {
    @Shape({"N", "8", "8"}) Tensor y = conv.forward(x);
    @Shape({"N", "8", "5"}) Tensor z = strided.forward(x);
    @Shape({"N", "8", "L-2"}) Tensor symbolic = conv.forward(any);
    // :: error: (shape.rank) required [N, Cin, L] (rank 3)
    conv.forward(unbatched);
    // :: error: (shape.mismatch.conv.channels) the layer expects Cin = 4
    conv.forward(three);
  }
}
