package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker's gradual promise, rule by rule: what a rule says about inputs the checker knows
 * only in part must hold for the inputs the program really has. For every {@link Rule}, random
 * concrete inputs (tensors of rank 0 to 4, constant ints, booleans, reductions) are applied once
 * as they are and once with their tensors made less known (unknown rank, an anonymous prefix,
 * some sizes {@code _}) and, now and then, an int or a list of ints unknown:
 *
 * <ul>
 *   <li>a mismatch on the less-known inputs must be a mismatch on the concrete ones too (an
 *       unknown shape never errs on its own: {@code x.expand(-1, 8)} of unknown rank is fine);
 *   <li>where both succeed, the less-known result must cover the concrete one: same rank unless
 *       it has a prefix, equal wherever it knows a size ({@code x.repeat(2, 1)} of unknown rank is
 *       never {@code [..., 2, 1]});
 *   <li>no rule throws.
 * </ul>
 *
 * <p>The random source is seeded, so a failure repeats; its message names the rule and both
 * inputs.
 */
class UnknownInputsSoundnessTest {
  private static final int TRIES = 2000;
  private static final String[] REDUCTIONS = {"NONE", "MEAN", "SUM", "BATCHMEAN"};
  private static final String[] INDEX_STRINGS = {
    "", ":", "0", "-1", "1:3", "::2", ":, 0", "..., None", "None, ...", "..., -1", "?", ":, ?:?",
    "0, 0, 0", "-2:", "1:, ::3"};
  private static final String[] MESHGRID_INDEXING = {"ij", "xy", "yx"};
  private static final String[] EINSUM_EQUATIONS = {
    "ij,jk", "ij,jk->ik", "ii", "ii->i", "...ij,...jk->...ik", "i...,j...", "ba", "...", "i,i",
    "ij->", "bij,bjk->bik", "ij,ij->ij", "a...b->...", "x", "ij,j", "->", "i->...i", "ab,bc,cd"};

