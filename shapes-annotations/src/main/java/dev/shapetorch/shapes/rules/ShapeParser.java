package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the shape language of {@code @Shape} into {@link DimExpr} and {@link TensorShape}.
 *
 * <p>Grammar of one dimension string (whitespace is allowed between tokens):
 *
 * <pre>
 * dim     := '_' | expr                     one unknown size, or an expression
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/' | '%') unary)*   '/' is floor division, '%' floor remainder
 * unary   := '-' unary | primary
 * primary := size | name | '(' expr ')' | '_'
 * size    := [0-9]+
 * name    := Java identifier other than '_'  (a shape variable or a dependent int)
 * </pre>
 *
 * <p>A whole {@code @Shape} value may start with one variadic element, {@code "..."}
 * (anonymous) or {@code "*name"} (named), standing for zero or more leading dimensions. The
 * parser does not distinguish shape variables from dependent names: the checker decides which
 * names are int parameters. Unary minus binds tighter than {@code * / %}, as in Python, so
 * {@code -X/2} is {@code (-X)/2}; {@link DimExpr#toString()} output re-parses to an equal
 * expression.
 *
 * <p>{@link #parseDim}/{@link #parseShape} throw {@link ShapeSyntaxException}; {@link
 * #tryParseDim}/{@link #tryParseShape}/{@link #check} report the {@link ShapeSyntaxError}
 * without throwing.
 */
public final class ShapeParser {
  private static final String PRIMARY = "a size, a name, '(' or '_'";

  private final String text;
  private int pos;

  private ShapeParser(String text) {
    this.text = text;
  }

  /**
   * Parses one dimension string ({@code "784"}, {@code "C*H*W"}, {@code "(H-K)/S+1"}, {@code
   * "_"}).
   *
   * @throws ShapeSyntaxException if it does not parse (variadics are rejected here)
   */
  public static DimExpr parseDim(String dim) {
    ShapeParser p = new ShapeParser(dim);
    p.skipSpaces();
    if (p.pos == dim.length()) {
      throw p.fail(PRIMARY);
    }
    if (p.peek() == '.' || (p.peek() == '*' && p.pos + 1 < dim.length())) {
      throw p.fail(PRIMARY + " (a variadic '...' or '*name' may only be the first dimension)");
    }
    DimExpr e = p.expr();
    p.skipSpaces();
    if (p.pos < dim.length()) {
      throw p.fail("an operator (+ - * / %) or the end");
    }
    return e;
  }

  /**
   * Parses a whole {@code @Shape} value.
   *
   * @throws ShapeSyntaxException naming the offending element and character position
   */
  public static TensorShape parseShape(String... dims) {
    String variadic = null;
    List<DimExpr> out = new ArrayList<>(dims.length);
    for (int i = 0; i < dims.length; i++) {
      String d = dims[i];
      if (d == null) {
        throw new ShapeSyntaxException(new ShapeSyntaxError("null", i, 0, PRIMARY));
      }
      String v = variadicName(d, i);
      if (v != null) {
        if (i != 0) {
          int at = d.indexOf(v.equals(TensorShape.ANONYMOUS_VARIADIC) ? '.' : '*');
          throw new ShapeSyntaxException(new ShapeSyntaxError(
              d, i, Math.max(at, 0),
              PRIMARY + " (a variadic '...' or '*name' may only be the first dimension)"));
        }
        variadic = v;
        continue;
      }
      try {
        out.add(parseDim(d));
      } catch (ShapeSyntaxException e) {
        throw new ShapeSyntaxException(e.error().withElement(i));
      }
    }
    return TensorShape.of(variadic, out);
  }

  /** {@link #parseDim}, with the error as a value instead of an exception. */
  public static ShapeResult<DimExpr> tryParseDim(String dim) {
    try {
      return ShapeResult.ok(parseDim(dim));
    } catch (ShapeSyntaxException e) {
      return ShapeResult.mismatch(e.error().toMismatch("@Shape"));
    }
  }

  /**
   * {@link #parseShape}, with the error as a value: the mismatch's key is {@link
   * MessageKeys#ANNOTATION_SYNTAX} and its {@code dim} the offending element. Use {@link
   * #check} for the character position.
   */
  public static ShapeResult<TensorShape> tryParseShape(String... dims) {
    try {
      return ShapeResult.ok(parseShape(dims));
    } catch (ShapeSyntaxException e) {
      return ShapeResult.mismatch(e.error().toMismatch("@Shape"));
    }
  }

  /** The first syntax error in a {@code @Shape} value, or empty if it parses. */
  public static Optional<ShapeSyntaxError> check(String... dims) {
    try {
      parseShape(dims);
      return Optional.empty();
    } catch (ShapeSyntaxException e) {
      return Optional.of(e.error());
    }
  }

  /** "..." or the name of "*name" if {@code d} is a variadic element, else null. */
  private static String variadicName(String d, int element) {
    String s = d.strip();
    if (s.equals("...")) {
      return TensorShape.ANONYMOUS_VARIADIC;
    }
    if (s.startsWith("*")) {
      String name = s.substring(1).strip();
      int offset = d.indexOf('*') + 1;
      if (!isIdentifier(name)) {
        int bad = offset;
        while (bad < d.length() && Character.isWhitespace(d.charAt(bad))) {
          bad++;
        }
        int k = bad;
        if (k < d.length() && Character.isJavaIdentifierStart(d.charAt(k))) {
          k++;
          while (k < d.length() && Character.isJavaIdentifierPart(d.charAt(k))) {
            k++;
          }
        }
        throw new ShapeSyntaxException(new ShapeSyntaxError(
            d, element, k == bad || name.equals("_") ? bad : k,
            "a name after '*' (a named variadic such as \"*batch\")"));
      }
      return name;
    }
    return null;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || s.equals("_") || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private DimExpr expr() {
    DimExpr e = term();
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '+' || c == '-') {
        pos++;
        DimExpr r = term();
        e = guard(e, r, c);
      } else {
        return e;
      }
    }
  }

  private DimExpr term() {
    DimExpr e = unary();
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '*' || c == '/' || c == '%') {
        int at = pos;
        pos++;
        DimExpr r = unary();
        if ((c == '/' || c == '%') && r.isConstant() && r.constantValue() == 0) {
          pos = at;
          throw fail("a non-zero divisor after '" + c + "'");
        }
        e = guard(e, r, c);
      } else {
        return e;
      }
    }
  }

  private DimExpr unary() {
    skipSpaces();
    if (peek() == '-') {
      pos++;
      DimExpr inner = unary();
      return guard(DimExpr.of(0), inner, '-');
    }
    return primary();
  }

  private DimExpr primary() {
    skipSpaces();
    char c = peek();
    int start = pos;
    if (c >= '0' && c <= '9') {
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      try {
        return DimExpr.of(Long.parseLong(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        pos = start;
        throw fail("a size below 2^63");
      }
    }
    if (c == '(') {
      pos++;
      DimExpr e = expr();
      skipSpaces();
      if (peek() != ')') {
        throw fail("')' or an operator (+ - * / %)");
      }
      pos++;
      return e;
    }
    if (c != 0 && Character.isJavaIdentifierStart(c)) {
      pos++;
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      String name = text.substring(start, pos);
      return name.equals("_") ? DimExpr.UNKNOWN : DimExpr.variable(name);
    }
    throw fail(PRIMARY);
  }

  /** Applies a binary operator, turning overflow into a syntax error at the operator. */
  private DimExpr guard(DimExpr l, DimExpr r, char op) {
    try {
      switch (op) {
        case '+':
          return l.plus(r);
        case '-':
          return l.minus(r);
        case '*':
          return l.times(r);
        case '/':
          return l.floorDiv(r);
        default:
          return l.mod(r);
      }
    } catch (ArithmeticException e) {
      throw fail("an expression whose constants fit in 64 bits");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private ShapeSyntaxException fail(String expected) {
    return new ShapeSyntaxException(new ShapeSyntaxError(text, -1, pos, expected));
  }
}
