package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EinsumRules}: the shapes PyTorch 1.13's {@code torch.einsum} gives (each case below was
 * run through it; the runtime's golden test compares values too), and its refusals.
 */
class EinsumRulesTest {

  private static final String OP = "Torch.einsum";

  private static String einsum(String eq, TensorShape... operands) {
    return ok(EinsumRules.einsum(OP, eq, Arrays.asList(operands)));
  }

  private static ShapeMismatch einsumFails(String eq, String key, TensorShape... operands) {
    return fails(EinsumRules.einsum(OP, eq, Arrays.asList(operands)), key);
  }

  private static TensorShape c(long... sizes) {
    return TensorShape.of(sizes);
  }

  @Test
  void explicitOutputsTakeEachLettersSizeInOrder() {
    assertEquals("[2, 4]", einsum("ij,jk->ik", c(2, 3), c(3, 4)));
    assertEquals("[4, 2]", einsum("ij,jk->ki", c(2, 3), c(3, 4)));
    assertEquals("[]", einsum("ij,jk->", c(2, 3), c(3, 4)));
    assertEquals("[3]", einsum("ii->i", c(3, 3)));
    assertEquals("[3, 2]", einsum("ij->j i", c(2, 3)));
    assertEquals("[2, 3, 4]", einsum("i,j,k->ijk", c(2), c(3), c(4)));
  }

  @Test
  void implicitOutputsAreTheLettersSeenOnceCapitalsFirst() {
    assertEquals("[2, 4]", einsum("ij,jk", c(2, 3), c(3, 4)));
    assertEquals("[3, 3]", einsum("ba,cb", c(2, 3), c(3, 2)));
    assertEquals("[2, 2]", einsum("Ab,ab", c(2, 3), c(2, 3)));
    assertEquals("[]", einsum("ii", c(3, 3)));
    assertEquals("[4, 5, 3, 2]", einsum("ji...", c(2, 3, 4, 5)));
    assertEquals("[3, 2, 4]", einsum("i...,j...", c(2, 3), c(4, 1)));
  }

  @Test
  void symbolicSizesFlowThrough() {
    assertEquals("[B, N, P]", einsum("bij,bjk->bik", s("B", "N", "M"), s("B", "M", "P")));
    assertEquals("[B, H, T, T]",
        einsum("bhqd,bhkd->bhqk", s("B", "H", "T", "D"), s("B", "H", "T", "D")));
    assertEquals("[N]", einsum("ij->i", s("N", "_")));
  }

  @Test
  void lettersBroadcastAcrossOperandsWhenOneSizeIsOne() {
    assertEquals("[2, 4]", einsum("ij,jk", c(2, 1), c(3, 4)));
    assertEquals("[2, 4]", einsum("ij,jk", c(2, 3), c(1, 4)));
    assertEquals("[5, 2, 4]", einsum("bij,bjk->bik", c(1, 2, 3), c(5, 3, 4)));
    assertEquals("[2, 3]", einsum("ij,ij->ij", c(2, 1), c(1, 3)));
    assertEquals("[]", einsum("i,i", c(0), c(1)));
  }

  @Test
  void ellipsisDimsBroadcastFromTheRight() {
    assertEquals("[5, 2, 4]", einsum("...ij,...jk", c(5, 2, 3), c(3, 4)));
    assertEquals("[5, 2, 4]", einsum("...ij,...jk", c(5, 2, 3), c(1, 3, 4)));
    assertEquals("[2, 4]", einsum("...ij,...jk->ik", c(5, 2, 3), c(5, 3, 4)));
    assertEquals("[2, 4]", einsum("...i,...i->...", c(2, 1, 3), c(4, 3)));
    assertEquals("[]", einsum("ij->...", c(2, 3)));
    assertEquals("[3, 4]", einsum("i...->...", c(2, 3, 4)));
    assertEquals("[2]", einsum("i->...i", c(2)));
    assertEquals("[0]", einsum("...", c(0)));
    assertEquals("[]", einsum("", c()));
    assertEquals("[]", einsum("->", c()));
  }

  @Test
  void aVariadicPrefixBindsTheLettersAfterALeadingEllipsis() {
    TensorShape a = TensorShape.of("b", List.of(DimExpr.variable("N"), DimExpr.variable("M")));
    TensorShape b = TensorShape.of("b", List.of(DimExpr.variable("M"), DimExpr.variable("P")));
    assertEquals("[*b, N, P]", einsum("...ij,...jk->...ik", a, b));
    assertEquals("[N, P]", einsum("...ij,...jk->ik", a, b));
    // Where the prefix cannot be placed (not first), the rank is unknown.
    assertTrue(EinsumRules.einsum(OP, "...ij,...jk->i...k", List.of(a, b)).value().hasVariadic());
    // A mistake among the located letters is still found.
    TensorShape wrong = TensorShape.of("b", List.of(DimExpr.of(7), DimExpr.variable("P")));
    einsumFails("...ij,...jk->...ik", MessageKeys.MISMATCH_EINSUM, a, wrong);
  }

