package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvRulesTest {

  private static List<DimExpr> l(String... v) {
    return s(v).dims();
  }

  @Test
  void outputSize_isSymbolicWhenInputsAre() {
    assertEquals(d("(H+2*P-D*(K-1)-1)/S+1"),
        ConvRules.outputSize(d("H"), d("K"), d("S"), d("P"), d("D"), false));
    assertEquals(d("H-2"), ConvRules.outputSize(d("H"), d("3"), d("1"), d("0"), d("1"), false));
    assertEquals(d("H"), ConvRules.outputSize(d("H"), d("3"), d("1"), d("1"), d("1"), false));
    assertEquals(d("(H-2)/2+1"),
        ConvRules.outputSize(d("H"), d("2"), d("2"), d("0"), d("1"), false));
  }

  @Test
  void conv2d_symbolicBatch() {
    assertEquals("[B, 6, 24, 24]", ok(ConvRules.conv2d("Conv2d.forward", s("B", "1", "28", "28"),
        s("6", "1", "5", "5"), l("1"), l("0"), l("1"), d("1"))));
    assertEquals("[B, 16, H-4, W-4]", ok(ConvRules.conv2d("conv", s("B", "6", "H", "W"),
        s("16", "6", "5", "5"), l("1"), l("0"), l("1"), d("1"))));
    assertEquals("[*b, 16, H-4, W-4]", ok(ConvRules.conv2d("conv", s("*b", "6", "H", "W"),
        s("16", "6", "5", "5"), l("1"), l("0"), l("1"), d("1"))));
    assertEquals("[6, 24, 24]", ok(ConvRules.conv2d("conv", s("1", "28", "28"),
        s("6", "1", "5", "5"), l("1"), l("0"), l("1"), d("1"))));
  }

  @Test
  void conv2d_threeDimInputTakenAsUnbatched_isAChannelMismatch() {
    ShapeMismatch m = fails(ConvRules.conv2d("Conv2d.forward", s("N", "28", "28"),
        s("6", "1", "5", "5"), l("1"), l("0"), l("1"), d("1")),
        MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals("[shape.mismatch.conv.channels] Conv2d.forward: input [N, 28, 28] has N "
        + "channels (dim 0), but weight [6, 1, 5, 5] expects 1; a 3-D input is taken as "
        + "unbatched [C, H, W]", m.render());
    assertEquals(0, m.dim());
  }

  @Test
  void conv_errors() {
    fails(ConvRules.conv2d("conv", s("B", "3", "28", "28"), s("6", "1", "5", "5"), l("1"),
        l("0"), l("1"), d("1")), MessageKeys.MISMATCH_CONV_CHANNELS);
    fails(ConvRules.conv2d("conv", s("B", "28", "28", "1", "1"), s("6", "1", "5", "5"), l("1"),
        l("0"), l("1"), d("1")), MessageKeys.CONV_RANK);
    fails(ConvRules.conv2d("conv", s("B", "1", "28", "28"), s("6", "1", "5"), l("1"),
        l("0"), l("1"), d("1")), MessageKeys.CONV_RANK);
    ShapeMismatch small = fails(ConvRules.conv2d("conv", s("B", "1", "3", "28"),
        s("6", "1", "5", "5"), l("1"), l("0"), l("1"), d("1")), MessageKeys.CONV_SIZE);
    assertEquals(2, small.dim());
    fails(ConvRules.conv2d("conv", s("B", "4", "28", "28"), s("6", "2", "5", "5"), l("0"),
        l("0"), l("1"), d("2")), MessageKeys.CONV_PARAMS);
    fails(ConvRules.conv2d("conv", s("B", "4", "28", "28"), s("5", "2", "5", "5"), l("1"),
        l("0"), l("1"), d("2")), MessageKeys.CONV_PARAMS);
    fails(ConvRules.conv2d("conv", s("B", "4", "28", "28"), s("6", "4", "5", "5"), l("1", "1",
        "1"), l("0"), l("1"), d("1")), MessageKeys.CONV_PARAMS);
    fails(ConvRules.conv1d("conv", s("B", "4", "8"), s("6", "4", "3"), l("1"), l("-1"), l("1"),
        d("1")), MessageKeys.CONV_PARAMS);
  }

  @Test
  void convSame_keepsEverySpatialSize() {
    assertEquals("[2, 6, 5, 5]", ok(ConvRules.convSame("conv2d", 2, s("2", "4", "5", "5"),
        s("6", "4", "4", "3"), l("1"), l("1"), d("1"))));
    assertEquals("[B, 6, H, W]", ok(ConvRules.convSame("conv2d", 2, s("B", "4", "H", "W"),
        s("6", "2", "9", "9"), l("1"), l("2"), d("2"))));
    assertEquals("[2, 6]", ok(ConvRules.convSame("conv1d", 1, s("4", "6"), s("2", "4", "4"),
        l("1"), l("3"), d("1"))));
    assertEquals("[B, 6, H, W]", ok(ConvRules.convSame("conv2d", 2, s("B", "4", "H", "W"),
        s("6", "4", "3", "3"), l("S"), l("1"), d("1"))));
  }

  @Test
  void convSame_withAStride_isAParamsMismatch() {
    ShapeMismatch m = fails(ConvRules.convSame("Torch.conv2d", 2, s("2", "4", "5", "5"),
        s("6", "4", "3", "3"), l("2"), l("1"), d("1")), MessageKeys.CONV_PARAMS);
    assertEquals("[shape.conv.params] Torch.conv2d: padding='same' needs stride 1 (PyTorch does "
        + "not support it for strided convolutions), got stride [2]; give the padding as numbers "
        + "instead", m.render());
    assertEquals(2, m.argument());
    fails(ConvRules.convSame("c", 2, s("2", "4", "5", "5"), s("6", "4", "3", "3"), l("1", "2"),
        l("1"), d("1")), MessageKeys.CONV_PARAMS);
  }

  @Test
  void convSameAndValid_checkChannelsAndNumberTheirOwnInputs() {
    fails(ConvRules.convSame("c", 2, s("2", "4", "5", "5"), s("6", "3", "2", "2"), l("1"),
        l("1"), d("1")), MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals(4, fails(ConvRules.convValid("c", 2, s("2", "4", "5", "5"),
        s("6", "4", "2", "2"), l("1"), l("1"), d("0")), MessageKeys.CONV_PARAMS).argument());
    assertEquals(4, fails(ConvRules.convSame("c", 2, s("2", "4", "5", "5"),
        s("6", "4", "2", "2"), l("1"), l("1"), d("-1")), MessageKeys.CONV_PARAMS).argument());
    assertEquals(1, fails(ConvRules.convSame("c", 2, s("2", "4", "5", "5"),
        s("5", "2", "2", "2"), l("1"), l("1"), d("2")), MessageKeys.CONV_PARAMS).argument());
    fails(ConvRules.convSame("c", 2, s("1", "4", "0", "5"), s("6", "4", "3", "3"), l("1"),
        l("1"), d("1")), MessageKeys.CONV_SIZE);
  }

  @Test
  void convValid_isPaddingZero() {
    assertEquals("[2, 6, 2, 2]", ok(ConvRules.convValid("conv2d", 2, s("2", "4", "5", "5"),
        s("6", "4", "3", "3"), l("2"), l("1"), d("1"))));
    assertEquals("[N, 6, H-2]", ok(ConvRules.convValid("conv1d", 1, s("N", "4", "H"),
        s("6", "4", "3"), l("1"), l("1"), d("1"))));
    fails(ConvRules.convValid("conv2d", 2, s("2", "4", "5", "5"), s("6", "4", "7", "7"), l("1"),
        l("1"), d("1")), MessageKeys.CONV_SIZE);
  }

  @Test
  void convModule_withGroupsZero_isAMismatchNotACrash() {
    fails(ConvRules.convModule("f", 2, s("4", "6", "3", "3", "1", "1", "0", "0", "1", "1", "0"),
        s("B", "4", "8", "8")), MessageKeys.CONV_PARAMS);
  }

  @Test
  void convModule_readsTheHyperparameterVector() {
    TensorShape conv = s("1", "6", "5", "5", "1", "1", "2", "2", "1", "1");
    assertEquals("[B, 6, 28, 28]", ok(ConvRules.convModule("Conv2d.forward", 2, conv,
        s("B", "1", "28", "28"))));
    TensorShape symbolic = s("Cin", "Cout", "K", "K", "S", "S", "P", "P", "1", "1");
    assertEquals(s("N", "Cout", "(H+2*P-K)/S+1", "(W+2*P-K)/S+1"), ConvRules.convModule("f", 2,
        symbolic, s("N", "Cin", "H", "W")).value());
    assertEquals("[N, Cout, (H+2*P-K)/S+1, (2*P+W-K)/S+1]", ok(ConvRules.convModule("f", 2,
        symbolic, s("N", "Cin", "H", "W"))));
    ShapeMismatch m = fails(ConvRules.convModule("f", 2, conv, s("B", "3", "28", "28")),
        MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals(1, m.argument());
    fails(ConvRules.convModule("f", 2, s("1", "6", "5"), s("B", "1", "28", "28")),
        MessageKeys.RULE_ARGUMENTS);
    assertEquals("[B, 8, 10]", ok(ConvRules.convModule("f", 1, s("4", "8", "3", "1", "1", "1",
        "2"), s("B", "4", "10"))));
  }

  @Test
  void pooling() {
    assertEquals("[B, 6, 14, 14]", ok(ConvRules.pool("maxPool2d", 2, s("B", "6", "28", "28"),
        l("2"), l(), l("0"), l("1"), false)));
    assertEquals("[B, C, (H-2)/2+1, (W-2)/2+1]", ok(ConvRules.pool("maxPool2d", 2,
        s("B", "C", "H", "W"), l("2"), l(), l("0"), l("1"), false)));
    assertEquals("[C, 4]", ok(ConvRules.pool("maxPool1d", 1, s("C", "7"), l("2"), l(), l("0"),
        l("1"), true)));
    assertEquals("[C, 3]", ok(ConvRules.pool("maxPool1d", 1, s("C", "7"), l("2"), l(), l("0"),
        l("1"), false)));
    fails(ConvRules.pool("maxPool2d", 2, s("B", "6", "28", "28"), l("2"), l(), l("2"), l("1"),
        false), MessageKeys.CONV_PARAMS);
    fails(ConvRules.pool("maxPool2d", 2, s("B", "6", "1", "28"), l("2"), l(), l("0"), l("1"),
        false), MessageKeys.CONV_SIZE);
    fails(ConvRules.pool("maxPool2d", 2, s("6", "28"), l("2"), l(), l("0"), l("1"), false),
        MessageKeys.CONV_RANK);
    fails(ConvRules.pool("maxPool2d", 2, s("6", "28", "28"), l("0"), l(), l("0"), l("1"),
        false), MessageKeys.CONV_PARAMS);
  }

  /**
   * A dilated window whose taps all miss the input (libtorch returns -inf and an index outside
   * the input, and its backward writes out of bounds) is a parameter error.
   */
  @Test
  void pooling_windowsThatMissTheInputAreRejected() {
    // Rows 0..1, kernel 2 dilated by 3 from -1: taps at -1 and 2, both outside.
    fails(ConvRules.pool("maxPool2d", 2, s("1", "1", "2", "3"), l("2", "1"), l("1", "1"),
        l("1", "0"), l("3", "1"), false), MessageKeys.CONV_PARAMS);
    fails(ConvRules.pool("maxPool1d", 1, s("1", "2"), l("2"), l("1"), l("1"), l("3"), false),
        MessageKeys.CONV_PARAMS);
    // The same window on a longer input reaches row 2: accepted.
    assertEquals("[1, 1, 2, 3]", ok(ConvRules.pool("maxPool2d", 2, s("1", "1", "3", "3"),
        l("2", "1"), l("1", "1"), l("1", "0"), l("3", "1"), false)));
    assertEquals(0, ConvRules.windowWithoutInput(2, 2, 1, 1, 3, 1));
    assertEquals(-1, ConvRules.windowWithoutInput(3, 2, 1, 1, 3, 2));
    assertEquals(-1, ConvRules.windowWithoutInput(28, 2, 2, 1, 1, 15));
    // A window that straddles the input: taps at -2 and 3 around rows 0..2.
    assertEquals(0, ConvRules.windowWithoutInput(3, 2, 1, 2, 5, 1));
  }

  @Test
  void adaptivePooling() {
    assertEquals("[B, 512, 1, 1]", ok(ConvRules.adaptivePool("adaptiveAvgPool2d", 2,
        s("B", "512", "H", "W"), l("1"))));
    assertEquals("[B, C, 7, _]", ok(ConvRules.adaptivePool("adaptiveAvgPool2d", 2,
        s("B", "C", "H", "W"), l("7", "_"))));
    assertEquals("[C, 5]", ok(ConvRules.adaptivePool("adaptiveAvgPool1d", 1, s("C", "L"),
        l("5"))));
    fails(ConvRules.adaptivePool("a", 2, s("B", "C", "H", "W"), l("1", "2", "3")),
        MessageKeys.CONV_PARAMS);
  }

  private static RuleArg tensor(String... dims) {
    return new RuleArg.TensorArg(s(dims));
  }

  private static RuleArg ints(String... v) {
    return new RuleArg.IntsArg(l(v));
  }

  private static ShapeResult<TensorShape> conv2d(RuleArg bias) {
    return Rule.CONV2D.apply("F.conv2d", List.of(tensor("1", "1", "8", "8"),
        tensor("6", "1", "5", "5"), ints("1"), ints("0"), ints("1"),
        new RuleArg.IntArg(d("1")), bias));
  }

  @Test
  void conv2d_biasOfOneValuePerOutChannel_isAccepted_absentToo() {
    assertEquals("[1, 6, 4, 4]", ok(conv2d(tensor("6"))));
    assertEquals("[1, 6, 4, 4]", ok(conv2d(new RuleArg.Ignored())));
    fails(conv2d(tensor("C")), MessageKeys.MISMATCH_CONV_CHANNELS); // C is rigid: not 6
    assertEquals("[1, C, 4, 4]", ok(Rule.CONV2D.apply("F.conv2d", List.of(
        tensor("1", "1", "8", "8"), tensor("C", "1", "5", "5"), ints("1"), ints("0"), ints("1"),
        new RuleArg.IntArg(d("1")), tensor("C")))));
    assertEquals("[1, 6, 4, 4]", ok(conv2d(tensor("*b", "6"))));
    assertEquals("[1, 6, 4, 4]", ok(conv2d(new RuleArg.TensorArg(TensorShape.unknownRank()))));
  }

  @Test
  void conv2d_biasOfAnotherLengthOrRank_isAChannelMismatch() {
    ShapeMismatch m = fails(conv2d(tensor("5")), MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals("[shape.mismatch.conv.channels] F.conv2d: bias [5] must be 1-D [6], one value"
        + " per out-channel: weight [6, 1, 5, 5] has 6 out-channels (dim 0); pass a bias of 6"
        + " values or null", m.render());
    assertEquals(6, m.argument());
    fails(conv2d(tensor("1", "6")), MessageKeys.MISMATCH_CONV_CHANNELS);
    fails(conv2d(tensor("*b", "1", "6")), MessageKeys.MISMATCH_CONV_CHANNELS);
    fails(conv2d(tensor("*b", "5")), MessageKeys.MISMATCH_CONV_CHANNELS);
    fails(Rule.CONV1D.apply("F.conv1d", List.of(tensor("1", "2", "8"), tensor("4", "2", "3"),
        ints("1"), ints("0"), ints("1"), new RuleArg.IntArg(d("1")), tensor("2"))),
        MessageKeys.MISMATCH_CONV_CHANNELS);
  }

  @Test
  void convTranspose2d_biasIsWeightDim1TimesGroups() {
    List<RuleArg> common = List.of(tensor("1", "4", "5", "5"), tensor("4", "3", "3", "3"),
        ints("1"), ints("0"), ints("0"), new RuleArg.IntArg(d("2")), ints("1"));
    java.util.function.Function<RuleArg, ShapeResult<TensorShape>> run = bias -> {
      List<RuleArg> args = new java.util.ArrayList<>(common);
      args.add(bias);
      return Rule.CONV_TRANSPOSE2D.apply("F.convTranspose2d", args);
    };
    assertEquals("[1, 6, 7, 7]", ok(run.apply(tensor("6"))));
    ShapeMismatch m = fails(run.apply(tensor("3")), MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals("[shape.mismatch.conv.channels] F.convTranspose2d: bias [3] must be 1-D [6], one"
        + " value per out-channel: weight [4, 3, 3, 3] with 2 group(s) has 6 out-channels (dim 1"
        + " x groups); pass a bias of 6 values or null", m.render());
    assertEquals(7, m.argument());
  }
}
