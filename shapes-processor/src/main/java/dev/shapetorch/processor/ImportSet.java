package dev.shapetorch.processor;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The imports of one generated source file: a type is imported and written by its simple name
 * unless that name is taken (by a type of the file's package, by the generated class or its nested
 * classes, or by another import), in which case it is written fully qualified.
 */
final class ImportSet {
  private final Set<String> imports = new TreeSet<>();
  private final Set<String> reserved;
  private final Predicate<String> takenInPackage;

  /**
   * @param reserved simple names the file itself declares or refers to unqualified
   * @param takenInPackage true for a simple name that a type of the file's package has
   */
  ImportSet(Set<String> reserved, Predicate<String> takenInPackage) {
    this.reserved = Set.copyOf(reserved);
    this.takenInPackage = takenInPackage;
  }

  /** The name to write for {@code qualifiedName}, importing it when possible. */
  String use(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String simple = qualifiedName.substring(dot + 1);
    if (dot < 0 || qualifiedName.startsWith("java.lang.") && dot == "java.lang".length()) {
      return takenInPackage.test(simple) || reserved.contains(simple) ? qualifiedName : simple;
    }
    if (imports.contains(qualifiedName)) {
      return simple;
    }
    if (reserved.contains(simple) || takenInPackage.test(simple) || importsSimple(simple)) {
      return qualifiedName;
    }
    imports.add(qualifiedName);
    return simple;
  }

  /** The {@code import} lines, sorted, each ending in a newline; empty if none. */
  String lines() {
    StringBuilder b = new StringBuilder();
    for (String i : imports) {
      b.append("import ").append(i).append(";\n");
    }
    return b.toString();
  }

  private boolean importsSimple(String simple) {
    for (String i : imports) {
      if (i.endsWith("." + simple)) {
        return true;
      }
    }
    return false;
  }
}
