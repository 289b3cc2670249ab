package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Tells which ShapeTorch annotation an {@link AnnotationTree} is.
 *
 * <p>Annotations on declarations are attributed by the time processors run, so their type is known.
 * Annotations inside method bodies (a local variable's type, a cast) are not attributed yet; for
 * those the name is resolved the way javac would: a qualified name, then a single-type import, a
 * member type of an enclosing class, the compilation unit's own package, and finally an on-demand
 * import of {@code dev.shapetorch.shapes.*}.
 */
final class AnnotationResolver {
  private final Trees trees;
  private final Elements elements;

  AnnotationResolver(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /** The kind of the annotation at {@code path}, or null if it is not one of ours. */
  ShapeAnnotationKind resolve(TreePath path) {
    AnnotationTree annotation = (AnnotationTree) path.getLeaf();
    Tree type = annotation.getAnnotationType();
    TypeMirror mirror = trees.getTypeMirror(new TreePath(path, type));
    if (mirror != null && mirror.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) mirror).asElement();
      return ShapeAnnotationKind.byQualifiedName(element.getQualifiedName().toString());
    }
    if (mirror != null && mirror.getKind() != TypeKind.ERROR && mirror.getKind() != TypeKind.NONE) {
      return null;
    }
    return resolveByName(path, type);
  }

  private ShapeAnnotationKind resolveByName(TreePath path, Tree type) {
    if (type instanceof MemberSelectTree) {
      return ShapeAnnotationKind.byQualifiedName(type.toString().replace(" ", ""));
    }
    if (!(type instanceof IdentifierTree)) {
      return null;
    }
    String simple = ((IdentifierTree) type).getName().toString();
    ShapeAnnotationKind kind = ShapeAnnotationKind.bySimpleName(simple);
    if (kind == null) {
      return null;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    boolean onDemand = false;
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      String imported = imp.getQualifiedIdentifier().toString().replace(" ", "");
      if (imported.endsWith("." + simple)) {
        return imported.equals(kind.qualifiedName()) ? kind : null;
      }
      if (imported.equals(ShapeAnnotationKind.PACKAGE + ".*")) {
        onDemand = true;
      }
    }
    if (declaresMemberType(path, simple)) {
      return null;
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    if (pkg.equals(ShapeAnnotationKind.PACKAGE)) {
      return kind;
    }
    String samePackage = pkg.isEmpty() ? simple : pkg + "." + simple;
    if (elements.getTypeElement(samePackage) != null) {
      return null;
    }
    return onDemand ? kind : null;
  }

  /** True if a class enclosing {@code path} declares a member type named {@code simple}. */
  private static boolean declaresMemberType(TreePath path, String simple) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        ClassTree c = (ClassTree) p.getLeaf();
        if (c.getSimpleName().contentEquals(simple)) {
          return true;
        }
        for (Tree member : c.getMembers()) {
          if (member instanceof ClassTree
              && ((ClassTree) member).getSimpleName().contentEquals(simple)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
