package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvTransposeRulesTest {

  private static List<DimExpr> l(String... v) {
    return s(v).dims();
  }

  @Test
  void outputSize_isPytorchsFormulaAndStaysSymbolic() {
    assertEquals(d("(H-1)*S-2*P+D*(K-1)+OP+1"),
        ConvTransposeRules.outputSize(d("H"), d("K"), d("S"), d("P"), d("OP"), d("D")));
    // The DCGAN upsampling step: kernel 4, stride 2, padding 1 doubles the size.
    assertEquals(d("2*H"),
        ConvTransposeRules.outputSize(d("H"), d("4"), d("2"), d("1"), d("0"), d("1")));
    assertEquals(d("7"),
        ConvTransposeRules.outputSize(d("5"), d("3"), d("1"), d("0"), d("0"), d("1")));
  }

  @Test
  void convTranspose2d_channelsComeFromTheWeightsSecondDimTimesGroups() {
    assertEquals("[2, 3, 7, 7]", ok(ConvTransposeRules.convTranspose2d("convTranspose2d",
        s("2", "4", "5", "5"), s("4", "3", "3", "3"), l("1"), l("0"), l("0"), d("1"), l("1"))));
    assertEquals("[2, 6, 7, 7]", ok(ConvTransposeRules.convTranspose2d("convTranspose2d",
        s("2", "4", "5", "5"), s("4", "3", "3", "3"), l("1"), l("0"), l("0"), d("2"), l("1"))));
    assertEquals("[3, 7, 7]", ok(ConvTransposeRules.convTranspose2d("convTranspose2d",
        s("4", "5", "5"), s("4", "3", "3", "3"), l("1"), l("0"), l("0"), d("1"), l("1"))));
    assertEquals("[B, 64, 2*H, 2*W]", ok(ConvTransposeRules.convTranspose2d("g",
        s("B", "128", "H", "W"), s("128", "64", "4", "4"), l("2"), l("1"), l("0"), d("1"),
        l("1"))));
    assertEquals("[*b, 2*G, H+2, W+2]", ok(ConvTransposeRules.convTranspose2d("g",
        s("*b", "C", "H", "W"), s("C", "G", "3", "3"), l("1"), l("0"), l("0"), d("2"), l("1"))));
    assertEquals("[2, 3, 21]", ok(ConvTransposeRules.convTranspose1d("convTranspose1d",
        s("2", "4", "7"), s("4", "3", "3"), l("3"), l("1"), l("2"), d("1"), l("1"))));
  }

  @Test
  void convTranspose_inputChannelsMustBeTheWeightsFirstDim() {
    ShapeMismatch m = fails(ConvTransposeRules.convTranspose2d("Torch.convTranspose2d",
        s("2", "4", "5", "5"), s("3", "3", "3", "3"), l("1"), l("0"), l("0"), d("1"), l("1")),
        MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals("[shape.mismatch.conv.channels] Torch.convTranspose2d: input [2, 4, 5, 5] has 4 "
        + "channels (dim 1), but weight [3, 3, 3, 3] expects 3 (a transposed convolution's "
        + "weight is [Cin, Cout/groups, KH, KW], in-channels first)", m.render());
    assertEquals(0, m.argument());
    assertEquals(1, m.dim());
  }

  @Test
  void convTranspose_badHyperparameters() {
    TensorShape x = s("2", "4", "5", "5");
    TensorShape w = s("4", "3", "3", "3");
    ShapeMismatch outPad = fails(ConvTransposeRules.convTranspose2d("c", x, w, l("2"), l("0"),
        l("2"), d("1"), l("1")), MessageKeys.CONV_PARAMS);
    assertEquals("[shape.conv.params] c: output padding must be >= 0 and smaller than either "
        + "the stride or the dilation, got output padding [2], stride [2], dilation [1] (spatial "
        + "dim 0)", outPad.render());
    assertEquals(4, outPad.argument());
    // Smaller than the dilation is enough.
    assertEquals("[2, 3, 10, 10]", ok(ConvTransposeRules.convTranspose2d("c", x, w, l("1"),
        l("0"), l("1"), d("1"), l("2"))));
    fails(ConvTransposeRules.convTranspose2d("c", x, w, l("1"), l("0"), l("-1"), d("1"),
        l("1")), MessageKeys.CONV_PARAMS);
    assertEquals(3, fails(ConvTransposeRules.convTranspose2d("c", x, w, l("1"), l("-1"),
        l("0"), d("1"), l("1")), MessageKeys.CONV_PARAMS).argument());
    assertEquals(2, fails(ConvTransposeRules.convTranspose2d("c", x, w, l("0"), l("0"),
        l("0"), d("1"), l("1")), MessageKeys.CONV_PARAMS).argument());
    assertEquals(5, fails(ConvTransposeRules.convTranspose2d("c", x, w, l("1"), l("0"),
        l("0"), d("0"), l("1")), MessageKeys.CONV_PARAMS).argument());
    ShapeMismatch groups = fails(ConvTransposeRules.convTranspose2d("c", s("2", "3", "5", "5"),
        s("3", "2", "3", "3"), l("1"), l("0"), l("0"), d("2"), l("1")), MessageKeys.CONV_PARAMS);
    assertEquals("[shape.conv.params] c: in-channels 3 of weight [3, 2, 3, 3] (dim 0) must be "
        + "divisible by groups 2", groups.render());
    fails(ConvTransposeRules.convTranspose2d("c", x, w, l("1", "1", "1"), l("0"), l("0"),
        d("1"), l("1")), MessageKeys.CONV_PARAMS);
  }

  @Test
  void convTranspose_outputBelowOne_isASizeMismatch() {
    ShapeMismatch m = fails(ConvTransposeRules.convTranspose2d("c", s("1", "4", "2", "2"),
        s("4", "3", "1", "1"), l("1"), l("1"), l("0"), d("1"), l("1")), MessageKeys.CONV_SIZE);
    assertEquals("[shape.conv.size] c: output too small: spatial dim 0 of input [1, 4, 2, 2] "
        + "(size 2) gives 0 = (2-1)*1 - 2*1 + 1*(1-1) + 0 + 1; reduce the padding", m.render());
    assertEquals(2, m.dim());
  }

  @Test
  void convTranspose_wrongRanks() {
    fails(ConvTransposeRules.convTranspose2d("c", s("1", "2", "4", "5", "5"),
        s("4", "3", "3", "3"), l("1"), l("0"), l("0"), d("1"), l("1")), MessageKeys.CONV_RANK);
    fails(ConvTransposeRules.convTranspose2d("c", s("2", "4", "5", "5"), s("4", "3", "3"),
        l("1"), l("0"), l("0"), d("1"), l("1")), MessageKeys.CONV_RANK);
  }

  @Test
  void convTranspose_unknownsNeverFail() {
    assertEquals("[2, _, _, _]", ok(ConvTransposeRules.convTranspose2d("c", s("2", "4", "5", "5"),
        s("..."), l("1"), l("0"), l("0"), d("1"), l("1"))));
    assertEquals("[2, 6, _, _]", ok(ConvTransposeRules.convTranspose2d("c", s("2", "4", "5", "5"),
        s("4", "3", "3", "3"), null, l("0"), l("0"), d("2"), l("1"))));
    // An output padding of 3 may be fine with an unknown stride.
    assertEquals("[2, 3, _, _]", ok(ConvTransposeRules.convTranspose2d("c", s("2", "4", "5", "5"),
        s("4", "3", "3", "3"), l("_"), l("0"), l("3"), d("1"), l("1"))));
  }

  @Test
  void convTransposeModule_readsTheHyperparameterVectorOfConvTranspose2d() {
    TensorShape up = s("128", "64", "4", "4", "2", "2", "1", "1", "0", "0", "1", "1");
    assertEquals("[B, 64, 14, 14]", ok(ConvTransposeRules.convTransposeModule(
        "ConvTranspose2d.forward", 2, up, s("B", "128", "7", "7"))));
    TensorShape symbolic = s("Cin", "Cout", "K", "K", "S", "S", "P", "P", "OP", "OP", "D", "D");
    assertEquals(s("N", "Cout", "(H-1)*S-2*P+D*(K-1)+OP+1", "(W-1)*S-2*P+D*(K-1)+OP+1"),
        ConvTransposeRules.convTransposeModule("f", 2, symbolic, s("N", "Cin", "H", "W"))
            .value());
    TensorShape grouped = s("4", "6", "3", "3", "2", "2", "1", "1", "1", "1", "1", "1", "2");
    assertEquals("[2, 6, 10, 10]", ok(ConvTransposeRules.convTransposeModule("f", 2, grouped,
        s("2", "4", "5", "5"))));
    assertEquals("[N, Cout, 2*L]", ok(ConvTransposeRules.convTransposeModule("f", 1,
        s("C", "Cout", "4", "2", "1", "0", "1", "4"), s("N", "C", "L"))));
    ShapeMismatch channels = fails(ConvTransposeRules.convTransposeModule("f", 2, up,
        s("B", "64", "7", "7")), MessageKeys.MISMATCH_CONV_CHANNELS);
    assertEquals(1, channels.argument());
    ShapeMismatch outPad = fails(ConvTransposeRules.convTransposeModule("f", 2,
        s("4", "6", "3", "3", "1", "1", "0", "0", "1", "1", "1", "1"), s("2", "4", "5", "5")),
        MessageKeys.CONV_PARAMS);
    assertEquals(0, outPad.argument());
    fails(ConvTransposeRules.convTransposeModule("f", 2,
        s("4", "5", "3", "3", "1", "1", "0", "0", "0", "0", "1", "1", "2"),
        s("2", "4", "5", "5")), MessageKeys.CONV_PARAMS);
    fails(ConvTransposeRules.convTransposeModule("f", 2,
        s("4", "6", "3", "3", "1", "1", "0", "0", "0", "0", "1", "1", "0"),
        s("2", "4", "5", "5")), MessageKeys.CONV_PARAMS);
    fails(ConvTransposeRules.convTransposeModule("f", 2, s("4", "6", "3", "3"),
        s("2", "4", "5", "5")), MessageKeys.RULE_ARGUMENTS);
  }
}
