package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
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
  void runtimeDtypeNamesAreTheAlgebras() {
    for (DType d : DType.values()) {
      assertEquals(d.name().toLowerCase(java.util.Locale.ROOT),
          ScalarTypes.parse(d.pytorchName()));
    }
  }
}
