package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/** Laws of the normal form, checked on random expressions against a direct evaluator. */
class DimExprPropertiesTest {

  /** A random expression: its text in the shape language and its meaning. */
  record Expr(String text, ToLongFunction<Map<String, Long>> eval) {
    DimExpr parsed() {
      return ShapeParser.parseDim(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final String[] VARS = {"A", "B", "C"};

  @Provide
  Arbitrary<Expr> exprs() {
    return expr(3);
  }

  @Provide
  Arbitrary<Map<String, Long>> values() {
    Arbitrary<Long> v = Arbitraries.longs().between(1, 9);
    return Combinators.combine(v, v, v).as((a, b, c) -> Map.of("A", a, "B", b, "C", c));
  }

  static Arbitrary<Expr> expr(int depth) {
    Arbitrary<Expr> leaf = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 12).map(c -> new Expr(Long.toString(c), m -> c)),
        Arbitraries.of(VARS).map(n -> new Expr(n, m -> m.get(n))));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = expr(depth - 1);
    Arbitrary<Expr> positive = positive(depth - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) ->
            new Expr("(" + a.text + ")+(" + b.text + ")",
                m -> a.eval.applyAsLong(m) + b.eval.applyAsLong(m)))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) ->
            new Expr("(" + a.text + ")-(" + b.text + ")",
                m -> a.eval.applyAsLong(m) - b.eval.applyAsLong(m)))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) ->
            new Expr("(" + a.text + ")*(" + b.text + ")",
                m -> a.eval.applyAsLong(m) * b.eval.applyAsLong(m)))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, positive).as((a, b) ->
            new Expr("(" + a.text + ")/(" + b.text + ")",
                m -> Math.floorDiv(a.eval.applyAsLong(m), b.eval.applyAsLong(m))))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, positive).as((a, b) ->
            new Expr("(" + a.text + ")%(" + b.text + ")",
                m -> Math.floorMod(a.eval.applyAsLong(m), b.eval.applyAsLong(m))))),
        net.jqwik.api.Tuple.of(1, sub.map(a ->
            new Expr("-(" + a.text + ")", m -> -a.eval.applyAsLong(m)))));
  }

  /** Expressions that are at least 1 for variable values at least 1 (safe divisors). */
  private static Arbitrary<Expr> positive(int depth) {
    Arbitrary<Expr> leaf = Arbitraries.oneOf(
        Arbitraries.longs().between(1, 5).map(c -> new Expr(Long.toString(c), m -> c)),
        Arbitraries.of(VARS).map(n -> new Expr(n, m -> m.get(n))));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = positive(depth - 1);
    return Arbitraries.oneOf(leaf,
        Combinators.combine(sub, sub).as((a, b) -> new Expr("(" + a.text + ")+(" + b.text + ")",
            m -> a.eval.applyAsLong(m) + b.eval.applyAsLong(m))),
        Combinators.combine(sub, sub).as((a, b) -> new Expr("(" + a.text + ")*(" + b.text + ")",
            m -> a.eval.applyAsLong(m) * b.eval.applyAsLong(m))));
  }

  private static DimExpr at(DimExpr e, Map<String, Long> values) {
    Map<String, DimExpr> m = new java.util.HashMap<>();
    values.forEach((k, v) -> m.put(k, DimExpr.of(v)));
    return e.substitute(m);
  }

  @Property(tries = 300)
  void normalFormKeepsTheMeaning(@ForAll("exprs") Expr e, @ForAll("values") Map<String, Long> v) {
    assertEquals(DimExpr.of(e.eval.applyAsLong(v)), at(e.parsed(), v));
  }

  @Property(tries = 300)
  void toStringReparsesToAnEqualExpression(@ForAll("exprs") Expr e) {
    DimExpr d = e.parsed();
    assertEquals(d, ShapeParser.parseDim(d.toString()), () -> "rendered " + d);
  }

  @Property(tries = 200)
  void additionAndMultiplicationCommute(@ForAll("exprs") Expr a, @ForAll("exprs") Expr b) {
    assertEquals(a.parsed().plus(b.parsed()), b.parsed().plus(a.parsed()));
    assertEquals(a.parsed().times(b.parsed()), b.parsed().times(a.parsed()));
  }

  @Property(tries = 200)
  void associativityAndDistributivity(
      @ForAll("exprs") Expr a, @ForAll("exprs") Expr b, @ForAll("exprs") Expr c) {
    DimExpr x = a.parsed();
    DimExpr y = b.parsed();
    DimExpr z = c.parsed();
    assertEquals(x.plus(y).plus(z), x.plus(y.plus(z)));
    assertEquals(x.times(y).times(z), x.times(y.times(z)));
    assertEquals(x.times(y.plus(z)), x.times(y).plus(x.times(z)));
  }

  @Property(tries = 200)
  void doublingIsAddingToItself(@ForAll("exprs") Expr a) {
    DimExpr x = a.parsed();
    assertEquals(DimExpr.of(2).times(x), x.plus(x));
    assertEquals(x, x.plus(x).minus(x));
    assertEquals(DimExpr.of(0), x.minus(x));
  }

  @Property(tries = 200)
  void substitutionCommutesWithArithmetic(@ForAll("exprs") Expr a, @ForAll("exprs") Expr b,
      @ForAll("values") Map<String, Long> v) {
    DimExpr x = a.parsed();
    DimExpr y = b.parsed();
    assertEquals(at(x.plus(y), v), at(x, v).plus(at(y, v)));
    assertEquals(at(x.times(y), v), at(x, v).times(at(y, v)));
    assertEquals(at(x.minus(y), v), at(x, v).minus(at(y, v)));
  }

  @Property(tries = 200)
  void exactDivisionByAConstantSimplifies(@ForAll("exprs") Expr a,
      @ForAll("values") Map<String, Long> v) {
    DimExpr x = a.parsed();
    DimExpr q = x.times(DimExpr.of(6)).plus(DimExpr.of(4)).floorDiv(DimExpr.of(3));
    assertEquals(x.times(DimExpr.of(2)).plus(DimExpr.of(1)), q);
    assertEquals(DimExpr.of(1), x.times(DimExpr.of(6)).plus(DimExpr.of(4)).mod(DimExpr.of(3)));
  }
}
