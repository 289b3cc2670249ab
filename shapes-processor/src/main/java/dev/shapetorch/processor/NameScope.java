package dev.shapetorch.processor;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The names visible at one level of a declaration (a class's fields, a method's parameters, a
 * block's locals), as far as dependent dimensions care: whether each is integral and final.
 */
final class NameScope {

  /** What a name in scope is. */
  enum Role {
    PARAMETER("parameter"),
    LOCAL("local variable"),
    FIELD("field");

    private final String word;

    Role(String word) {
      this.word = word;
    }

    /** The word for messages. */
    String word() {
      return word;
    }
  }

  /**
   * One visible name.
   *
   * @param type the declared type as written, or null when it is inferred ({@code var}, an
   *     implicitly typed lambda parameter)
   * @param integral true for {@code int}, {@code long}, {@code short}, {@code byte}, and for a
   *     {@code boolean} parameter marked {@code @Dim} (1 or 0)
   */
  record Binding(String name, Role role, String type, boolean integral, boolean isFinal) {
    /** True if a dependent dimension may name it. Inferred types get the benefit of the doubt. */
    boolean usableAsDimension() {
      boolean typeOk = type == null || integral;
      return typeOk && (role == Role.PARAMETER || isFinal);
    }
  }

  private final Map<String, Binding> names = new HashMap<>();

  /** Adds (or shadows) a name. */
  void add(Binding binding) {
    names.put(binding.name(), binding);
  }

  /** The binding of {@code name} at this level, or null. */
  Binding lookup(String name) {
    return names.get(name);
  }

  /** A binding for a variable declared by {@code tree}. */
  static Binding fromTree(VariableTree tree, Role role) {
    Tree type = tree.getType();
    String typeText = type == null || type.toString().equals("var") ? null : type.toString();
    ModifiersTree mods = tree.getModifiers();
    boolean integral =
        type instanceof PrimitiveTypeTree
            && (isIntegral(((PrimitiveTypeTree) type).getPrimitiveTypeKind())
                || (((PrimitiveTypeTree) type).getPrimitiveTypeKind() == TypeKind.BOOLEAN
                    && role == Role.PARAMETER
                    && hasDim(mods)));
    boolean isFinal = mods != null && mods.getFlags().contains(Modifier.FINAL);
    return new Binding(tree.getName().toString(), role, typeText, integral, isFinal);
  }

  /** True if the modifiers carry {@code @Dim}: a boolean parameter so marked is 1 or 0. */
  static boolean hasDim(ModifiersTree mods) {
    if (mods == null) {
      return false;
    }
    for (com.sun.source.tree.AnnotationTree a : mods.getAnnotations()) {
      String name = a.getAnnotationType().toString();
      if (name.equals("Dim") || name.endsWith(".Dim")) {
        return true;
      }
    }
    return false;
  }

  /** A binding for a variable of resolved type {@code type}. */
  static Binding fromType(String name, Role role, TypeMirror type, boolean isFinal) {
    return new Binding(name, role, type.toString(), isIntegral(type.getKind()), isFinal);
  }

  /** True for the integral primitive kinds a size can have. */
  static boolean isIntegral(TypeKind kind) {
    return kind == TypeKind.INT
        || kind == TypeKind.LONG
        || kind == TypeKind.SHORT
        || kind == TypeKind.BYTE;
  }

  /** True if {@code type} (a tree) is an integral primitive or an array of one. */
  static boolean isIntegralOrArray(Tree type) {
    Tree t = type;
    while (t instanceof ArrayTypeTree) {
      t = ((ArrayTypeTree) t).getType();
    }
    return t instanceof PrimitiveTypeTree
        && isIntegral(((PrimitiveTypeTree) t).getPrimitiveTypeKind());
  }
}
