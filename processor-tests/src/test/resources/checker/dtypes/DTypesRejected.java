import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.util.List;

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

  static void methodMeanOfIntegers() {
    // :: error: (shape.dtype.contract) Tensor.mean: mean of an integral tensor (int64 [3, 4]): convert it with .to(DType.FLOAT32) first
    Torch.randint(0, 5, 3, 4).mean(1);
  }

  static void methodMeanKeepdimOfBools() {
    // :: error: (shape.dtype.contract) Tensor.mean: mean of a bool tensor (bool [3]): convert it
    Torch.rand(3).gt(0.5).mean(0, true);
  }

  static void methodMeanOverDimsOfIntegers() {
    // :: error: (shape.dtype.contract) Tensor.mean: mean of an integral tensor
    Torch.arange(6).mean(new int[] {0}, false);
  }

  static void methodVarAndStdOfIntegers() {
    // :: error: (shape.dtype.contract) Tensor.var: var of an integral tensor (int64 [3, 4])
    Torch.randint(0, 5, 3, 4).var(1, true);
    // :: error: (shape.dtype.contract) Tensor.std: std of an integral tensor (int64 [6])
    Torch.arange(6).std();
  }

  static void nanmeanOfIntegers() {
    // :: error: (shape.dtype.contract) Tensor.nanmean: nanmean of an integral tensor (int64 [6])
    Torch.arange(6).nanmean();
  }

  static void methodSumOfInt32IsInt64() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not int32
    @ScalarType("int32") Tensor s = Torch.arange(6).to(DType.INT32).sum(0);
  }

  static void methodArgmaxIsInt64() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor a = Torch.rand(3, 4).argmax(1);
  }

  static void indicesAreInt64() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor i = Torch.rand(3, 4).max(1).indices();
  }

  static void fromDoubleArrayIsFloat64() {
    // :: error: (shape.dtype.mismatch) the value's dtype is float64, not float32
    @ScalarType("float32") Tensor d = Torch.fromArray(new double[] {1, 2}, 2);
  }

  static void fromIntArrayIsInt32() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int32, not int64
    @ScalarType("int64") Tensor i = Torch.fromArray(new int[] {1, 2}, 2);
  }

  static void zerosLikeKeepsTheDtype() {
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor z = Torch.zerosLike(Torch.arange(3));
  }

  static void randLikeOfIntegers() {
    // :: error: (shape.dtype.contract) Torch.randLike: randLike of an integral tensor (int64 [3]): convert it with .to(DType.FLOAT32) first
    Torch.randLike(Torch.arange(3));
  }

  static void floatArrayAsClassIndices() {
    // :: error: (shape.dtype.contract) F.crossEntropy: target holds class indices and must be integral, got float32 [2]
    F.crossEntropy(Torch.randn(2, 5), Torch.fromArray(new float[] {1, 4}, 2));
  }

  // The loss modules state the functions' contract under their own name.
  static void lossModules() {
    Tensor logits = Torch.randn(4, 10);
    // :: error: (shape.dtype.contract) CrossEntropyLoss.forward: target holds class indices and must be integral, got float32 [4]
    new CrossEntropyLoss().forward(logits, Torch.rand(4));
    // :: error: (shape.dtype.contract) NLLLoss.forward: target must be an integral tensor of indices, got float32 [4]; convert it with target.to(DType.INT64)
    new NLLLoss().forward(logits.logSoftmax(1), Torch.zeros(4));
  }

  // Floating math of integers is floating: exp of indices is no class index.
  static void floatingMathOfIntegers() {
    // :: error: (shape.dtype.contract) F.crossEntropy: target holds class indices and must be integral, got float32 [4]
    F.crossEntropy(Torch.randn(4, 10), Torch.randint(0, 10, 4).exp());
    // :: error: (shape.dtype.mismatch) the value's dtype is float32, not int64
    @ScalarType("int64") Tensor s = Torch.arange(4).sigmoid();
  }

  static void catPromotes() {
    // :: error: (shape.dtype.mismatch) the value's dtype is float32, not int64
    @ScalarType("int64") Tensor c = Torch.cat(List.of(Torch.arange(3), Torch.zeros(3)), 0);
  }

  static void stackPromotesUint8AndInt8ToInt16() {
    Tensor u = Torch.arange(3).to(DType.UINT8);
    Tensor i = Torch.arange(3).to(DType.INT8);
    // :: error: (shape.dtype.mismatch) the value's dtype is int16, not uint8
    @ScalarType("uint8") Tensor s = Torch.stack(List.of(u, i));
  }

  static void catOfFloatsIsNoClassIndex() {
    // :: error: (shape.dtype.contract) F.crossEntropy: target holds class indices and must be integral, got float32 [6]
    F.crossEntropy(Torch.randn(6, 10), Torch.cat(List.of(Torch.arange(3), Torch.zeros(3)), 0));
  }

  static void valuesKeepTheInputsDtype() {
    // :: error: (shape.dtype.mismatch) the value's dtype is float32, not int64
    @ScalarType("int64") Tensor v = Torch.rand(3, 4).max(1).values();
    ValuesAndIndices s = Torch.sort(Torch.randint(0, 5, 3, 4), 1, false);
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor sv = s.values();
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not float32
    @ScalarType("float32") Tensor ti = Torch.topk(Torch.rand(5), 2, 0).indices();
    // :: error: (shape.dtype.mismatch) the value's dtype is float32, not int64
    @ScalarType("int64") Tensor k = Torch.kthvalue(Torch.rand(5), 2, 0, false).values();
  }

  static void allAnyAreBool() {
    // :: error: (shape.dtype.mismatch) the value's dtype is bool, not float32
    @ScalarType("float32") Tensor a = Torch.rand(3).all();
    // :: error: (shape.dtype.mismatch) the value's dtype is uint8, not bool
    @ScalarType("bool") Tensor u = Torch.arange(3).to(DType.UINT8).any(0);
  }

  static void reductionsAndOrderStatistics() {
    // :: error: (shape.dtype.contract) F.crossEntropy: target holds class indices and must be integral, got float32 [3]
    F.crossEntropy(Torch.randn(3, 10), Torch.randint(0, 5, 3, 4).logsumexp(1));
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not floating
    @ScalarType("floating") Tensor m = Torch.median(Torch.arange(5));
    // :: error: (shape.dtype.mismatch) the value's dtype is int64, not float32
    @ScalarType("float32") Tensor n = Torch.countNonzero(Torch.rand(5));
  }

  static void normOfIntegers() {
    // :: error: (shape.dtype.contract) Torch.norm: norm of an integral tensor (int64 [5]): convert it with .to(DType.FLOAT32) first
    Torch.norm(Torch.arange(5));
    // :: error: (shape.dtype.contract) Tensor.norm: norm of an integral tensor (int64 [3, 4])
    Torch.randint(0, 5, 3, 4).norm(2.0, 1, false);
  }

  static void logcumsumexpOfIntegers() {
    // :: error: (shape.dtype.contract) Torch.logcumsumexp: logcumsumexp of an integral tensor (int64 [5]): convert it with .to(DType.FLOAT32) first
    Torch.logcumsumexp(Torch.arange(5), 0);
    // :: error: (shape.dtype.contract) Tensor.logcumsumexp: logcumsumexp of a bool tensor (bool [3])
    Torch.rand(3).gt(0.5).logcumsumexp(0);
  }
}
