package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conv and pooling layers' rules: the sizes the layers' {@code @Shape} signatures used to
 * state (their strings, parsed, are the expected values), from the functional ops' formulas;
 * batched input and the layer's in-channels, in the layer's words.
 */
class ConvLayerRulesTest {

  private static TensorShape apply(Rule rule, TensorShape module, TensorShape input) {
    ShapeResult<TensorShape> r = rule.apply("Layer.forward",
        List.of(new RuleArg.TensorArg(module), new RuleArg.TensorArg(input)));
    assertTrue(r.isOk(), () -> r.mismatch().render());
    return r.value();
  }

  private static ShapeMismatch mismatch(Rule rule, TensorShape module, TensorShape input,
      String key) {
    return fails(rule.apply("Layer.forward",
        List.of(new RuleArg.TensorArg(module), new RuleArg.TensorArg(input))), key);
  }

  @Test
  void convLayer_isTheFormulaConv2dAndConv1dDeclared() {
    TensorShape conv2d = s("Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW");
    assertEquals(TensorShape.of(List.of(d("N"), d("Cout"), d("(H+2*PH-DH*(KH-1)-1)/SH+1"),
        d("(W+2*PW-DW*(KW-1)-1)/SW+1"))), apply(Rule.CONV_LAYER, conv2d,
            s("N", "Cin", "H", "W")));
    TensorShape conv1d = s("Cin", "Cout", "K", "S", "P", "D");
    assertEquals(TensorShape.of(List.of(d("N"), d("Cout"), d("(L+2*P-D*(K-1)-1)/S+1"))),
        apply(Rule.CONV_LAYER, conv1d, s("N", "Cin", "L")));
    assertEquals("[B, 6, 28, 28]", apply(Rule.CONV_LAYER,
        s("1", "6", "5", "5", "1", "1", "2", "2", "1", "1"), s("B", "1", "28", "28")).toString());
    assertEquals("[N, 6, H-4, W-4]", apply(Rule.CONV_LAYER,
        s("1", "6", "5", "5", "1", "1", "0", "0", "1", "1"), s("N", "1", "H", "W")).toString());
    assertEquals("[B, 8, 5]",
        apply(Rule.CONV_LAYER, s("4", "8", "3", "2", "1", "1"), s("B", "4", "10")).toString());
  }

  @Test
  void convLayer_unbatchedInput_isARankError_namingTheFix() {
    ShapeMismatch m = mismatch(Rule.CONV_LAYER,
        s("1", "6", "5", "5", "1", "1", "0", "0", "1", "1"), s("B", "28", "28"), MessageKeys.RANK);
    assertEquals(1, m.argument());
    assertEquals("[shape.rank] Conv2d.forward: input [B, 28, 28] is 3-D, required [N, Cin, H,"
        + " W] (rank 4): the layer takes a batch; add the missing dim: unsqueeze(0) for one"
        + " unbatched sample [Cin, H, W], unsqueeze(1) for a batch that lost its channel dim;"
        + " F.conv2d takes an unbatched input as it is",
        ConvLayerRules.conv("Conv2d.forward", s("1", "6", "5", "5", "1", "1", "0", "0", "1",
            "1"), s("B", "28", "28")).mismatch().render());
    mismatch(Rule.CONV_LAYER, s("4", "8", "3", "1", "0", "1"), s("4", "10"), MessageKeys.RANK);
    assertTrue(mismatch(Rule.MAX_POOL_LAYER, s("2", "2", "0", "1", "0"),
        s("N", "C", "4", "4"), MessageKeys.RANK).detail().contains("reshape it to [N, C, L]"));
  }

