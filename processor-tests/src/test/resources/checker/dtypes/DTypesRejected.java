import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Broken dtype contracts and dtypes that differ from the declared one. */
class DTypesRejected {
  static void floatClassIndices() {
    Tensor logits = Torch.randn(4, 10);
    Tensor target = Torch.rand(4);
    // :: error: (shape.dtype.contract) F.crossEntropy: target holds class indices and must be integral, got float32 [4]
    F.crossEntropy(logits, target);
  }

  static void integerProbabilities() {
    // :: error: (shape.dtype.contract) so it holds class probabilities and must be floating, got int64
    F.crossEntropy(Torch.randn(4, 10), Torch.randint(0, 10, 4, 10));
  }

  static void floatEmbeddingIndices() {
    Embedding emb = new Embedding(100, 16);
    // :: error: (shape.dtype.contract) Embedding.forward: indices must be an integral tensor of indices, got float32 [4, 7]
    emb.forward(Torch.zeros(4, 7));
  }

  static void meanOfIntegers() {
    // :: error: (shape.dtype.contract) Tensor.mean: mean of an integral tensor (int64 [10]): convert it with .to(DType.FLOAT32) first
    Torch.arange(10).mean();
  }

  static void stdOfIntegers() {
    // :: error: (shape.dtype.contract) std of an integral tensor
    Torch.std(Torch.randint(0, 5, 8));
  }

  static void floatMask() {
    Tensor x = Torch.rand(3);
    // :: error: (shape.dtype.contract) Tensor.maskedFill: mask is a mask and must be bool, got float32 [3]
    x.maskedFill(Torch.rand(3), 0.0);
  }

  static void floatCondition() {
    // :: error: (shape.dtype.contract) Torch.where: condition is a mask and must be bool
    Torch.where(Torch.rand(3), Torch.rand(3), Torch.zeros(3));
  }

  static void floatIndex() {
    // :: error: (shape.dtype.contract) Tensor.indexSelect: index must be an integral tensor of indices, got float32 [2]
    Torch.rand(5, 3).indexSelect(0, Torch.ones(2));
  }

  static void promotion() {
    // :: error: (shape.dtype.mismatch) the value's dtype is float32, not int64
    @ScalarType("int64") Tensor l = Torch.arange(3).add(Torch.zeros(3));
  }

  static void conversion() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor f = Torch.rand(3).to(DType.INT64);
  }

  // :: error: (shape.dtype.syntax) @ScalarType("long") is not a dtype
  static void badName(@ScalarType("long") Tensor t) {}
}
