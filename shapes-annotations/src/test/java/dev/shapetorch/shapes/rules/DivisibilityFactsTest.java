package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.DimExprPropertiesTest.Expr;
import dev.shapetorch.shapes.rules.DivisibilityFacts.Truth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The normal form of sizes under divisibility facts. */
class DivisibilityFactsTest {

  private static final DivisibilityFacts H_DIVIDES_D = DivisibilityFacts.parse("D", "H");

  private static DimExpr d(String text) {
    return ShapeParser.parseDim(text);
  }

  private static String norm(DivisibilityFacts f, String text) {
    return f.normalize(d(text)).toString();
  }

  @Test
  void aProductWithTheQuotientIsTheDividend() {
    assertEquals("D", norm(H_DIVIDES_D, "H*(D/H)"));
    assertEquals("D", norm(H_DIVIDES_D, "(D/H)*H"));
    assertEquals("2*D", norm(H_DIVIDES_D, "2*H*(D/H)"));
    assertEquals("B*D+1", norm(H_DIVIDES_D, "B*H*(D/H)+1"));
    assertEquals("D%H", d("D%H").toString()); // without the fact it stays
    assertEquals("(D/H)*H", norm(DivisibilityFacts.NONE, "H*(D/H)"));
  }

  @Test
  void theRemainderIsZero() {
    assertEquals("0", norm(H_DIVIDES_D, "D%H"));
    assertEquals("0", norm(H_DIVIDES_D, "(3*D+H)%H"));
    assertEquals("0", norm(DivisibilityFacts.parse("C", "4"), "C%2"));
    assertEquals("2", norm(DivisibilityFacts.parse("C", "4"), "(C+2)%4"));
  }

  @Test
  void otherQuotientsStay() {
    assertEquals("D/H/K", norm(H_DIVIDES_D, "(D/H)/K"));
    assertEquals("D/H", norm(H_DIVIDES_D, "D/H"));
    assertEquals("D/K", norm(H_DIVIDES_D, "D/K"));
    // A second fact applies to the quotient.
    DivisibilityFacts both = DivisibilityFacts.parse("D", "H", "E", "K");
    assertEquals("E", norm(both, "K*(E/K)"));
    assertEquals("D", norm(both, "H*(D/H)"));
  }

  @Test
  void factsChain() {
    DivisibilityFacts chain = DivisibilityFacts.parse("D", "H", "H", "G");
    assertEquals("D", norm(chain, "G*(H/G)*(D/H)"));
    assertEquals("0", norm(chain, "D%G"));
    assertEquals(Truth.HOLDS, chain.divides(d("G"), d("D")));
    // A cycle does not loop: the facts are still known.
    DivisibilityFacts cycle = DivisibilityFacts.parse("D", "H", "H", "D");
    assertEquals(Truth.HOLDS, cycle.divides(d("D"), d("H")));
    assertEquals(Truth.HOLDS, cycle.divides(d("H"), d("D")));
    assertEquals("0", norm(cycle, "H%D"));
  }

  @Test
  void equalUnderTheFactsMeansEqualNormalForms() {
    TensorShape split = ShapeParser.parseShape("B", "T", "H*(D/H)");
    assertEquals(ShapeParser.parseShape("B", "T", "D"), H_DIVIDES_D.normalize(split));
    // Working form: numel of [B, T, D] and of [B, T, H, D/H] are the same polynomial.
    assertEquals(H_DIVIDES_D.expand(d("B*T*D")), H_DIVIDES_D.expand(d("B*T*H*(D/H)")));
    assertNotEquals(d("B*T*D"), d("B*T*H*(D/H)"));
    assertSame(split, DivisibilityFacts.NONE.normalize(split));
  }

  @Test
  void concreteFactsCheckThemselves() {
    assertEquals(List.of(), DivisibilityFacts.parse("12", "6").contradictions());
    List<DivisibilityFacts.Fact> bad = DivisibilityFacts.parse("12", "5", "D", "H")
        .contradictions();
    assertEquals(1, bad.size());
    assertEquals("12 divisible by 5", bad.get(0).toString());
    assertEquals(1, DivisibilityFacts.parse("3", "0").contradictions().size());
  }

