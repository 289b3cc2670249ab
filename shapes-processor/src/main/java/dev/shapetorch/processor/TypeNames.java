package dev.shapetorch.processor;

import java.util.StringJoiner;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.element.TypeElement;

/**
 * Java source for a type, qualified and without its type annotations (javac's {@code
 * toString} prints those in forms that are not source), for generated code.
 */
final class TypeNames {
  private TypeNames() {}

  static String source(TypeMirror t) {
    switch (t.getKind()) {
      case ARRAY:
        return source(((ArrayType) t).getComponentType()) + "[]";
      case DECLARED: {
        DeclaredType d = (DeclaredType) t;
        String name = ((TypeElement) d.asElement()).getQualifiedName().toString();
        if (d.getTypeArguments().isEmpty()) {
          return name;
        }
        StringJoiner args = new StringJoiner(", ", "<", ">");
        for (TypeMirror a : d.getTypeArguments()) {
          args.add(source(a));
        }
        return name + args;
      }
      case TYPEVAR:
        return ((TypeVariable) t).asElement().getSimpleName().toString();
      case WILDCARD: {
        WildcardType w = (WildcardType) t;
        if (w.getExtendsBound() != null) {
          return "? extends " + source(w.getExtendsBound());
        }
        if (w.getSuperBound() != null) {
          return "? super " + source(w.getSuperBound());
        }
        return "?";
      }
      default:
        return t.getKind().isPrimitive() || t.getKind().name().equals("VOID")
            ? t.getKind().name().toLowerCase(java.util.Locale.ROOT)
            : t.toString();
    }
  }

  /**
   * Whether {@code t} is the class {@code qualified}, also while that class is still to be
   * generated in this compilation (javac then gives an error type named as written).
   */
  static boolean isNamed(TypeMirror t, String qualified) {
    if (t == null) {
      return false;
    }
    if (t.getKind() == javax.lang.model.type.TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
          .contentEquals(qualified);
    }
    if (t.getKind() == javax.lang.model.type.TypeKind.ERROR) {
      // Its name as written, after any type annotations javac prints before it.
      String n = t.toString().replaceAll("\\)+$", "").trim();
      n = n.substring(Math.max(n.lastIndexOf(' '), n.lastIndexOf(':')) + 1);
      return n.equals(qualified) || n.equals(qualified.substring(qualified.lastIndexOf('.') + 1));
    }
    return false;
  }
}
