package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossAndLayerRulesTest {

  @Test
  void lossesGivenAReduction_noneKeepsTheElementwiseShape_othersAreScalars() {
    assertEquals("[N, 1]", ok(LossRules.sameShapeLoss("F.mseLoss", s("N", "1"), s("N", "1"),
        "NONE")));
    assertEquals("[]", ok(LossRules.sameShapeLoss("F.mseLoss", s("N", "1"), s("N", "1"),
        "MEAN")));
    assertEquals("[]", ok(LossRules.sameShapeLoss("F.l1Loss", s("3"), s("3"), "SUM")));
    assertEquals("[]", ok(LossRules.sameShapeLoss("F.klDiv", s("B", "C"), s("B", "C"),
        "BATCHMEAN")));
    assertEquals("[...]", ok(LossRules.sameShapeLoss("F.mseLoss", s("N"), s("N"), null)));
    ShapeMismatch m = fails(LossRules.sameShapeLoss("F.mseLoss", s("8", "1"), s("8"), "NONE"),
        MessageKeys.MISMATCH_LOSS_SAME);
    assertEquals(1, m.argument());
    fails(LossRules.sameShapeLoss("F.mseLoss", s("8", "1"), s("8"), null),
        MessageKeys.MISMATCH_LOSS_SAME);
    assertEquals("[N, H, W]", ok(LossRules.classIndexLoss("F.crossEntropy",
        s("N", "C", "H", "W"), s("N", "H", "W"), "NONE")));
    assertEquals("[]", ok(LossRules.classIndexLoss("F.nllLoss", s("N", "C"), s("N"), "SUM")));
    assertEquals("[...]", ok(LossRules.classIndexLoss("F.nllLoss", s("N", "C"), s("N"), null)));
    fails(LossRules.classIndexLoss("F.crossEntropy", s("64", "10"), s("32"), "NONE"),
        MessageKeys.MISMATCH_LOSS_TARGET);
    fails(LossRules.classIndexLoss("F.crossEntropy", s("64", "10"), s("32"), null),
        MessageKeys.MISMATCH_LOSS_TARGET);
  }

  @Test
  void lossModules_holdTheirReduction_andForwardReadsIt() {
    assertEquals(0, LossRules.reductionCode("NONE"));
    assertEquals(1, LossRules.reductionCode("MEAN"));
    assertEquals(2, LossRules.reductionCode("SUM"));
    assertEquals(3, LossRules.reductionCode("BATCHMEAN"));
    assertEquals("[0]", ok(LossRules.lossModule("new MSELoss", "NONE")));
    assertEquals("[1]", ok(LossRules.lossModule("new MSELoss", "MEAN")));
    assertEquals("[...]", ok(LossRules.lossModule("new MSELoss", null)));
    assertEquals("[N, 3]", ok(LossRules.sameShapeLossLayer("MSELoss.forward", s("0"),
        s("N", "3"), s("N", "3"))));
    assertEquals("[]", ok(LossRules.sameShapeLossLayer("MSELoss.forward", s("2"),
        s("N", "3"), s("N", "3"))));
    assertEquals("[]", ok(LossRules.sameShapeLossLayer("KLDivLoss.forward", s("3"),
        s("N", "3"), s("N", "3"))));
    assertEquals("[...]", ok(LossRules.sameShapeLossLayer("MSELoss.forward", s("..."),
        s("N", "3"), s("N", "3"))));
    assertEquals("[...]", ok(LossRules.sameShapeLossLayer("MSELoss.forward", s("R"),
        s("N", "3"), s("N", "3"))));
    fails(LossRules.sameShapeLossLayer("MSELoss.forward", s("1"), s("8", "1"), s("8")),
        MessageKeys.MISMATCH_LOSS_SAME);
    assertEquals("[N]", ok(LossRules.classIndexLossLayer("CrossEntropyLoss.forward", s("0"),
        s("N", "C"), s("N"))));
    assertEquals("[]", ok(LossRules.nllLossLayer("NLLLoss.forward", s("1"), s("N", "C"),
        s("N"))));
    assertEquals("[N]", ok(LossRules.nllLossLayer("NLLLoss.forward", s("0"), s("N", "C"),
        s("N"))));
  }

  @Test
  void nllLoss_takesNoClassProbabilities() {
    assertEquals("[]", ok(LossRules.nllLoss("F.nllLoss", s("N", "C"), s("N"))));
    assertEquals("[]", ok(LossRules.nllLoss("F.nllLoss", s("C"), s())));
    ShapeMismatch m = fails(LossRules.nllLoss("F.nllLoss", s("2", "1"), s("2", "1")),
        MessageKeys.MISMATCH_LOSS_TARGET);
    assertEquals("[shape.mismatch.loss.target] F.nllLoss: target [2, 1] must be [2] (class"
        + " indices) for input [2, 1]: this loss takes no class probabilities, so a target of"
        + " the input's rank is an error (drop the class dim, dim 1)", m.render());
    fails(LossRules.nllLoss("F.nllLoss", s("N", "C"), s("N", "C"), "NONE"),
        MessageKeys.MISMATCH_LOSS_TARGET);
    // Cross-entropy still takes them.
    assertEquals("[]", ok(LossRules.classIndexLoss("F.crossEntropy", s("2", "1"), s("2", "1"))));
  }

  @Test
  void classIndexLoss() {
    assertEquals("[]", ok(LossRules.classIndexLoss("crossEntropy", s("N", "C"), s("N"))));
    assertEquals("[N]", ok(LossRules.classIndexLossUnreduced("ce", s("N", "C"), s("N"))));
    assertEquals("[]", ok(LossRules.classIndexLossUnreduced("ce", s("C"), s())));
    assertEquals("[N, H, W]", ok(LossRules.classIndexLossUnreduced("ce", s("N", "C", "H", "W"),
        s("N", "H", "W"))));
    assertEquals("[N]", ok(LossRules.classIndexLossUnreduced("ce", s("N", "C"), s("N", "C"))));
    ShapeMismatch m = fails(LossRules.classIndexLoss("F.crossEntropy", s("64", "10"), s("32")),
        MessageKeys.MISMATCH_LOSS_TARGET);
    assertEquals("[shape.mismatch.loss.target] F.crossEntropy: target [32] must be [64] for "
        + "input [64, 10] (dim 0: 32 vs 64)", m.render());
    fails(LossRules.classIndexLoss("ce", s("N", "C"), s("N", "1", "1")),
        MessageKeys.MISMATCH_LOSS_TARGET);
    fails(LossRules.classIndexLoss("ce", s("N", "C"), s("N", "1")),
        MessageKeys.MISMATCH_LOSS_TARGET);
    fails(LossRules.classIndexLoss("ce", s(), s()), MessageKeys.RANK);
  }

  @Test
  void sameShapeLoss_columnAgainstVector_explainsTheSilentBroadcast() {
    ShapeMismatch m = fails(LossRules.sameShapeLoss("F.mseLoss", s("N", "1"), s("N")),
        MessageKeys.MISMATCH_LOSS_SAME);
    assertEquals("[shape.mismatch.loss.same] F.mseLoss: input is [N, 1] but target is [N]; they "
        + "must be equal (broadcasting would silently compute a [N, N] loss, pairing every input "
        + "with every target; squeeze or reshape one of them)", m.render());
    assertEquals("[]", ok(LossRules.sameShapeLoss("mse", s("N", "1"), s("N", "1"))));
    assertEquals("[N, 1]", ok(LossRules.sameShape("mse", s("N", "1"), s("_", "1"))));
    fails(LossRules.sameShape("mse", TensorShape.of(4, 1), TensorShape.of(4)),
        MessageKeys.MISMATCH_LOSS_SAME);
    fails(LossRules.sameShape("mse", TensorShape.of(4, 3), TensorShape.of(4, 2)),
        MessageKeys.MISMATCH_LOSS_SAME);
  }

  @Test
  void recurrent() {
    TensorShape lstm = s("10", "20", "2", "0", "0");
    assertEquals("[L, N, 20]", ok(LayerRules.recurrent("LSTM.forward", lstm, s("L", "N", "10"))));
    assertEquals("[L, 20]", ok(LayerRules.recurrent("LSTM.forward", lstm, s("L", "10"))));
    TensorShape bi = s("10", "20", "1", "1", "1");
    assertEquals("[N, L, 40]", ok(LayerRules.recurrent("GRU.forward", bi, s("N", "L", "10"))));
    ShapeMismatch m = fails(LayerRules.recurrent("LSTM.forward", lstm, s("N", "10", "L")),
        MessageKeys.MISMATCH_RNN_INPUT);
    assertEquals("[shape.mismatch.rnn.input] LSTM.forward: the input's last dim must be the "
        + "input size 10: input is [N, 10, L] (dim 2 = L)", m.render());
    fails(LayerRules.recurrent("LSTM.forward", lstm, s("10")), MessageKeys.RANK);
    fails(LayerRules.recurrent("LSTM.forward", s("10", "20"), s("L", "10")),
        MessageKeys.RULE_ARGUMENTS);
  }

  @Test
  void recurrentHidden_catchesBatchFirstConfusionThroughH0() {
    TensorShape batchFirst = s("10", "20", "2", "0", "1");
    assertEquals("[2, N, 20]", ok(LayerRules.recurrentHidden("LSTM", batchFirst,
        s("N", "L", "10"), null)));
    assertEquals("[2, 20]", ok(LayerRules.recurrentHidden("LSTM", batchFirst, s("L", "10"),
        null)));
    assertEquals("[2, 32, 20]", ok(LayerRules.recurrentHidden("LSTM", batchFirst,
        s("32", "35", "10"), s("2", "32", "20"))));
    // Sequence-first data [35, 32, 10] fed to a batch-first model with h0 for batch 32.
    ShapeMismatch m = fails(LayerRules.recurrentHidden("LSTM.forward", batchFirst,
        s("35", "32", "10"), s("2", "32", "20")), MessageKeys.MISMATCH_RNN_INPUT);
    assertEquals("[shape.mismatch.rnn.input] LSTM.forward: initial state [2, 32, 20] must be "
        + "[2, 35, 20] for input [35, 32, 10] read as batch-first [N, L, In]; is the input's "
        + "layout what batchFirst says?", m.render());
  }

  @Test
  void recurrentStates_checkAnLstmsCellStateAsItsHiddenState() {
    TensorShape seqFirst = s("10", "20", "1", "1", "0");
    assertEquals("[2, B, 20]", ok(LayerRules.recurrentStates("LSTM", seqFirst,
        s("T", "B", "10"), s("2", "B", "20"), s("2", "B", "20"))));
    assertEquals("[2, B, 20]", ok(LayerRules.recurrentStates("LSTM", seqFirst,
        s("T", "B", "10"), null, s("2", "B", "20"))));
    // A c0 for one direction of a bidirectional network: input 3, after a good h0.
    ShapeMismatch m = fails(LayerRules.recurrentStates("LSTM.forward", seqFirst,
        s("T", "B", "10"), s("2", "B", "20"), s("1", "B", "20")),
        MessageKeys.MISMATCH_RNN_INPUT);
    assertEquals(3, m.argument());
    assertEquals("[shape.mismatch.rnn.input] LSTM.forward: initial cell state [1, B, 20] must be"
        + " [2, B, 20] for input [T, B, 10] read as sequence-first [L, N, In]; is the input's"
        + " layout what batchFirst says?", m.render());
    // Through the rule, with an absent h0 as the checker passes it.
    assertEquals(2, fails(Rule.RECURRENT_HIDDEN.apply("LSTM.forward", List.of(
        new RuleArg.TensorArg(seqFirst), new RuleArg.TensorArg(s("T", "B", "10")),
        new RuleArg.TensorArg(s("2", "T", "20")), new RuleArg.Ignored())),
        MessageKeys.MISMATCH_RNN_INPUT).argument());
  }

  @Test
  void embeddingAndNorms() {
    assertEquals("[B, T, 64]", ok(LayerRules.embedding("Embedding.forward", s("V", "64"),
        s("B", "T"))));
    assertEquals("[*idx, E]", ok(LayerRules.embedding("e", s("V", "E"), s("*idx"))));
    fails(LayerRules.embedding("e", s("V"), s("B")), MessageKeys.EMBEDDING);
    assertEquals("[N, 16, H, W]", ok(LayerRules.normChannels("BatchNorm2d.forward", s("16"),
        s("N", "16", "H", "W"))));
    ShapeMismatch m = fails(LayerRules.normChannels("BatchNorm2d.forward", s("16"),
        s("N", "6", "H", "W")), MessageKeys.MISMATCH_NORM_CHANNELS);
    assertEquals(1, m.dim());
    fails(LayerRules.normChannels("bn", s("16"), s("16")), MessageKeys.RANK);
    assertEquals("[B, T, 512]", ok(LayerRules.layerNorm("layerNorm", s("B", "T", "512"),
        s("512").dims())));
    fails(LayerRules.layerNorm("layerNorm", s("B", "T", "256"), s("512").dims()),
        MessageKeys.MISMATCH_NORM_CHANNELS);
    fails(LayerRules.layerNorm("layerNorm", s("256"), s("4", "256").dims()), MessageKeys.RANK);
  }

  @Test
  void spatialAndFactories() {
    assertEquals("[N, C, 64, 64]", ok(SpatialRules.interpolate("interpolate",
        s("N", "C", "32", "32"), s("64").dims())));
    assertEquals("[N, C, 2*H, 3*W]", ok(SpatialRules.interpolateScale("interpolate",
        s("N", "C", "H", "W"), s("2", "3").dims())));
    fails(SpatialRules.interpolate("interpolate", s("N", "C"), s("4").dims()), MessageKeys.RANK);
    assertEquals("[...]", ok(SpatialRules.interpolate("interpolate", TensorShape.unknownRank(),
        s("64", "64").dims())));
    fails(SpatialRules.interpolate("interpolate", s("N", "C", "H", "W"), s("4", "4", "4").dims()),
        MessageKeys.SPATIAL_PARAMS);
    assertEquals("[N, C, H+3, W+2]", ok(SpatialRules.pad("F.pad", s("N", "C", "H", "W"),
        s("1", "1", "1", "2").dims())));
    assertEquals("[2, 3]", ok(SpatialRules.pad("F.pad", TensorShape.of(2, 5),
        ShapeParser.parseShape("-1", "-1").dims())));
    fails(SpatialRules.pad("F.pad", TensorShape.of(2, 1), ShapeParser.parseShape("-1", "-1")
        .dims()), MessageKeys.SPATIAL_PARAMS);
    fails(SpatialRules.pad("F.pad", TensorShape.of(2, 5), s("1").dims()),
        MessageKeys.SPATIAL_PARAMS);
    assertEquals("[N, 10]", ok(FactoryRules.oneHot("oneHot", s("N"), ShapeParser.parseDim("10"))));
    assertEquals("[N, _]", ok(FactoryRules.oneHot("oneHot", s("N"), ShapeParser.parseDim("-1"))));
    assertEquals("[3, n]", ok(FactoryRules.sizes("zeros", s("3", "n").dims())));
    assertEquals("[3, 4]", ok(FactoryRules.sizes("zeros", 3, 4)));
    fails(FactoryRules.sizes("zeros", 3, -4), MessageKeys.SIZE_NEGATIVE);
  }

  @Test
  void transformer_twoSequencesOfOneBatch_giveTheTargetsShape() {
    List<String> dec = List.of("tgt", "memory");
    List<String> whole = List.of("src", "tgt");
    String op = "TransformerDecoder.forward";
    assertEquals("[T, N, 8]", ok(LayerRules.transformer(op, s("8", "2", "16", "0"),
        s("T", "N", "8"), s("S", "N", "8"), dec, 0)));
    assertEquals("[N, T, 8]", ok(LayerRules.transformer("Transformer.forward",
        s("8", "2", "16", "1"), s("N", "S", "8"), s("N", "T", "8"), whole, 1)));
    // An unknown layout flag checks the sizes but not the batch.
    assertEquals("[3, 2, 8]", ok(LayerRules.transformer(op, s("8", "2", "16", "B"),
        s("3", "2", "8"), s("4", "5", "8"), dec, 0)));
    assertEquals("[3, 2, 8]", ok(LayerRules.transformer(op, s("..."), s("3", "2", "8"),
        s("4", "5", "9"), dec, 0)));
    ShapeMismatch batch = fails(LayerRules.transformer(op, s("8", "2", "16", "0"),
        s("3", "2", "8"), s("5", "3", "8"), dec, 0), MessageKeys.MISMATCH_ARGUMENT);
    assertEquals("tgt [3, 2, 8] and memory [5, 3, 8] have different batch sizes (dim 1, as not"
        + " batch first)", batch.detail());
    assertEquals(2, batch.argument());
    fails(LayerRules.transformer(op, s("8", "2", "16", "1"), s("2", "3", "8"), s("3", "5", "8"),
        dec, 0), MessageKeys.MISMATCH_ARGUMENT);
    ShapeMismatch size = fails(LayerRules.transformer(op, s("8", "2", "16", "0"),
        s("3", "2", "8"), s("5", "2", "6"), dec, 0), MessageKeys.MISMATCH_ARGUMENT);
    assertEquals("memory [5, 2, 6] must end in the model size D = 8 (dim 2 = 6)",
        size.detail());
    fails(LayerRules.transformer(op, s("8", "2", "16", "0"), s("3", "8"), s("5", "2", "8"),
        dec, 0), MessageKeys.RANK);
    fails(LayerRules.transformer(op, s("8", "2", "0"), s("3", "2", "8"), s("5", "2", "8"),
        dec, 0), MessageKeys.RULE_ARGUMENTS);
  }
}
