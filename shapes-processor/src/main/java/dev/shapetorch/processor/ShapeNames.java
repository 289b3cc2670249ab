package dev.shapetorch.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The naming rule that tells shape variables from dependent dimensions in a {@code @Shape}
 * string. The parser accepts both as names; this rule gives them their meaning.
 *
 * <ul>
 *   <li>A name whose first character is an <b>upper-case</b> letter ({@code B}, {@code Cin},
 *       {@code In}, {@code H_out}) is a <b>shape variable</b>: bound per call site by
 *       unification, like a generic type variable. In a result it must be bound by a parameter
 *       or the receiver (or by {@code @Dim("B")}).
 *   <li>Any other name ({@code n}, {@code in}, {@code hiddenSize}, {@code $k}) is a
 *       <b>dependent dimension</b>: it must name an integral parameter ({@code int}, {@code
 *       long}, {@code short}, {@code byte}) of the declaration, or a final integral local or
 *       field in scope; the size is that value.
 *   <li>A named variadic ({@code "*batch"}) is a variable whatever its case; {@code "_"} is one
 *       unknown size and {@code "..."} an anonymous variadic.
 * </ul>
 *
 * <p>Consequence: an upper-case constant ({@code static final int HIDDEN = 128}) written in a
 * shape is a shape variable, not 128 (the processor warns, {@link Messages#VARIABLE_SHADOWS});
 * write the number, or name a lower-case final. The checker applies the same rule through this
 * class.
 */
public final class ShapeNames {
  private ShapeNames() {}

  /** True if {@code name} is read as a shape variable: its first character is upper-case. */
  public static boolean isShapeVariable(String name) {
    return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
  }

  /** True if {@code name} is a Java identifier read as a dependent dimension. */
  public static boolean isDependentName(String name) {
    return isIdentifier(name) && !isShapeVariable(name);
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
   * The variadic name of one {@code @Shape} element: {@code "..."} for the anonymous one, the
   * name for {@code "*name"}, or null if the element is an ordinary dimension.
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
   * The names an ordinary dimension string mentions, in order of first appearance, without
   * {@code _}. Meant for strings that parse: it reads identifiers lexically, so a name that
   * normalisation would cancel ({@code "B-B+1"}) still counts.
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