  @Test
  void dividesAnswersUnderTheFacts() {
    assertEquals(Truth.HOLDS, H_DIVIDES_D.divides(d("H"), d("D")));
    assertEquals(Truth.HOLDS, H_DIVIDES_D.divides(d("H"), d("2*D+H*B")));
    assertEquals(Truth.UNKNOWN, H_DIVIDES_D.divides(d("H"), d("D+1")));
    assertEquals(Truth.UNKNOWN, H_DIVIDES_D.divides(d("K"), d("D")));
    assertEquals(Truth.UNKNOWN, H_DIVIDES_D.divides(DimExpr.UNKNOWN, d("D")));
    assertEquals(Truth.HOLDS, H_DIVIDES_D.divides(d("6"), d("12")));
    assertEquals(Truth.FAILS, H_DIVIDES_D.divides(d("5"), d("12")));
    assertEquals(Truth.FAILS, DivisibilityFacts.parse("C", "4").divides(d("4"), d("C+2")));
    assertEquals(Truth.HOLDS, DivisibilityFacts.parse("C", "4").divides(d("2"), d("C")));
    // A fact whose dividend is not one variable is known, but does not rewrite.
    DivisibilityFacts product = DivisibilityFacts.parse("C*K", "G");
    assertEquals(Truth.HOLDS, product.divides(d("G"), d("K*C")));
    assertEquals("((C*K)/G)*G", norm(product, "G*((C*K)/G)"));
  }

  // Properties: for values satisfying B | A and 3 | C, the normal form means the same number.

  @Provide
  Arbitrary<Expr> exprs() {
    Arbitrary<Expr> facts = Arbitraries.of(
        new Expr("B*(A/B)", m -> m.get("A")),
        new Expr("A/B", m -> m.get("A") / m.get("B")),
        new Expr("A%B", m -> 0L),
        new Expr("3*(C/3)", m -> m.get("C")),
        new Expr("C/3", m -> m.get("C") / 3),
        new Expr("(A/B)/C", m -> Math.floorDiv(m.get("A") / m.get("B"), m.get("C") + 0L == 0
            ? 1 : m.get("C"))));
    Arbitrary<Expr> any = DimExprPropertiesTest.expr(2);
    Arbitrary<Expr> piece = Arbitraries.frequencyOf(Tuple.of(2, facts), Tuple.of(3, any));
    return Combinators.combine(piece, piece, piece).as((a, b, c) -> new Expr(
        "(" + a.text() + ")*(" + b.text() + ")+(" + c.text() + ")",
        m -> a.eval().applyAsLong(m) * b.eval().applyAsLong(m) + c.eval().applyAsLong(m)));
  }

  @Provide
  Arbitrary<Map<String, Long>> values() {
    Arbitrary<Long> small = Arbitraries.longs().between(1, 6);
    return Combinators.combine(small, small, small).as((b, qa, qc) ->
        Map.of("A", b * qa, "B", b, "C", 3 * qc));
  }

  private static final DivisibilityFacts FACTS = DivisibilityFacts.parse("A", "B", "C", "3");

  private static DimExpr at(DimExpr e, Map<String, Long> values) {
    Map<String, DimExpr> m = new HashMap<>();
    values.forEach((k, v) -> m.put(k, DimExpr.of(v)));
    return e.substitute(m);
  }

  @Property(tries = 400)
  void normalFormKeepsTheValue(@ForAll("exprs") Expr e, @ForAll("values") Map<String, Long> v) {
    DimExpr parsed = e.parsed();
    DimExpr expected = DimExpr.of(e.eval().applyAsLong(v));
    assertEquals(expected, at(parsed, v));
    assertEquals(expected, at(FACTS.normalize(parsed), v), () -> "normal form "
        + FACTS.normalize(parsed));
    assertEquals(expected, at(FACTS.expand(parsed), v));
  }

  @Property(tries = 300)
  void normalisingTwiceChangesNothing(@ForAll("exprs") Expr e) {
    DimExpr n = FACTS.normalize(e.parsed());
    assertEquals(n, FACTS.normalize(n));
    assertEquals(FACTS.expand(e.parsed()), FACTS.expand(FACTS.expand(e.parsed())));
  }

  @Property(tries = 200)
  void theNormalFormReparses(@ForAll("exprs") Expr e) {
    DimExpr n = FACTS.normalize(e.parsed());
    assertEquals(n, FACTS.normalize(ShapeParser.parseDim(n.toString())), () -> "rendered " + n);
  }

  @Test
  void propertiesSeeTheFacts() {
    assertTrue(FACTS.normalize(d("B*(A/B)+C%3")).equals(d("A")));
  }
}
