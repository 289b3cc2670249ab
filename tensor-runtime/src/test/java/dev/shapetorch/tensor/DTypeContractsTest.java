package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.ScalarTypes;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The ops' dtype contracts ({@code @DTypeEffect}) at run time: each refusal is a {@link
 * ShapeException} whose text is the algebra's ({@link DTypeRule#check}), the text the Shape
 * Checker reports for the same call (processor-tests' MessagesTest compares the two).
 */
class DTypeContractsTest {

  private static String refused(Executable call) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertEquals(MessageKeys.DTYPE_CONTRACT, e.key());
    return e.getMessage();
  }

  /** The algebra's text for one input of a contract. */
  private static String expected(DTypeRule rule, String op, DTypeRule.Input... inputs) {
    ShapeMismatch m = rule.check(op, List.of(inputs));
    return m.render();
  }

  @Test
  void floatClassIndices() {
    Tensor logits = Torch.randn(4, 10);
    String message = refused(() -> F.crossEntropy(logits, Torch.rand(4)));
    assertEquals("[shape.dtype.contract] F.crossEntropy: target holds class indices and must be"
        + " integral, got float32 [4]; convert it with target.to(DType.INT64) (class"
        + " probabilities need the input's shape [4, 10])", message);
    assertEquals(message, expected(DTypeRule.CLASS_INDEX_TARGET, "F.crossEntropy",
        DTypeRule.Input.tensor("input", "float32", "[4, 10]", 2),
        DTypeRule.Input.tensor("target", "float32", "[4]", 1)));
  }

  @Test
  void integerProbabilities() {
    String message = refused(
        () -> Torch.crossEntropyLoss(Torch.randn(4, 10), Torch.randint(0, 10, 4, 10),
            null, Reduction.MEAN, -100, 0.0));
    assertEquals("[shape.dtype.contract] Torch.crossEntropyLoss: target [4, 10] has the input's"
        + " shape [4, 10], so it holds class probabilities and must be floating, got int64; for"
        + " class indices pass an integral target of rank 1, for probabilities convert it with"
        + " target.to(DType.FLOAT32)", message);
  }

  @Test
  void integerTargetsAndFloatProbabilitiesPass() {
    assertEquals(0, F.crossEntropy(Torch.randn(4, 10), Torch.randint(0, 10, 4)).dim());
    assertEquals(0, F.crossEntropy(Torch.randn(4, 10), Torch.rand(4, 10)).dim());
  }

  @Test
  void nllLossTarget() {
    String message = refused(() -> F.nllLoss(Torch.randn(3, 5), Torch.zeros(3)));
    assertEquals("[shape.dtype.contract] F.nllLoss: target must be an integral tensor of indices,"
        + " got float32 [3]; convert it with target.to(DType.INT64)", message);
  }

  @Test
  void masksMustBeBool() {
    Tensor x = Torch.rand(3);
    assertEquals("[shape.dtype.contract] Tensor.maskedFill: mask is a mask and must be bool, got"
        + " float32 [3]; make it with a comparison (mask.gt(0), .eq(...)) or"
        + " mask.to(DType.BOOL)", refused(() -> x.maskedFill(Torch.rand(3), 0.0)));
    assertEquals(expected(DTypeRule.REQUIRES_BOOL, "Torch.where",
        DTypeRule.Input.tensor("condition", "int64", "[3]", 1)),
        refused(() -> Torch.where(Torch.arange(3), x, x)));
    assertEquals(3, x.maskedFill(x.gt(0.5), 0.0).size(0));
  }

  @Test
  void indicesMustBeIntegral() {
    Tensor x = Torch.rand(5, 3);
    assertEquals("[shape.dtype.contract] Tensor.indexSelect: index must be an integral tensor of"
        + " indices, got float32 [2]; convert it with index.to(DType.INT64)",
        refused(() -> x.indexSelect(0, Torch.ones(2))));
    refused(() -> Torch.gather(x, 1, Torch.zeros(5, 1)));
    refused(() -> Torch.scatter(x, 1, Torch.zeros(5, 1), 1.0));
    assertEquals(2, x.indexSelect(0, Torch.arange(2)).size(0));
  }

  @Test
  void embeddingIndicesMustBeIntegral() {
    Embedding emb = new Embedding(100, 16);
    assertEquals("[shape.dtype.contract] Embedding.forward: indices must be an integral tensor of"
        + " indices, got float32 [4, 7]; convert it with indices.to(DType.INT64)",
        refused(() -> emb.forward(Torch.zeros(4, 7))));
    assertEquals(16, emb.forward(Torch.zeros(4, 7).to(DType.INT64)).size(2));
  }

  @Test
  void meanOfIntegers() {
    assertEquals("[shape.dtype.contract] Tensor.mean: mean of an integral tensor (int64 [10]):"
        + " convert it with .to(DType.FLOAT32) first", refused(() -> Torch.arange(10).mean()));
    assertEquals("[shape.dtype.contract] Torch.mean: mean of a bool tensor (bool [2]): convert it"
        + " with .to(DType.FLOAT32) first", refused(() -> Torch.mean(Torch.ones(2).gt(0.0))));
    refused(() -> Torch.var(Torch.arange(4)));
    refused(() -> Torch.std(Torch.arange(4), 0, false));
    assertEquals(4.5, Torch.arange(10).to(DType.FLOAT32).mean().item(), 1e-6);
  }

  @Test
  void methodFormsOfMeanVarStdRefuseIntegers() {
    Tensor counts = Torch.randint(0, 5, 3, 4);
    String message = refused(() -> counts.mean(1));
    assertEquals("[shape.dtype.contract] Tensor.mean: mean of an integral tensor (int64 [3, 4]):"
        + " convert it with .to(DType.FLOAT32) first", message);
    assertEquals(message, expected(DTypeRule.REQUIRES_FLOATING, "Tensor.mean",
        DTypeRule.Input.tensor("this", "int64", "[3, 4]", 2)));
    assertEquals("[shape.dtype.contract] Tensor.mean: mean of a bool tensor (bool [3]): convert it"
        + " with .to(DType.FLOAT32) first", refused(() -> Torch.rand(3).gt(0.5).mean(0, true)));
    refused(() -> Torch.arange(6).mean(new int[] {0}, false));
    assertEquals("[shape.dtype.contract] Tensor.var: var of an integral tensor (int64 [3, 4]):"
        + " convert it with .to(DType.FLOAT32) first", refused(() -> counts.var(1, true)));
    assertEquals("[shape.dtype.contract] Tensor.std: std of an integral tensor (int64 [6]):"
        + " convert it with .to(DType.FLOAT32) first", refused(() -> Torch.arange(6).std()));
    refused(() -> counts.std(new int[] {1}, 1, false));
    assertEquals("[shape.dtype.contract] Tensor.nanmean: nanmean of an integral tensor (int64"
        + " [6]): convert it with .to(DType.FLOAT32) first",
        refused(() -> Torch.arange(6).nanmean()));
    refused(() -> Torch.nanmean(Torch.arange(6), 0, false));
    assertEquals(DType.FLOAT32, counts.to(DType.FLOAT32).mean(1).dtype());
  }

  @Test
  void randLikeOfIntegersIsRefusedWithTheCheckersText() {
    String message = refused(() -> Torch.randLike(Torch.arange(3)));
    assertEquals("[shape.dtype.contract] Torch.randLike: randLike of an integral tensor (int64"
        + " [3]): convert it with .to(DType.FLOAT32) first", message);
    assertEquals(message, expected(DTypeRule.REQUIRES_FLOATING, "Torch.randLike",
        DTypeRule.Input.tensor("t", "int64", "[3]", 1)));
    refused(() -> Torch.randnLike(Torch.rand(2).gt(0.5)));
    assertEquals(DType.FLOAT64, Torch.randnLike(Torch.zeros(new long[] {2}, DType.FLOAT64)).dtype());
  }

  /** The dtypes the checker infers for these ops are the ones the runtime makes. */
  @Test
  void inferredDtypesAreTheRuntimes() {
    Tensor counts = Torch.randint(0, 5, 3, 4).to(DType.INT32);
    assertEquals(DType.INT64, counts.sum(1).dtype());
    assertEquals(DType.INT64, counts.sum(1, true).dtype());
    assertEquals(DType.INT64, counts.sum(new int[] {0, 1}, false).dtype());
    assertEquals(DType.INT64, counts.prod(0).dtype());
    assertEquals(DType.INT64, counts.nansum().dtype());
    assertEquals(DType.INT64, counts.cumsum(1).dtype());
    Tensor x = Torch.rand(3, 4);
    assertEquals(DType.INT64, x.argmax(1).dtype());
    assertEquals(DType.INT64, x.argmin(1).dtype());
    assertEquals(DType.INT64, x.max(1).indices().dtype());
    assertEquals(DType.INT64, x.topk(2, 1).indices().dtype());
    assertEquals(DType.INT64, Torch.sort(x, 1, false).indices().dtype());
    assertEquals(DType.FLOAT32, Torch.fromArray(new float[] {1, 2}, 2).dtype());
    assertEquals(DType.FLOAT64, Torch.fromArray(new double[] {1, 2}, 2).dtype());
    assertEquals(DType.INT64, Torch.fromArray(new long[] {1, 2}, 2).dtype());
    assertEquals(DType.INT32, Torch.fromArray(new int[] {1, 2}, 2).dtype());
    assertEquals(DType.BOOL, Torch.fromArray(new boolean[] {true, false}, 2).dtype());
    assertEquals(DType.FLOAT32, Torch.tensor(1.0, 2.0).dtype());
    assertEquals(DType.INT64, Torch.tensor(1L, 2L).dtype());
    assertEquals(DType.BOOL, Torch.tensor(true).dtype());
    assertEquals(DType.INT64, Torch.scalarTensor(3L).dtype());
    assertEquals(DType.FLOAT16, Torch.scalarTensor(1.0, DType.FLOAT16).dtype());
    Tensor ints = Torch.fromArray(new int[] {1, 2}, 2);
    assertEquals(DType.INT32, Torch.zerosLike(ints).dtype());
    assertEquals(DType.INT32, Torch.onesLike(ints).dtype());
    assertEquals(DType.INT32, Torch.emptyLike(ints).dtype());
    assertEquals(DType.INT32, Torch.fullLike(ints, 7.0).dtype());
    assertEquals(DType.INT32, Torch.randintLike(ints, 0, 9).dtype());
    assertEquals(DType.FLOAT64,
        Torch.randLike(Torch.fromArray(new double[] {1, 2}, 2)).dtype());
  }

  @Test
  void normOfIntegersIsRefusedWithTheCheckersText() {
    String message = refused(() -> Torch.norm(Torch.arange(5)));
    assertEquals("[shape.dtype.contract] Torch.norm: norm of an integral tensor (int64 [5]):"
        + " convert it with .to(DType.FLOAT32) first", message);
    assertEquals(message, expected(DTypeRule.REQUIRES_FLOATING, "Torch.norm",
        DTypeRule.Input.tensor("x", "int64", "[5]", 1)));
    refused(() -> Torch.norm(Torch.arange(5), 1.0));
    refused(() -> Torch.randint(0, 5, 3, 4).norm(2.0, 1, false));
    assertEquals("[shape.dtype.contract] Tensor.norm: norm of a bool tensor (bool [3]): convert it"
        + " with .to(DType.FLOAT32) first", refused(() -> Torch.rand(3).gt(0.5).norm()));
    assertEquals(DType.FLOAT64,
        Torch.norm(Torch.zeros(new long[] {3}, DType.FLOAT64), 2.0, 0, false).dtype());
  }

  @Test
  void logcumsumexpOfIntegersIsRefusedWithTheCheckersText() {
    String message = refused(() -> Torch.logcumsumexp(Torch.arange(5), 0));
    assertEquals(message, expected(DTypeRule.REQUIRES_FLOATING, "Torch.logcumsumexp",
        DTypeRule.Input.tensor("x", "int64", "[5]", 1)));
    assertTrue(message.startsWith("[shape.dtype.contract] Torch.logcumsumexp: "), message);
    assertTrue(refused(() -> Torch.rand(3).gt(0.5).logcumsumexp(0))
        .startsWith("[shape.dtype.contract] Tensor.logcumsumexp: "));
    assertEquals(DType.FLOAT64,
        Torch.logcumsumexp(Torch.zeros(new long[] {3}, DType.FLOAT64), 0).dtype());
  }

  @Test
  void runtimeDtypeNamesAreTheAlgebras() {
    for (DType d : DType.values()) {
      assertEquals(d.name().toLowerCase(java.util.Locale.ROOT),
          ScalarTypes.parse(d.pytorchName()));
    }
  }

  /** The loss modules refuse what their functions refuse, under their own name (DTypesRejected). */
  @Test
  void lossModules_stateTheContractUnderTheirName() {
    Tensor logits = Torch.randn(4, 10);
    assertEquals("[shape.dtype.contract] CrossEntropyLoss.forward: target holds class indices and"
        + " must be integral, got float32 [4]; convert it with target.to(DType.INT64) (class"
        + " probabilities need the input's shape [4, 10])",
        refused(() -> new CrossEntropyLoss().forward(logits, Torch.rand(4))));
    assertEquals(expected(DTypeRule.REQUIRES_INTEGRAL, "NLLLoss.forward",
            DTypeRule.Input.tensor("target", "float32", "[4]", 1)),
        refused(() -> new NLLLoss().forward(logits.logSoftmax(1), Torch.zeros(4))));
    // the fix the message names
    assertEquals(0, new NLLLoss().forward(logits.logSoftmax(1),
        Torch.zeros(4).to(DType.INT64)).dim());
  }
}
