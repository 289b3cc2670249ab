import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class RejectsRankMismatch {
  static void train(@Shape({"B", "784"}) Tensor x) {}

  void use() {
    // :: error: (shape.rank) argument x is [1, 28, 28] (rank 3), required [B, 784] (rank 2)
    train(Torch.zeros(1, 28, 28));
  }
}
