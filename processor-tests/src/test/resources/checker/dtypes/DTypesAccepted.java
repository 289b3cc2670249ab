import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Dtypes the checker infers, and contracts that hold (or that an unknown dtype leaves open). */
class DTypesAccepted {
  /** randint gives int64 class indices. */
  static @Shape({}) Tensor indices() {
    Tensor logits = Torch.randn(4, 10);
    @ScalarType("int64") Tensor target = Torch.randint(0, 10, 4);
    return F.crossEntropy(logits, target);
  }

  /** Floating probabilities of the input's shape. */
  static @Shape({}) Tensor probabilities() {
    return F.crossEntropy(Torch.randn(4, 10), Torch.rand(4, 10));
  }

  /** A comparison is a bool mask. */
  static @ScalarType("float32") Tensor masked() {
    Tensor x = Torch.rand(3);
    @ScalarType("bool") Tensor mask = x.gt(0.5);
    return x.maskedFill(mask, 0.0);
  }

  /** int64 + float32 promotes to float32; int64 + int64 stays int64; division is floating. */
  static void promotion() {
    @ScalarType("float32") Tensor f = Torch.arange(3).add(Torch.zeros(3));
    @ScalarType("int64") Tensor l = Torch.arange(3).add(Torch.arange(3));
    @ScalarType("float32") Tensor d = Torch.arange(3).div(Torch.arange(3));
    @ScalarType("float32") Tensor s = Torch.arange(3).mul(2.5);
    @ScalarType("int64") Tensor n = Torch.arange(3).mul(2L);
    @ScalarType("floating") Tensor any = f;
    @ScalarType("integral") Tensor i = l;
  }

  /** Conversions, reductions, indices. */
  static void conversions() {
    @ScalarType("int64") Tensor l = Torch.zeros(3).to(DType.INT64);
    @ScalarType("float64") Tensor z = Torch.zeros(new long[] {3}, DType.FLOAT64);
    @ScalarType("int64") Tensor s = Torch.ones(3).gt(0.0).sum();
    @ScalarType("int64") Tensor a = Torch.rand(3, 4).argmax(1);
    @ScalarType("float32") Tensor m = Torch.arange(10).to(DType.FLOAT32).mean();
    @ScalarType("bool") Tensor nan = Torch.isnan(Torch.rand(2));
  }

  /** Integral indices into an Embedding. */
  static @Shape({"4", "7", "16"}) Tensor embed() {
    Embedding emb = new Embedding(100, 16);
    return emb.forward(Torch.randint(0, 100, 4, 7));
  }

  /** An unannotated tensor has an unknown dtype: never an error on its own. */
  static void unknown(Tensor t, Tensor logits) {
    @ScalarType("int64") Tensor l = t;
    t.mean();
    F.crossEntropy(logits, t);
    t.maskedFill(t, 1.0);
    @ScalarType("float32") Tensor p = t.add(Torch.zeros(3)).add(1.0).mean();
  }
}
