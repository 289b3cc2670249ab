package dev.shapetorch.release;

import java.util.ArrayList;
import java.util.List;

/**
 * Class-file descriptors and generic signatures (JVMS 4.3, 4.7.9.1) written as Java source
 * types: {@code (Ljava/util/List;I)V} has the parameters {@code java.util.List, int};
 * {@code <T:Ljava/lang/Object;>(Ljava/util/List<+TT;>;)TT;} is
 * {@code <T> (java.util.List<? extends T>) T}. Nested classes keep their binary {@code $}.
 */
final class Descriptors {
  private Descriptors() {}

  /** {@code Ljava/lang/String;} or {@code java/lang/String} as {@code java.lang.String}. */
  static String javaName(String descriptorOrInternalName) {
    String name = descriptorOrInternalName;
    if (name.startsWith("L") && name.endsWith(";")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.replace('/', '.');
  }

  /**
   * An annotation or enum type's name as listings write it: without the package for the
   * shape annotations ({@code dev.shapetorch.shapes}, {@code dev.shapetorch.shapes.rules}) and
   * {@code java.lang}, in full otherwise.
   */
  static String shortName(String type) {
    for (String pkg : new String[] {"dev.shapetorch.shapes.", "dev.shapetorch.shapes.rules.",
        "java.lang."}) {
      if (type.startsWith(pkg) && type.indexOf('.', pkg.length()) < 0) {
        return type.substring(pkg.length());
      }
    }
    return type;
  }

  /** The erased parameter types of a method descriptor, as Java source. */
  static List<String> parameters(String methodDescriptor) {
    Cursor c = new Cursor(methodDescriptor);
    c.expect('(');
    List<String> types = new ArrayList<>();
    while (c.peek() != ')') {
      types.add(c.javaType());
    }
    return types;
  }

  /** The erased return type of a method descriptor, as Java source. */
  static String returnType(String methodDescriptor) {
    Cursor c = new Cursor(methodDescriptor.substring(methodDescriptor.indexOf(')') + 1));
    return c.javaType();
  }

  /** A field descriptor or a field's generic signature, as Java source. */
  static String fieldType(String descriptorOrSignature) {
    return new Cursor(descriptorOrSignature).javaType();
  }

  /** A class's generic signature: {@code <T> extends a.B<T> implements c.D<T>}. */
  static String classSignature(String signature) {
    Cursor c = new Cursor(signature);
    StringBuilder out = new StringBuilder(c.typeParameters());
    out.append(out.length() == 0 ? "" : " ").append("extends ").append(c.javaType());
    List<String> interfaces = new ArrayList<>();
    while (!c.atEnd()) {
      interfaces.add(c.javaType());
    }
    if (!interfaces.isEmpty()) {
      out.append(" implements ").append(String.join(", ", interfaces));
    }
    return out.toString();
  }

  /** A method's generic signature: {@code <T> (java.util.List<T>) T throws E}. */
  static String methodSignature(String signature) {
    Cursor c = new Cursor(signature);
    String typeParameters = c.typeParameters();
    c.expect('(');
    List<String> parameters = new ArrayList<>();
    while (c.peek() != ')') {
      parameters.add(c.javaType());
    }
    c.expect(')');
    StringBuilder out = new StringBuilder(typeParameters);
    out.append(out.length() == 0 ? "" : " ").append('(').append(String.join(", ", parameters))
        .append(") ").append(c.javaType());
    List<String> thrown = new ArrayList<>();
    while (!c.atEnd()) {
      c.expect('^');
      thrown.add(c.javaType());
    }
    if (!thrown.isEmpty()) {
      out.append(" throws ").append(String.join(", ", thrown));
    }
    return out.toString();
  }

  /**
   * A string constant as a Java literal; {@code ;} is escaped too, so that a rendered
   * annotation never holds the listing's field separator.
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch == ';' || ch < 0x20 || ch > 0x7e) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Reads descriptors and signatures left to right. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    char peek() {
      if (atEnd()) {
        throw new IllegalArgumentException("descriptor or signature ends early: " + s);
      }
      return s.charAt(i);
    }

    void expect(char ch) {
      if (peek() != ch) {
        throw new IllegalArgumentException(
            "expected '" + ch + "' at " + i + " of descriptor or signature " + s);
      }
      i++;
    }

    /** {@code <T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>} or nothing. */
    String typeParameters() {
      if (atEnd() || peek() != '<') {
        return "";
      }
      i++;
      List<String> parameters = new ArrayList<>();
      while (peek() != '>') {
        int colon = s.indexOf(':', i);
        String name = s.substring(i, colon);
        i = colon;
        List<String> bounds = new ArrayList<>();
        while (peek() == ':') {
          i++;
          if (peek() != ':' && peek() != '>') {
            String bound = javaType();
            if (!bound.equals("java.lang.Object")) {
              bounds.add(bound);
            }
          }
        }
        parameters.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
      }
      i++;
      return "<" + String.join(", ", parameters) + ">";
    }

    /** One Java type (descriptor or signature form) as source. */
    String javaType() {
      char ch = peek();
      i++;
      return switch (ch) {
        case 'B' -> "byte";
        case 'C' -> "char";
        case 'D' -> "double";
        case 'F' -> "float";
        case 'I' -> "int";
        case 'J' -> "long";
        case 'S' -> "short";
        case 'Z' -> "boolean";
        case 'V' -> "void";
        case '[' -> javaType() + "[]";
        case 'T' -> {
          int end = s.indexOf(';', i);
          String variable = s.substring(i, end);
          i = end + 1;
          yield variable;
        }
        case 'L' -> classType();
        default -> throw new IllegalArgumentException(
            "unexpected '" + ch + "' at " + (i - 1) + " of descriptor or signature " + s);
      };
    }

    /** After the {@code L}: {@code a/b/C<TT;>.D<*>;}. */
    private String classType() {
      StringBuilder out = new StringBuilder();
      while (true) {
        char ch = peek();
        if (ch == ';') {
          i++;
          return out.toString();
        } else if (ch == '<') {
          i++;
          List<String> arguments = new ArrayList<>();
          while (peek() != '>') {
            char wildcard = peek();
            if (wildcard == '*') {
              i++;
              arguments.add("?");
            } else if (wildcard == '+') {
              i++;
              arguments.add("? extends " + javaType());
            } else if (wildcard == '-') {
              i++;
              arguments.add("? super " + javaType());
            } else {
              arguments.add(javaType());
            }
          }
          i++;
          out.append('<').append(String.join(", ", arguments)).append('>');
        } else if (ch == '/') {
          i++;
          out.append('.');
        } else if (ch == '.') {
          // An inner class of a parameterized type: Outer<T>.Inner is the binary Outer$Inner.
          i++;
          out.append('$');
        } else {
          i++;
          out.append(ch);
        }
      }
    }
  }
}
