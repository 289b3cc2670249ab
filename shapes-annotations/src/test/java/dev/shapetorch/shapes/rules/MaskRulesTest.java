package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskRulesTest {
  private static final String MHA = "MultiheadAttention.forward";

  @Test
  void multihead_paddingMaskIsNS_inTheLayersLayout() {
    TensorShape seqFirst = s("8", "2", "0");
    assertEquals("[3, 4, 8]", ok(MaskRules.multiheadAttention(MHA, seqFirst, s("3", "4", "8"),
        s("10", "4", "8"), s("10", "4", "8"), s("4", "10"), s("3", "10"))));
    assertEquals("[3, 4, 8]", ok(MaskRules.multiheadAttention(MHA, seqFirst, s("3", "4", "8"),
        s("10", "4", "8"), s("10", "4", "8"), null, s("8", "3", "10"))));
    assertEquals("[3, 4, 8]", ok(MaskRules.multiheadAttention(MHA, seqFirst, s("3", "4", "8"),
        s("10", "4", "8"), s("10", "4", "8"), null, null)));
    ShapeMismatch m = fails(MaskRules.multiheadAttention(MHA, seqFirst, s("3", "4", "8"),
        s("10", "4", "8"), s("10", "4", "8"), s("10", "4"), null), MessageKeys.MISMATCH_MASK);
    assertEquals(4, m.argument());
    assertEquals("keyPaddingMask: the layer is sequence-first (query [L, N, E] = [3, 4, 8], key"
        + " [S, N, E] = [10, 4, 8]); a key padding mask is [N, S] = [4, 10], found [10, 4];"
        + " transpose the mask or construct the layer with batchFirst = true", m.detail());
    assertEquals(5, fails(MaskRules.multiheadAttention(MHA, seqFirst, s("3", "4", "8"),
        s("10", "4", "8"), s("10", "4", "8"), null, s("4", "3", "10")),
        MessageKeys.MISMATCH_MASK).argument());
    // Batch-first data [N, S, E] with its [N, S] mask to a sequence-first layer.
    fails(MaskRules.multiheadAttention(MHA, seqFirst, s("N", "S", "8"), s("N", "S", "8"),
        s("N", "S", "8"), s("N", "S"), null), MessageKeys.MISMATCH_MASK);
    assertEquals("[N, S, 8]", ok(MaskRules.multiheadAttention(MHA, s("8", "2", "1"),
        s("N", "S", "8"), s("N", "S", "8"), s("N", "S", "8"), s("N", "S"), s("N*2", "S", "S"))));
    // An unknown layout checks the masks' ranks only.
    assertEquals("[N, S, 8]", ok(MaskRules.multiheadAttention(MHA, s("8", "2", "F"),
        s("N", "S", "8"), s("N", "S", "8"), s("N", "S", "8"), s("S", "N"), null)));
    fails(MaskRules.multiheadAttention(MHA, s("8", "2", "F"), s("N", "S", "8"),
        s("N", "S", "8"), s("N", "S", "8"), s("N"), null), MessageKeys.MISMATCH_MASK);
  }

  @Test
  void transformers_masksOfEachSequence() {
    TensorShape m = s("4", "2", "8", "0");
    assertEquals("[5, 2, 4]", ok(MaskRules.transformerEncoder("E", m, s("5", "2", "4"),
        s("5", "5"), s("2", "5"))));
    assertEquals(3, fails(MaskRules.transformerEncoder("E", m, s("5", "2", "4"), null,
        s("5", "2")), MessageKeys.MISMATCH_MASK).argument());
    assertEquals("[3, 2, 4]", ok(MaskRules.transformerDecoder("D", m, s("3", "2", "4"),
        s("5", "2", "4"), s("3", "3"), s("3", "5"), s("2", "3"), s("2", "5"))));
    assertEquals(4, fails(MaskRules.transformerDecoder("D", m, s("3", "2", "4"),
        s("5", "2", "4"), null, s("5", "3"), null, null), MessageKeys.MISMATCH_MASK)
        .argument());
    List<TensorShape> masks = Arrays.asList(s("5", "5"), s("3", "3"), s("3", "5"), s("2", "5"),
        s("2", "3"), s("2", "5"));
    assertEquals("[3, 2, 4]", ok(MaskRules.transformer("T", m, s("5", "2", "4"),
        s("3", "2", "4"), masks)));
    masks.set(5, s("2", "3"));
    assertEquals(8, fails(MaskRules.transformer("T", m, s("5", "2", "4"), s("3", "2", "4"),
        masks), MessageKeys.MISMATCH_MASK).argument());
  }

  @Test
  void sdpa_maskBroadcastsToTheScores() {
    String op = "Torch.scaledDotProductAttention";
    assertEquals("[2, 4, 3, 32]", ok(MaskRules.scaledDotProductAttention(op,
        s("2", "4", "3", "16"), s("2", "4", "7", "16"), s("2", "4", "7", "32"), s("3", "7"))));
    assertEquals("[2, 4, 3, 32]", ok(MaskRules.scaledDotProductAttention(op,
        s("2", "4", "3", "16"), s("2", "4", "7", "16"), s("2", "4", "7", "32"),
        s("2", "1", "1", "7"))));
    assertEquals(3, fails(MaskRules.scaledDotProductAttention(op, s("2", "4", "3", "16"),
        s("2", "4", "7", "16"), s("2", "4", "7", "32"), s("7", "3")), MessageKeys.MISMATCH_MASK)
        .argument());
    fails(MaskRules.scaledDotProductAttention(op, s("2", "4", "3", "16"),
        s("2", "4", "7", "16"), s("2", "4", "7", "32"), s("1", "2", "4", "3", "7")),
        MessageKeys.MISMATCH_MASK);
    fails(MaskRules.scaledDotProductAttention(op, s("3", "16"), s("7", "8"), s("7", "8"), null),
        MessageKeys.MISMATCH_ARGUMENT);
  }
}
