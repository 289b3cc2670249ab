package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleTest {

  private static RuleArg t(String... dims) {
    return new RuleArg.TensorArg(s(dims));
  }

  private static RuleArg i(long v) {
    return new RuleArg.IntArg(DimExpr.of(v));
  }

  private static RuleArg ints(String... v) {
    return new RuleArg.IntsArg(s(v).dims());
  }

  private static RuleArg bool(Boolean b) {
    return new RuleArg.BoolArg(b);
  }

  private static final RuleArg UNKNOWN_INT = new RuleArg.IntArg(DimExpr.UNKNOWN);

  @Test
  void routesToTheFamilies() {
    assertEquals("[B, 10]", ok(Rule.MATMUL.apply("Torch.matmul", List.of(t("B", "784"),
        t("784", "10")))));
    assertEquals("[3, 4]", ok(Rule.BROADCAST.apply("add", List.of(t("3", "1"), t("4")))));
    assertEquals("[B, 4]", ok(Rule.BROADCAST_INPLACE.apply("add_", List.of(t("B", "4"),
        t("4")))));
    fails(Rule.BROADCAST_INPLACE.apply("add_", List.of(t("4"), t("B", "4"))),
        MessageKeys.BROADCAST_INPLACE);
    assertEquals("[B, 10]", ok(Rule.LINEAR.apply("F.linear", List.of(t("B", "784"),
        t("10", "784"), new RuleArg.Ignored()))));
    assertEquals("[B, 784]", ok(Rule.RESHAPE.apply("view", List.of(t("B", "28", "28"),
        ints("-1", "784")))));
    assertEquals("[B, 1]", ok(Rule.REDUCE_DIM.apply("sum", List.of(t("B", "C"), i(1),
        bool(true)))));
    assertEquals("[B, 2*C]", ok(Rule.CAT.apply("cat", List.of(new RuleArg.TensorsArg(
        List.of(s("B", "C"), s("B", "C"))), i(-1)))));
    assertEquals("[B, 6, 24, 24]", ok(Rule.CONV2D.apply("conv2d", List.of(t("B", "1", "28", "28"),
        t("6", "1", "5", "5"), ints("1"), ints("0"), ints("1"), i(1),
        new RuleArg.Ignored()))));
    assertEquals("[L, N, 40]", ok(Rule.RECURRENT.apply("LSTM.forward", List.of(
        t("10", "20", "1", "1", "0"), t("L", "N", "10")))));
    assertEquals("[3, 4]", ok(Rule.SIZES.apply("zeros", List.of(ints("3", "4")))));
    assertEquals("[B, 3]", ok(Rule.SAME_SHAPE_REDUCTION.apply("F.mseLoss", List.of(t("B", "3"),
        t("B", "3"), new RuleArg.EnumArg("NONE")))));
    assertEquals("[]", ok(Rule.CLASS_INDEX_LOSS_REDUCTION.apply("F.crossEntropy", List.of(
        t("B", "10"), t("B"), new RuleArg.EnumArg("MEAN")))));
  }

  @Test
  void anEnumInputTakesOnlyAnEnumArgument() {
    ShapeMismatch m = fails(Rule.SAME_SHAPE_REDUCTION.apply("F.mseLoss", List.of(t("3"), t("3"),
        bool(true))), MessageKeys.RULE_ARGUMENTS);
    assertEquals("[shape.rule.arguments] F.mseLoss: rule SAME_SHAPE_REDUCTION input 2 must be an"
        + " enum constant, got BoolArg[value=true]", m.render());
    assertEquals(2, m.argument());
  }

  @Test
  void unknownIntsGiveUnknownSizesNotErrors() {
    assertEquals("[_, _]", ok(Rule.TRANSPOSE.apply("transpose", List.of(t("B", "C"),
        UNKNOWN_INT, i(0)))));
    assertEquals("[_]", ok(Rule.REDUCE_DIM.apply("sum", List.of(t("B", "C"), UNKNOWN_INT,
        bool(false)))));
    assertEquals("[...]", ok(Rule.REDUCE_DIM.apply("sum", List.of(t("B", "C"), i(0),
        bool(null)))));
    assertEquals("[...]", ok(Rule.RESHAPE.apply("view", List.of(t("B", "C"),
        new RuleArg.IntsArg(null)))));
  }

  @Test
  void poolWithUnknownCeilModeKeepsChannels() {
    assertEquals("[B, 6, _, _]", ok(Rule.POOL2D.apply("maxPool2d", List.of(
        t("B", "6", "28", "28"), ints("2"), ints(), ints("0"), ints("1"), bool(null)))));
  }

  @Test
  void pool3dAndAdaptive1d3d_batchedAndUnbatched() {
    assertEquals("[B, 4, 4, 4, 2]", ok(Rule.POOL3D.apply("maxPool3d", List.of(
        t("B", "4", "7", "8", "5"), ints("3", "2", "2"), ints("2"), ints("1", "0", "0"),
        ints("1"), bool(false)))));
    assertEquals("[4, 4, 4, 3]", ok(Rule.POOL3D.apply("avgPool3d", List.of(
        t("4", "7", "8", "5"), ints("2"), ints(), ints("0"), ints("1"), bool(true)))));
    fails(Rule.POOL3D.apply("maxPool3d", List.of(t("B", "4", "1", "8", "5"), ints("2"), ints(),
        ints("0"), ints("1"), bool(false))), MessageKeys.CONV_SIZE);
    fails(Rule.POOL3D.apply("maxPool3d", List.of(t("B", "4", "8", "8", "5"), ints("2"), ints(),
        ints("2"), ints("1"), bool(false))), MessageKeys.CONV_PARAMS);
    fails(Rule.POOL3D.apply("maxPool3d", List.of(t("8", "8", "5"), ints("2"), ints(),
        ints("0"), ints("1"), bool(false))), MessageKeys.CONV_RANK);
    assertEquals("[B, C, 3]", ok(Rule.ADAPTIVE_POOL1D.apply("adaptiveAvgPool1d", List.of(
        t("B", "C", "L"), ints("3")))));
    assertEquals("[C, 3]", ok(Rule.ADAPTIVE_POOL1D.apply("adaptiveAvgPool1d", List.of(
        t("C", "L"), ints("3")))));
    fails(Rule.ADAPTIVE_POOL1D.apply("adaptiveMaxPool1d", List.of(t("L"), ints("3"))),
        MessageKeys.CONV_RANK);
    assertEquals("[B, C, 2, 3, 1]", ok(Rule.ADAPTIVE_POOL3D.apply("adaptiveAvgPool3d",
        List.of(t("B", "C", "5", "7", "3"), ints("2", "3", "1")))));
    assertEquals("[C, 2, 2, 2]", ok(Rule.ADAPTIVE_POOL3D.apply("adaptiveMaxPool3d",
        List.of(t("C", "5", "7", "3"), ints("2")))));
    fails(Rule.ADAPTIVE_POOL3D.apply("adaptiveMaxPool3d", List.of(t("C", "5", "7", "3"),
        ints("2", "3"))), MessageKeys.CONV_PARAMS);
  }

  @Test
  void wrongArgumentsAreAMismatchNotACrash() {
    ShapeMismatch count = fails(Rule.MATMUL.apply("m", List.of(t("3"))),
        MessageKeys.RULE_ARGUMENTS);
    assertEquals("[shape.rule.arguments] m: rule MATMUL takes 2 inputs [TENSOR, TENSOR], got 1",
        count.render());
    ShapeMismatch kind = fails(Rule.TRANSPOSE.apply("t", List.of(t("3"), t("1"), i(0))),
        MessageKeys.RULE_ARGUMENTS);
    assertEquals(1, kind.argument());
    fails(Rule.SIZES.apply("zeros", null), MessageKeys.RULE_ARGUMENTS);
  }

  /**
   * A declaration bug is a mismatch whatever the rule: every rule reads each of its inputs and
   * refuses one of the wrong kind, naming its index, even when the others are unknown.
   */
  @ParameterizedTest
  @EnumSource(Rule.class)
  void everyRuleRefusesAnInputOfTheWrongKind(Rule rule) {
    for (int wrong = 0; wrong < rule.inputs().size(); wrong++) {
      List<RuleArg> args = unknownArgs(rule);
      args.set(wrong, rule.inputs().get(wrong) == Rule.InputKind.TENSOR
          ? new RuleArg.EnumArg("NONE") : t("3"));
      ShapeMismatch m = fails(rule.apply("op", args), MessageKeys.RULE_ARGUMENTS);
      assertEquals(wrong, m.argument(), m::render);
      assertTrue(m.render().startsWith("[shape.rule.arguments] op: rule " + rule + " input "
          + wrong + " must be "), m::render);
    }
  }

  private static List<RuleArg> unknownArgs(Rule rule) {
    List<RuleArg> args = new ArrayList<>();
    for (Rule.InputKind k : rule.inputs()) {
      switch (k) {
        case TENSOR:
          args.add(new RuleArg.TensorArg(TensorShape.unknownRank()));
          break;
        case TENSORS:
          args.add(new RuleArg.TensorsArg(null));
          break;
        case INT:
          args.add(UNKNOWN_INT);
          break;
        case INTS:
          args.add(new RuleArg.IntsArg(null));
          break;
        case ENUM:
          args.add(new RuleArg.EnumArg(null));
          break;
        case STRING:
          args.add(new RuleArg.StringArg(null));
          break;
        default:
          args.add(new RuleArg.BoolArg(null));
      }
    }
    return args;
  }

  /** Gradual typing: no rule reports a mismatch when nothing is known about its inputs. */
  @ParameterizedTest
  @EnumSource(Rule.class)
  void everyRuleHandlesUnknownInputs(Rule rule) {
    List<RuleArg> args = unknownArgs(rule);
    ShapeResult<TensorShape> r = rule.apply("op", args);
    assertNotNull(r);
    assertTrue(r.isOk(), r::toString);
  }
}
