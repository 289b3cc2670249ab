package dev.shapetorch.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The naming rule that tells shape variables from dependent dimensions in a {@code @Shape} string.
 * The parser accepts both as names; scope and case give them their meaning, the same way for this
 * processor and for the checker:
 *
 * <ol>
 *   <li>A name that names an integral parameter of the declaration ({@code int}, {@code long},
 *       {@code short}, {@code byte}), a {@code @Dim("name")}, or a final integral field or local in
 *       scope is a <b>dependent dimension</b>, whatever its case: the size is that value ({@code
 *       Linear(@Dim long in, @Dim long out)} returning {@code @Shape({"in", "out"})}; {@code static
 *       final int HIDDEN = 128} in {@code @Shape({"B", "HIDDEN"})}).
 *   <li>Otherwise a name whose first character is an <b>upper-case</b> letter ({@code B}, {@code
 *       Cin}, {@code H_out}) is a <b>shape variable</b>, bound per call site by unification like a
 *       generic type variable; in a result it must be bound by a parameter's or the receiver's
 *       shape.
 *   <li>Otherwise the name is an error: lower-case names are reserved for dependent dimensions, so
 *       a misspelt parameter name ({@code "hiden"}) is reported instead of silently becoming a
 *       fresh variable.
 * </ol>
 *
 * <p>A named variadic ({@code "*batch"}) is a variable whatever its case; {@code "_"} is one
 * unknown size and {@code "..."} an anonymous variadic.
 */
public final class ShapeNames {
  private ShapeNames() {}

  /**
   * True if {@code name}, when it names no integral value in scope, is a shape variable: its first
   * character is upper-case.
   */
  public static boolean isShapeVariable(String name) {
    return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
  }

  /** True if {@code s} is a Java identifier other than {@code _}. */
  public static boolean isIdentifier(String s) {
    if (s.isEmpty() || s.equals("_") || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
      return false;
    }
    for (int i = Character.charCount(s.codePointAt(0)); i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!Character.isJavaIdentifierPart(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * The variadic name of one {@code @Shape} element: {@code "..."} for the anonymous one, the name
   * for {@code "*name"}, or null if the element is an ordinary dimension.
   */
  public static String variadicName(String element) {
    String s = element.strip();
    if (s.equals("...")) {
      return s;
    }
    if (s.startsWith("*")) {
      return s.substring(1).strip();
    }
    return null;
  }

  /**
   * The names an ordinary dimension string mentions, in order of first appearance, without {@code
   * _}. Meant for strings that parse: it reads identifiers lexically, so a name that normalisation
   * would cancel ({@code "B-B+1"}) still counts.
   */
  public static List<String> namesIn(String dimension) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = dimension.length();
    while (i < n) {
      int c = dimension.codePointAt(i);
      if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        i += Character.charCount(c);
        while (i < n && Character.isJavaIdentifierPart(dimension.codePointAt(i))) {
          i += Character.charCount(dimension.codePointAt(i));
        }
        String name = dimension.substring(start, i);
        if (!name.equals("_")) {
          names.add(name);
        }
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isJavaIdentifierPart(dimension.codePointAt(i))) {
          i += Character.charCount(dimension.codePointAt(i));
        }
      } else {
        i += Character.charCount(c);
      }
    }
    return new ArrayList<>(names);
  }
}
