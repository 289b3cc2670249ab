import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * An effectively final local is the size of its initializer: long batch = x.size(0) of a
 * [4, 2, 3] tensor is 4, not a fresh name that no literal can equal.
 */
class LocalSizeIsItsInitializer {
  void view(@Shape({"4", "2", "3"}) Tensor x) {
    long batch = x.size(0);
    @Shape({"4", "6"}) Tensor a = x.view(batch, 6);
    @Shape({"4", "6"}) Tensor b = x.view(batch, -1);
    int rows = (int) batch * 2;
    @Shape({"8", "3"}) Tensor c = x.reshape(rows, 3);
  }

  void transposedThenJoined(@Shape({"4", "4"}) Tensor t) {
    var n = t.size(0);
    @Shape({"4", "4"}) Tensor r = t.t().reshape(n, -1);
    @Shape({"4", "4", "2"}) Tensor c =
        Torch.cat(List.of(r.unsqueeze(2), Torch.zeros(4, 4, 1)), 2);
  }

  @Shape({"B", "6"}) Tensor keepsTheBatchVariable(@Shape({"B", "2", "3"}) Tensor x) {
    long b = x.size(0);
    return x.view(b, -1);
  }

  void unknownInitializerIsUnknown(@Shape({"4", "2", "3"}) Tensor x, List<String> lines) {
    int n = lines.size();
    x.view(n, 6);
    x.view(n, -1);
  }

  void inALoop() {
    Tensor x = Torch.randn(8, 6);
    for (int i = 0; i < 2; i++) {
      long half = x.size(0) / 2;
      x = x.narrow(0, 0, half);
      x.view(half, 6);
      x.view(half, -1);
    }
  }

  void provableMismatch(@Shape({"4", "2", "3"}) Tensor x) {
    long batch = x.size(0);
    // :: error: (shape.reshape.numel) Tensor.view: shape [4, 5] is invalid for input [4, 2, 3] of 24 elements
    x.view(batch, 5);
  }

  @Shape({"B", "7"}) Tensor symbolicMismatch(@Shape({"B", "2", "3"}) Tensor x) {
    long b = x.size(0);
    // :: error: (shape.return) dim 1: found 6, required 7
    return x.view(b, -1);
  }
}
