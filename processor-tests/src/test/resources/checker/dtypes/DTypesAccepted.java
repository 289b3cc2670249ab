import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.util.List;

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

  /** The method-only reductions: sum keeps int64 for integers, mean of floats, int64 indices. */
  static void methodForms() {
    Tensor counts = Torch.randint(0, 5, 3, 4).to(DType.INT32);
    @ScalarType("int64") Tensor s = counts.sum(1);
    @ScalarType("int64") Tensor sk = counts.sum(1, true);
    @ScalarType("int64") Tensor sd = counts.sum(new int[] {0, 1}, false);
    @ScalarType("int64") Tensor p = counts.prod(0);
    Tensor x = Torch.rand(3, 4);
    @ScalarType("float32") Tensor m = x.mean(1);
    @ScalarType("float32") Tensor mk = x.mean(1, true);
    @ScalarType("float32") Tensor md = x.mean(new int[] {0}, false);
    @ScalarType("float32") Tensor v = x.var(1, false);
    @ScalarType("float32") Tensor sd2 = x.std();
    @ScalarType("float32") Tensor nm = x.nanmean();
    @ScalarType("int64") Tensor ns = counts.nansum();
    @ScalarType("int64") Tensor cs = counts.cumsum(1);
    @ScalarType("int64") Tensor a = x.argmax(1);
    @ScalarType("int64") Tensor b = x.argmin(1);
    @ScalarType("int64") Tensor order = x.argsort(1, false);
  }

  /** max(dim), min(dim), sort and topk give int64 indices through indices(). */
  static void indicesOfValuesAndIndices() {
    Tensor x = Torch.rand(3, 4);
    @ScalarType("int64") Tensor i = x.max(1).indices();
    @ScalarType("int64") Tensor j = x.topk(2, 1).indices();
    @ScalarType("int64") Tensor k = Torch.sort(x, 1, false).indices();
    F.crossEntropy(x, x.max(1).indices());
  }

  /** The array factories make the dtype of their Java array; *Like keep their argument's. */
  static void factories() {
    @ScalarType("float32") Tensor f = Torch.fromArray(new float[] {1, 2}, 2);
    @ScalarType("float64") Tensor d = Torch.fromArray(new double[] {1, 2}, 2);
    @ScalarType("int64") Tensor l = Torch.fromArray(new long[] {1, 2}, 2);
    @ScalarType("int32") Tensor i = Torch.fromArray(new int[] {1, 2}, 2);
    @ScalarType("bool") Tensor b = Torch.fromArray(new boolean[] {true, false}, 2);
    @ScalarType("float32") Tensor t = Torch.tensor(1.0, 2.0);
    @ScalarType("int64") Tensor tl = Torch.tensor(1L, 2L);
    @ScalarType("int64") Tensor sl = Torch.scalarTensor(3L);
    @ScalarType("float16") Tensor h = Torch.scalarTensor(1.0, DType.FLOAT16);
    @ScalarType("float64") Tensor zd = Torch.zerosLike(d);
    @ScalarType("int32") Tensor oi = Torch.onesLike(i);
    @ScalarType("int64") Tensor fl = Torch.fullLike(l, 7.0);
    @ScalarType("bool") Tensor eb = Torch.emptyLike(b);
    @ScalarType("float64") Tensor rd = Torch.randLike(d);
    @ScalarType("float64") Tensor nd = Torch.randnLike(d);
    @ScalarType("int64") Tensor ri = Torch.randintLike(l, 0, 9);
    F.crossEntropy(Torch.randn(2, 5), Torch.fromArray(new long[] {1, 4}, 2));
  }

  // Views and integer-preserving math keep the dtype; floating math of integers is float32.
  static void viewsAndPointwise() {
    @ScalarType("int64") Tensor labels = Torch.randint(0, 10, 2, 3).t().reshape(6).abs();
    @ScalarType("float32") Tensor e = Torch.arange(6).exp();
    @ScalarType("float32") Tensor c = Torch.arange(6).clamp(0.5, 2.5);
    @ScalarType("bool") Tensor n = Torch.arange(6).logicalNot();
    F.crossEntropy(Torch.randn(6, 10), labels);
  }

  /** cat and stack promote their elements' dtypes, as torch.promote_types. */
  static void joins(Tensor unknown) {
    Tensor l = Torch.arange(3);
    Tensor f = Torch.zeros(3);
    @ScalarType("float32") Tensor c = Torch.cat(List.of(l, f), 0);
    @ScalarType("float32") Tensor c0 = Torch.cat(List.of(l, f));
    @ScalarType("int64") Tensor s = Torch.stack(List.of(l, l));
    @ScalarType("float64") Tensor s1 =
        Torch.stack(List.of(f, Torch.zeros(new long[] {3}, DType.FLOAT64)), 1);
    @ScalarType("int16") Tensor i16 =
        Torch.cat(List.of(l.to(DType.UINT8), l.to(DType.INT8)), 0);
    F.crossEntropy(Torch.randn(6, 10), Torch.cat(List.of(l, l), 0));
    // A list the call does not spell out, or an element of unknown dtype: unknown, no error.
    List<Tensor> parts = List.of(l, l);
    @ScalarType("int64") Tensor u = Torch.cat(parts, 0);
    @ScalarType("int64") Tensor v = Torch.cat(List.of(l, unknown), 0);
  }

  /** The values of max(dim), sort, topk, median(dim)... keep the input's dtype. */
  static void valuesKeepTheInputsDtype() {
    Tensor x = Torch.rand(3, 4);
    Tensor counts = Torch.randint(0, 5, 3, 4);
    @ScalarType("float32") Tensor m = x.max(1).values();
    @ScalarType("int64") Tensor mi = counts.min(1).values();
    @ScalarType("float32") Tensor t = x.topk(2, 1).values();
    @ScalarType("int64") Tensor so = Torch.sort(counts, 1, false).values();
    ValuesAndIndices med = Torch.median(counts, 1, false);
    @ScalarType("int64") Tensor mv = med.values();
    @ScalarType("int64") Tensor mj = med.indices();
    @ScalarType("float32") Tensor k = Torch.kthvalue(x, 2, 1, false).values();
    @ScalarType("int64") Tensor mo = Torch.mode(counts).values();
    @ScalarType("float32") Tensor cm = Torch.cummax(x, 1).values();
    @ScalarType("float64") Tensor p = F.adaptiveMaxPool1dWithIndices(
        Torch.rand(1, 3, 8).to(DType.FLOAT64), 2).values();
    F.crossEntropy(x, Torch.mode(counts, 1, false).values());
  }

  /** all/any give bool, but keep uint8 (PyTorch 1.13). */
  static void allAny() {
    @ScalarType("bool") Tensor a = Torch.rand(3).gt(0.5).all();
    @ScalarType("bool") Tensor b = Torch.arange(3).any(0);
    @ScalarType("bool") Tensor c = Torch.all(Torch.rand(3, 4), 1, true);
    @ScalarType("uint8") Tensor u = Torch.any(Torch.arange(3).to(DType.UINT8));
    Tensor x = Torch.rand(3);
    x.maskedFill(x.gt(0.5).any(), 0.0);
  }

  /** logsumexp of integers is float32; the order statistics keep the dtype; counts are int64. */
  static void reductionsAndOrderStatistics() {
    Tensor counts = Torch.randint(0, 5, 3, 4);
    Tensor x = Torch.rand(3, 4);
    @ScalarType("float32") Tensor lse = x.logsumexp(1);
    @ScalarType("float32") Tensor lsi = Torch.logsumexp(counts, 1);
    @ScalarType("float64") Tensor lsd = Torch.logsumexp(x.to(DType.FLOAT64), 1, true);
    @ScalarType("int64") Tensor med = counts.median();
    @ScalarType("int64") Tensor mx = counts.max();
    @ScalarType("int64") Tensor am = Torch.amax(counts, 1, false);
    @ScalarType("int64") Tensor ms = Torch.msort(counts);
    @ScalarType("int64") Tensor nz = Torch.countNonzero(x, 1);
    @ScalarType("float32") Tensor lc = Torch.logcumsumexp(x, 1);
    @ScalarType("float64") Tensor n = Torch.norm(x.to(DType.FLOAT64), 2.0, 1, false);
    @ScalarType("float32") Tensor n2 = x.norm();
  }
}