  @Test
  void convLayer_otherChannels_nameTheLayersInChannels() {
    ShapeMismatch m = mismatch(Rule.CONV_LAYER,
        s("3", "16", "3", "3", "2", "2", "1", "1", "1", "1"), s("N", "1", "64", "64"),
        MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals(1, m.argument());
    assertEquals(1, m.dim());
    assertEquals("input [N, 1, 64, 64] has 1 channels (dim 1), but the layer expects Cin = 3;"
        + " pass an input of 3 channels, or build the layer for 1", m.detail());
    ShapeMismatch variadic = mismatch(Rule.CONV_LAYER, s("3", "16", "3", "3", "1", "1", "0",
        "0", "1", "1"), s("*b", "4", "8", "8"), MessageKeys.MISMATCH_CONV_CHANNELS);
    assertTrue(variadic.detail().contains("has 4 channels (dim -3)"), variadic.detail());
  }

  @Test
  void convTransposeLayer_isTheFormulaConvTranspose2dDeclared() {
    TensorShape module =
        s("Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "OPH", "OPW", "DH", "DW");
    assertEquals(TensorShape.of(List.of(d("N"), d("Cout"), d("(H-1)*SH-2*PH+DH*(KH-1)+OPH+1"),
        d("(W-1)*SW-2*PW+DW*(KW-1)+OPW+1"))), apply(Rule.CONV_TRANSPOSE_LAYER, module,
            s("N", "Cin", "H", "W")));
    TensorShape up = s("16", "8", "4", "4", "2", "2", "1", "1", "0", "0", "1", "1");
    assertEquals("[N, 8, 14, 14]",
        apply(Rule.CONV_TRANSPOSE_LAYER, up, s("N", "16", "7", "7")).toString());
    ShapeMismatch m = mismatch(Rule.CONV_TRANSPOSE_LAYER, up, s("N", "8", "7", "7"),
        MessageKeys.MISMATCH_CONV_CHANNELS);
    assertTrue(m.detail().contains("the layer expects Cin = 16"), m.detail());
    mismatch(Rule.CONV_TRANSPOSE_LAYER, up, s("16", "7", "7"), MessageKeys.RANK);
  }

  @Test
  void maxPoolLayer_isTheFormulaMaxPool1dAndMaxPool2dDeclared_ceilModeIncluded() {
    assertEquals(TensorShape.of(List.of(d("N"), d("Ch"), d("(L+2*P-D*(K-1)-1+C*(S-1))/S+1"))),
        apply(Rule.MAX_POOL_LAYER, s("K", "S", "P", "D", "C"), s("N", "Ch", "L")));
    assertEquals(TensorShape.of(List.of(d("N"), d("Ch"),
        d("(H+2*PH-DH*(KH-1)-1+C*(SH-1))/SH+1"), d("(W+2*PW-DW*(KW-1)-1+C*(SW-1))/SW+1"))),
        apply(Rule.MAX_POOL_LAYER, s("KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW", "C"),
            s("N", "Ch", "H", "W")));
    TensorShape floor = s("2", "2", "2", "2", "0", "0", "1", "1", "0");
    TensorShape ceil = s("2", "2", "2", "2", "0", "0", "1", "1", "1");
    TensorShape unknownCeil = s("2", "2", "2", "2", "0", "0", "1", "1", "_");
    assertEquals("[N, 8, 12, 12]",
        apply(Rule.MAX_POOL_LAYER, floor, s("N", "8", "25", "24")).toString());
    assertEquals("[N, 8, 13, 12]",
        apply(Rule.MAX_POOL_LAYER, ceil, s("N", "8", "25", "24")).toString());
    assertEquals("[N, 8, _, _]",
        apply(Rule.MAX_POOL_LAYER, unknownCeil, s("N", "8", "25", "24")).toString());
    ShapeMismatch small = mismatch(Rule.MAX_POOL_LAYER, s("3", "3", "3", "3", "0", "0", "1",
        "1", "0"), s("1", "1", "2", "2"), MessageKeys.CONV_SIZE);
    assertEquals(1, small.argument());
  }

  @Test
  void avgPoolLayer_isTheFormulaAvgPool2dDeclared() {
    assertEquals(TensorShape.of(List.of(d("N"), d("Ch"), d("(H+2*PH-KH+C*(SH-1))/SH+1"),
        d("(W+2*PW-KW+C*(SW-1))/SW+1"))), apply(Rule.AVG_POOL_LAYER,
            s("KH", "KW", "SH", "SW", "PH", "PW", "C"), s("N", "Ch", "H", "W")));
    assertEquals("[B, 3, 4, 4]", apply(Rule.AVG_POOL_LAYER,
        s("3", "3", "2", "2", "1", "1", "0"), s("B", "3", "8", "8")).toString());
  }

  @Test
  void aModuleOfAnotherLength_isADeclarationBug_andAnUnknownModuleKeepsTheBatch() {
    ShapeMismatch m = mismatch(Rule.CONV_LAYER, s("1", "6", "5"), s("B", "1", "28", "28"),
        MessageKeys.RULE_ARGUMENTS);
    assertEquals(0, m.argument());
    mismatch(Rule.AVG_POOL_LAYER, s("2", "2", "0"), s("B", "1", "28", "28"),
        MessageKeys.RULE_ARGUMENTS);
    mismatch(Rule.MAX_POOL_LAYER, s("2", "2", "0", "1"), s("B", "1", "28"),
        MessageKeys.RULE_ARGUMENTS);
    mismatch(Rule.CONV_TRANSPOSE_LAYER, s("1", "6", "5", "5", "1", "1", "2", "2", "1", "1"),
        s("B", "1", "28", "28"), MessageKeys.RULE_ARGUMENTS);
    for (Rule r : List.of(Rule.CONV_LAYER, Rule.CONV_TRANSPOSE_LAYER, Rule.MAX_POOL_LAYER,
        Rule.AVG_POOL_LAYER)) {
      assertEquals("[B, _, _, _]",
          apply(r, TensorShape.unknownRank(), s("B", "1", "28", "28")).toString());
    }
  }

  @Test
  void aParameterTheFunctionalRuleRejects_blamesTheModule() {
    ShapeMismatch m = mismatch(Rule.CONV_LAYER,
        s("4", "6", "3", "3", "0", "1", "0", "0", "1", "1"), s("B", "4", "8", "8"),
        MessageKeys.CONV_PARAMS);
    assertEquals(0, m.argument());
    assertEquals(-1, m.dim());
  }
}
