import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A call is checked wherever it appears: here only its string is used. */
class PrintlnArgument {
  void use() {
    Tensor a = Torch.zeros(2, 3);
    Tensor b = Torch.zeros(5, 4);
    // :: error: (shape.mismatch.matmul) inner dimensions differ
    System.out.println(a.matmul(b));
  }
}
