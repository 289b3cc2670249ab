package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** pixel_shuffle / pixel_unshuffle: channels traded for space by r, divisibility checked. */
class PixelShuffleRulesTest {

  @Test
  void shuffle_dividesChannelsByRSquaredAndScalesHW() {
    assertEquals("[1, 3, 10, 14]", ok(PixelShuffleRules.pixelShuffle("F.pixelShuffle",
        TensorShape.of(1, 12, 5, 7), 2)));
    assertEquals("[2, 6, 8]", ok(PixelShuffleRules.pixelShuffle("F.pixelShuffle",
        TensorShape.of(8, 3, 4), 2)));
    assertEquals(s("*b", "C", "2*H", "2*W").toString(), ok(PixelShuffleRules.pixelShuffle(
        "F.pixelShuffle", s("*b", "4*C", "H", "W"), 2)));
    assertEquals("[2, 7, 3, 5]", ok(PixelShuffleRules.pixelShuffle("F.pixelShuffle",
        TensorShape.of(2, 7, 3, 5), 1)));
  }

  @Test
  void unshuffle_dividesHWByRAndMultipliesChannels() {
    assertEquals("[1, 18, 3, 2]", ok(PixelShuffleRules.pixelUnshuffle("F.pixelUnshuffle",
        TensorShape.of(1, 2, 9, 6), 3)));
    assertEquals(s("B", "4*C", "H", "W").toString(), ok(PixelShuffleRules.pixelUnshuffle(
        "F.pixelUnshuffle", s("B", "C", "2*H", "2*W"), 2)));
  }

  @Test
  void mismatches_nameTheOpTheDimAndTheFactor() {
    ShapeMismatch ch = fails(PixelShuffleRules.pixelShuffle("F.pixelShuffle",
        TensorShape.of(1, 6, 2, 2), 2), MessageKeys.SPLIT_SIZE);
    assertEquals("[shape.split.size] F.pixelShuffle: dim -3 of [1, 6, 2, 2] has size 6, which"
        + " does not divide by the upscaleFactor 2 squared (4); make it a multiple or change the"
        + " factor", ch.render());
    assertEquals(1, ch.dim());
    ShapeMismatch w = fails(PixelShuffleRules.pixelUnshuffle("F.pixelUnshuffle",
        TensorShape.of(1, 1, 4, 5), 2), MessageKeys.SPLIT_SIZE);
    assertEquals(3, w.dim());
    fails(PixelShuffleRules.pixelUnshuffle("F.pixelUnshuffle", TensorShape.of(4, 4), 2),
        MessageKeys.RANK);
    fails(PixelShuffleRules.pixelShuffle("F.pixelShuffle", TensorShape.of(1, 4, 2, 2), 0),
        MessageKeys.RULE_ARGUMENTS);
  }

  @Test
  void layer_readsTheFactorFromTheModuleVector() {
    assertEquals("[1, 1, 4, 4]", ok(PixelShuffleRules.layer("PixelShuffle.forward", s("2"),
        TensorShape.of(1, 4, 2, 2), true)));
    fails(PixelShuffleRules.layer("PixelUnshuffle.forward", s("2"), TensorShape.of(1, 1, 3, 4),
        false), MessageKeys.SPLIT_SIZE);
    assertEquals(4, PixelShuffleRules.layer("PixelShuffle.forward", s("R"),
        TensorShape.of(1, 4, 2, 2), true).value().rank());
  }
}
