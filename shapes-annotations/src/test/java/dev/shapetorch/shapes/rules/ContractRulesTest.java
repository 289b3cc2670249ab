package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layers' constructor contracts: constants are judged, an unknown never errs alone. */
class ContractRulesTest {
  private static final RuleArg UNKNOWN = new RuleArg.IntArg(DimExpr.UNKNOWN);
  private static final RuleArg UNKNOWN_LIST = new RuleArg.IntsArg(null);

  private static RuleArg i(long v) {
    return new RuleArg.IntArg(DimExpr.of(v));
  }

  private static RuleArg ints(long... v) {
    List<DimExpr> dims = new ArrayList<>();
    for (long x : v) {
      dims.add(DimExpr.of(x));
    }
    return new RuleArg.IntsArg(dims);
  }

  private static ShapeResult<TensorShape> conv(RuleArg... args) {
    return Rule.CONV_CONTRACT.apply("Conv2d", List.of(args));
  }

  @Test
  void conv_judgesEachConstant() {
    assertEquals("[]", ok(conv(i(4), i(6), ints(3, 3), ints(1, 1), ints(0, 0), ints(1, 1),
        i(2))));
    assertEquals("[shape.conv.params] Conv2d: kernel must be positive, got 0",
        fails(conv(i(3), i(4), ints(3, 0), ints(1), ints(0), ints(1), i(1)),
            MessageKeys.CONV_PARAMS).render());
    assertEquals("[shape.conv.params] Conv2d: padding must not be negative, got -1",
        fails(conv(i(3), i(4), ints(3), ints(1), ints(0, -1), ints(1), i(1)),
            MessageKeys.CONV_PARAMS).render());
    assertEquals("[shape.conv.params] Conv2d: groups (2) must be positive and divide both in"
        + " (5) and out (6) channels; choose groups among their common divisors",
        fails(conv(i(5), i(6), ints(2), ints(1), ints(0), ints(1), i(2)),
            MessageKeys.CONV_PARAMS).render());
  }

  @Test
  void conv_unknownArguments_neverErr() {
    ok(conv(UNKNOWN, i(6), ints(3), ints(1), ints(0), ints(1), i(2)));
    ok(conv(i(5), i(6), ints(3), ints(1), ints(0), ints(1), UNKNOWN));
    ok(conv(i(3), i(4), UNKNOWN_LIST, UNKNOWN_LIST, UNKNOWN_LIST, UNKNOWN_LIST, i(1)));
    ok(conv(i(3), i(4), new RuleArg.IntsArg(List.of(DimExpr.variable("k"))), ints(1), ints(0),
        ints(1), i(1)));
  }

  @Test
  void groupNormAndAttention_divisibility() {
    assertEquals("[shape.module.params] GroupNorm: numChannels (4) must be divisible by"
        + " numGroups (5); choose a numGroups that divides it (1 normalises all channels"
        + " together)", fails(Rule.GROUP_NORM_CONTRACT.apply("GroupNorm", List.of(i(5), i(4))),
            MessageKeys.MODULE_PARAMS).render());
    assertEquals("[shape.module.params] MultiheadAttention: embedDim (3) must be divisible by"
        + " numHeads (4), each head taking embedDim/numHeads features; choose a numHeads that"
        + " divides it", fails(Rule.ATTENTION_CONTRACT.apply("MultiheadAttention",
            List.of(i(3), i(4))), MessageKeys.MODULE_PARAMS).render());
    ok(Rule.GROUP_NORM_CONTRACT.apply("GroupNorm", List.of(i(2), i(6))));
    ok(Rule.ATTENTION_CONTRACT.apply("MultiheadAttention", List.of(UNKNOWN, i(4))));
    ok(Rule.GROUP_NORM_CONTRACT.apply("GroupNorm", List.of(i(5), UNKNOWN)));
  }
}