  @TestFactory
  List<DynamicTest> everyRuleIsSoundOnLessKnownInputs() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      tests.add(DynamicTest.dynamicTest(rule.name(), () -> check(rule)));
    }
    return tests;
  }

  private static void check(Rule rule) {
    Random random = new Random(0x5EED ^ rule.ordinal());
    List<String> failures = new ArrayList<>();
    for (int t = 0; t < TRIES && failures.size() < 5; t++) {
      List<RuleArg> concrete = new ArrayList<>();
      for (Rule.InputKind kind : rule.inputs()) {
        concrete.add(concreteArg(kind, random, rule));
      }
      List<RuleArg> abstracted = new ArrayList<>();
      for (RuleArg a : concrete) {
        abstracted.add(abstractArg(a, random));
      }
      ShapeResult<TensorShape> c;
      ShapeResult<TensorShape> a;
      try {
        c = rule.apply("op", concrete);
        a = rule.apply("op", abstracted);
      } catch (RuntimeException e) {
        failures.add("throws " + e + " on " + concrete + " / " + abstracted);
        continue;
      }
      if (!a.isOk() && c.isOk()) {
        failures.add("errs on less-known inputs " + abstracted + " (" + a.mismatch().render()
            + ") but succeeds on " + concrete + " with " + c.value());
      } else if (a.isOk() && c.isOk() && !covers(a.value(), c.value())) {
        failures.add("gives " + a.value() + " for " + abstracted + ", which does not cover "
            + c.value() + " for " + concrete);
      }
    }
    assertTrue(failures.isEmpty(), () -> rule + ":\n  " + String.join("\n  ", failures));
  }

  /** True if {@code known} (concrete where it knows a size) agrees with the less-known shape. */
  static boolean covers(TensorShape lessKnown, TensorShape known) {
    if (lessKnown == null || known == null || known.hasVariadic()) {
      return true;
    }
    int k = lessKnown.rank();
    int m = known.rank();
    if (lessKnown.hasVariadic() ? m < k : m != k) {
      return false;
    }
    for (int j = 1; j <= k; j++) {
      DimExpr want = lessKnown.dim(k - j);
      DimExpr have = known.dim(m - j);
      if (!want.isUnknown() && !have.isUnknown() && want.isConstant() && have.isConstant()
          && want.constantValue() != have.constantValue()) {
        return false;
      }
    }
    return true;
  }

  private static RuleArg concreteArg(Rule.InputKind kind, Random random, Rule rule) {
    switch (kind) {
      case TENSOR:
        return random.nextInt(12) == 0 ? new RuleArg.Ignored()
            : new RuleArg.TensorArg(shape(random));
      case TENSORS: {
        TensorShape base = shape(random);
        int n = 1 + random.nextInt(3);
        List<TensorShape> shapes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          shapes.add(random.nextInt(3) == 0 ? vary(base, random) : base);
        }
        return new RuleArg.TensorsArg(shapes);
      }
      case INT:
        return new RuleArg.IntArg(DimExpr.of(random.nextInt(9) - 2));
      case INTS: {
        int n = random.nextInt(5);
        List<DimExpr> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          values.add(DimExpr.of(random.nextInt(8) - 1));
        }
        return new RuleArg.IntsArg(values);
      }
      case BOOL:
        return new RuleArg.BoolArg(random.nextBoolean());
      case ENUM:
        return new RuleArg.EnumArg(REDUCTIONS[random.nextInt(REDUCTIONS.length)]);
      case STRING:
        String[] pool = rule == Rule.EINSUM ? EINSUM_EQUATIONS
            : rule == Rule.MESHGRID ? MESHGRID_INDEXING : INDEX_STRINGS;
        return new RuleArg.StringArg(pool[random.nextInt(pool.length)]);
      default:
        throw new AssertionError(kind);
    }
  }

  /** A concrete shape of rank 0 to 4, sizes 1 to 6 (mostly small, so that rules succeed). */
  private static TensorShape shape(Random random) {
    long[] sizes = new long[random.nextInt(5)];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(6);
    }
    return TensorShape.of(sizes);
  }

  /** {@code base} with one size changed. */
  private static TensorShape vary(TensorShape base, Random random) {
    if (base.rank() == 0) {
      return base;
    }
    long[] sizes = base.toArray();
    sizes[random.nextInt(sizes.length)] = 1 + random.nextInt(6);
    return TensorShape.of(sizes);
  }

  private static RuleArg abstractArg(RuleArg arg, Random random) {
    if (arg instanceof RuleArg.TensorArg t) {
      return new RuleArg.TensorArg(lessKnown(t.shape(), random));
    }
    if (arg instanceof RuleArg.TensorsArg ts) {
      if (random.nextInt(6) == 0) {
        return new RuleArg.TensorsArg(null);
      }
      List<TensorShape> shapes = new ArrayList<>();
      for (TensorShape s : ts.shapes()) {
        shapes.add(lessKnown(s, random));
      }
      return new RuleArg.TensorsArg(shapes);
    }
    if (arg instanceof RuleArg.IntArg && random.nextInt(8) == 0) {
      return new RuleArg.IntArg(DimExpr.UNKNOWN);
    }
    if (arg instanceof RuleArg.IntsArg is && random.nextInt(8) == 0) {
      if (random.nextBoolean()) {
        return new RuleArg.IntsArg(null);
      }
      List<DimExpr> values = new ArrayList<>(is.values());
      if (!values.isEmpty()) {
        values.set(random.nextInt(values.size()), DimExpr.UNKNOWN);
      }
      return new RuleArg.IntsArg(values);
    }
    if (arg instanceof RuleArg.BoolArg && random.nextInt(8) == 0) {
      return new RuleArg.BoolArg(null);
    }
    if (arg instanceof RuleArg.EnumArg && random.nextInt(8) == 0) {
      return new RuleArg.EnumArg(null);
    }
    if (arg instanceof RuleArg.StringArg && random.nextInt(8) == 0) {
      return new RuleArg.StringArg(null);
    }
    return arg;
  }

  /**
   * The same shape as the checker may know it: of unknown rank, or an anonymous prefix over a
   * suffix of its dims, or its rank with some sizes {@code _}, or as it is.
   */
  private static TensorShape lessKnown(TensorShape s, Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return TensorShape.unknownRank();
      case 1: {
        int keep = random.nextInt(s.rank() + 1);
        return TensorShape.of(TensorShape.ANONYMOUS_VARIADIC,
            blur(s.dims().subList(s.rank() - keep, s.rank()), random));
      }
      case 2:
        return TensorShape.of(null, blur(s.dims(), random));
      default:
        return s;
    }
  }

  private static List<DimExpr> blur(List<DimExpr> dims, Random random) {
    List<DimExpr> out = new ArrayList<>(dims.size());
    for (DimExpr d : dims) {
      out.add(random.nextInt(3) == 0 ? DimExpr.UNKNOWN : d);
    }
    return out;
  }
}
