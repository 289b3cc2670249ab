import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Inside the body that declares it, B is a fixed unknown size: 3 is not B. */
class ReturnConcreteIntoVariable {
  static @Shape({"B", "10"}) Tensor logits(@Shape({"B", "784"}) Tensor x) {
    // :: error: (shape.return) result of logits: found [3, 10], required [B, 10] (dim 0: found 3, required B)
    return Torch.zeros(3, 10);
  }
}
