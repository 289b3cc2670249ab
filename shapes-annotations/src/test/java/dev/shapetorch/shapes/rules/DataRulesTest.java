package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The typed data pipeline's shapes: a dataset's examples, its items, a loader's batches. */
class DataRulesTest {
  private static TensorShape s(String... dims) {
    return ShapeParser.parseShape(dims);
  }

  @Test
  void equalNumbersOfExamples_fit() {
    assertNull(DataRules.sampleCounts("TensorDataset.of", s("100", "784"), s("100")));
    assertNull(DataRules.sampleCounts("TensorDataset.of", s("N", "3"), s("N", "2")));
  }

  @Test
  void unknownNumbersOfExamples_areNotErrors() {
    assertNull(DataRules.sampleCounts("TensorDataset.of", s("_", "784"), s("100")));
    assertNull(DataRules.sampleCounts("TensorDataset.of", s("...", "784"), s("100")));
  }

  @Test
  void differentNumbersOfExamples_nameBothShapes() {
    ShapeMismatch m = DataRules.sampleCounts("TensorDataset.of", s("1000", "784"), s("999"));
    assertEquals("[shape.mismatch.dataset] TensorDataset.of: inputs [1000, 784] and targets"
        + " [999] have different numbers of examples (dim 0: 1000 and 999); give one target per"
        + " input", m.render());
    assertEquals(MessageKeys.MISMATCH_DATASET,
        DataRules.sampleCounts("op", s("N", "3"), s("M")).key());
  }

  @Test
  void zeroDimensionalTensors_haveNoExamples() {
    assertEquals("[shape.mismatch.dataset] op: inputs is 0-d ([]); each tensor needs a first"
        + " dimension of examples", DataRules.sampleCounts("op", s(), s("3")).render());
    assertTrue(DataRules.sampleCounts("op", s("3"), s()).detail().startsWith("targets is 0-d"));
  }

  @Test
  void itemsDropTheFirstDimension_batchesAddOne() {
    assertEquals(s("1", "28", "28"), DataRules.item(s("N", "1", "28", "28")));
    assertEquals(s(), DataRules.item(s("N")));
    assertEquals(TensorShape.unknownRank(), DataRules.item(s("...", "3")));
    assertEquals(s("64", "1", "28", "28"), DataRules.batch(DimExpr.of(64), s("1", "28", "28")));
    assertEquals(s("B"), DataRules.batch(DimExpr.variable("B"), s()));
    assertEquals(TensorShape.unknownRank(), DataRules.batch(DimExpr.of(64), s("...", "3")));
  }
}
