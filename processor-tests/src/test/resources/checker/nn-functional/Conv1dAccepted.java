import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.conv1d: [N, Cin, L] x [Cout, Cin, K] -> [N, Cout, L - K + 1] with stride 1, no padding. */
class Conv1dAccepted {
  void use(@Shape({"N", "4", "10"}) Tensor x, @Shape({"6", "4", "3"}) Tensor w) {
    @Shape({"N", "6", "8"}) Tensor y = F.conv1d(x, w, null);
    @Shape({"N", "6", "5"}) Tensor strided = F.conv1d(x, w, null, 2, 1, 1, 1);
  }
}
