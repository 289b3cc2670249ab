package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeParserTest {

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource(delimiter = ';', value = {
      "784; 784",
      "B; B",
      "2*B; B+B",
      "C*H*W; W*H*C",
      "(H*W)/W; H",
      "H+2*1-1*(3-1)-1; H-1",
      "(2*B+3)/2; B+1",
      "(2*B+3)%2; 1",
      "2*3+4; 10",
      "2+3*4; 14",
      "(2+3)*4; 20",
      "7/2; 3",
      "-7/2; -4",
      "-(7/2); -3",
      "7%3; 1",
      "- - B; B",
      "  B  +  1 ; 1+B",
      "N-1+1; N",
      "x_1*$y; $y*x_1",
  })
  void parseDim_normalisesEqualExpressions(String a, String b) {
    assertEquals(d(b), d(a));
  }

  @Test
  void parseDim_underscoreIsUnknown() {
    assertTrue(d("_").isUnknown());
    assertTrue(d(" _ ").isUnknown());
  }

  @Test
  void parseShape_readsVariadicsAndDims() {
    TensorShape named = s("*batch", "C", "H*W");
    assertEquals("batch", named.variadic());
    assertEquals(List.of(d("C"), d("H*W")), named.dims());
    assertEquals("[*batch, C, H*W]", named.toString());
    assertEquals(TensorShape.ANONYMOUS_VARIADIC, s("...", "n").variadic());
    assertEquals("[..., n]", s("...", "n").toString());
    assertTrue(s("3", "4").isConcrete());
    assertEquals(TensorShape.of(3, 4), s("3", "4"));
    assertEquals(TensorShape.of(), s());
  }

  @Test
  void syntaxError_reportsPositionAndWhatWasExpected() {
    ShapeSyntaxException e = assertThrows(ShapeSyntaxException.class, () -> d("H+*2"));
    assertEquals(2, e.position());
    assertEquals("H+*2", e.text());
    assertEquals("expected a size, a name, '(' or '_' at position 2 in \"H+*2\"",
        e.error().message());
    assertTrue(e.getMessage().startsWith("[shape.annotation.syntax] "));
  }

  @ParameterizedTest(name = "\"{0}\" fails at {1}")
  @CsvSource(delimiter = ';', value = {
      "'';0",
      "H+;2",
      "(H;2",
      "H);1",
      "2 3;2",
      "H/0;1",
      "H%(1-1);1",
      "B#;1",
      "99999999999999999999;0",
      "...;0",
      "*batch;0",
  })
  void parseDim_rejects(String text, int position) {
    ShapeSyntaxException e = assertThrows(ShapeSyntaxException.class, () -> d(text));
    assertEquals(position, e.position(), e.getMessage());
  }

  @Test
  void parseShape_variadicOnlyFirst() {
    ShapeSyntaxException e =
        assertThrows(ShapeSyntaxException.class, () -> s("B", "*rest"));
    assertEquals(1, e.element());
    assertEquals(0, e.position());
    assertTrue(e.getMessage().contains("may only be the first dimension"), e.getMessage());
    ShapeSyntaxException two =
        assertThrows(ShapeSyntaxException.class, () -> s("...", "..."));
    assertEquals(1, two.element());
  }

  @Test
  void parseShape_namedVariadicNeedsAName() {
    ShapeSyntaxException e = assertThrows(ShapeSyntaxException.class, () -> s("*3"));
    assertEquals(1, e.position());
    assertThrows(ShapeSyntaxException.class, () -> s("* "));
    assertThrows(ShapeSyntaxException.class, () -> s("*_"));
  }

  @Test
  void parseShape_errorNamesTheElement() {
    ShapeSyntaxException e = assertThrows(ShapeSyntaxException.class, () -> s("B", "C*"));
    assertEquals(1, e.element());
    assertEquals(2, e.position());
    assertEquals("dimension 1: expected a size, a name, '(' or '_' at position 2 in \"C*\"",
        e.error().message());
  }

  @Test
  void tryParse_returnsTheErrorAsAValue() {
    ShapeResult<TensorShape> r = ShapeParser.tryParseShape("B", "(C");
    assertFalse(r.isOk());
    assertEquals(MessageKeys.ANNOTATION_SYNTAX, r.mismatch().key());
    assertEquals(1, r.mismatch().dim());
    assertEquals(2, ShapeParser.check("B", "(C").orElseThrow().position());
    assertTrue(ShapeParser.check("B", "C").isEmpty());
    assertEquals(d("B+1"), ShapeParser.tryParseDim("1+B").value());
    assertFalse(ShapeParser.tryParseDim("+").isOk());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "(H-K)/S+1", "2*((H-K)/S)", "-(X/S)", "B*(H/2)", "X/(H/2)", "(H/2)/3", "H%2/3",
      "-B+3", "C*H*W", "2*B*B-1", "(N+1)%(M+2)", "X/(-3)", "(-X)/S",
  })
  void toString_reparsesToAnEqualExpression(String text) {
    DimExpr e = d(text);
    assertEquals(e, d(e.toString()), () -> text + " rendered as " + e);
  }
}