  @Test
  void whatIsUnknownNeverErrs() {
    assertTrue(EinsumRules.einsum(OP, null, List.of(c(2, 3))).value().hasVariadic());
    assertEquals("[_, _]", ok(EinsumRules.einsum(OP, "ij,jk->ik", null)));
    assertTrue(EinsumRules.einsum(OP, "...ij->...", null).value().hasVariadic());
    assertEquals("[2, _]", einsum("ij,jk->ik", c(2, 3), TensorShape.unknownRank()));
    assertEquals("[_, 4]", einsum("ij,jk->ik", s("_", "_"), c(3, 4)));
  }

  @Test
  void aLetterWithTwoSizesIsNamedWithBothOperands() {
    ShapeMismatch m = einsumFails("ij,jk->ik", MessageKeys.MISMATCH_EINSUM, c(2, 3), c(4, 5));
    assertEquals("the letter j of \"ij,jk->ik\" has size 3 in operand 0 (dim 1) and size 4 in"
        + " operand 1 (dim 0) ([4, 5]); the sizes of one letter must be equal, or 1 to"
        + " broadcast", m.detail());
    einsumFails("i,i", MessageKeys.MISMATCH_EINSUM, c(0), c(3));
    einsumFails("bij,bjk->bik", MessageKeys.MISMATCH_EINSUM, s("B", "N", "M"), s("C", "M", "P"));
  }

  @Test
  void aRepeatedLetterNeedsEqualDims() {
    ShapeMismatch m = einsumFails("ii->i", MessageKeys.MISMATCH_EINSUM, c(3, 4));
    assertTrue(m.detail().contains("the letter i is repeated in operand 0"), m.detail());
    assertTrue(m.detail().contains("dim 0 = 3 and dim 1 = 4"), m.detail());
    // Within one operand a size of 1 does not broadcast (PyTorch refuses [3, 1] too).
    einsumFails("ii->i", MessageKeys.MISMATCH_EINSUM, c(3, 1));
  }

  @Test
  void ellipsisDimsThatDoNotBroadcastAreRefused() {
    ShapeMismatch m =
        einsumFails("...ij,...jk", MessageKeys.MISMATCH_EINSUM, c(5, 2, 3), c(6, 3, 4));
    assertTrue(m.detail().contains("the dims that '...' covers do not broadcast: [5]"),
        m.detail());
    einsumFails("i...,j...", MessageKeys.MISMATCH_EINSUM, c(2, 3), c(4, 5));
  }

  @Test
  void subscriptsMustFitTheOperandsRank() {
    ShapeMismatch m = einsumFails("ij", MessageKeys.RANK, c(2, 3, 4));
    assertEquals("the subscript \"ij\" of operand 0 in \"ij\" names 2 dims, but operand 0 is"
        + " [2, 3, 4] (rank 3); write one letter per dim, or '...' for the dims no letter names",
        m.detail());
    einsumFails("ijk...", MessageKeys.RANK, c(2, 3));
  }

  @Test
  void theOperandCountMustMatchTheEquation() {
    ShapeMismatch m = einsumFails("ij,jk", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    assertEquals("the equation \"ij,jk\" has 2 operand subscripts, got 1 tensor; pass one"
        + " tensor per comma-separated subscript", m.detail());
    einsumFails("ij", MessageKeys.EINSUM_SYNTAX, c(2, 3), c(3, 3));
  }

  @Test
  void equationsThatAreNoEquationAreNamedByPosition() {
    ShapeMismatch m = einsumFails("i1", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    assertTrue(m.detail().startsWith("the equation \"i1\" is not valid at index 1: '1' is no"
        + " subscript"), m.detail());
    einsumFails("..i", MessageKeys.EINSUM_SYNTAX, c(2));
    einsumFails(".", MessageKeys.EINSUM_SYNTAX, c(2));
    einsumFails("i...j...", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    einsumFails("ij->j.", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    einsumFails("ij->ji->i", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    einsumFails("ij-", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    einsumFails("ij->i,j", MessageKeys.EINSUM_SYNTAX, c(2, 3));
    ShapeMismatch twice = einsumFails("ij,jk->kk", MessageKeys.EINSUM_SYNTAX, c(2, 3), c(3, 4));
    assertTrue(twice.detail().contains("the output names k twice"), twice.detail());
    ShapeMismatch absent = einsumFails("ij,jk->z", MessageKeys.EINSUM_SYNTAX, c(2, 3), c(3, 4));
    assertTrue(absent.detail().contains("names z, which no operand has"), absent.detail());
  }

  @Test
  void theRuleIsReachableThroughItsConstant() {
    ShapeResult<TensorShape> r = Rule.EINSUM.apply(OP, List.of(
        new RuleArg.StringArg("ij,jk->ik"),
        new RuleArg.TensorsArg(List.of(c(2, 3), c(3, 4)))));
    assertEquals("[2, 4]", ok(r));
  }
}
