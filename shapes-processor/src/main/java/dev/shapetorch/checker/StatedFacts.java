package dev.shapetorch.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Divisible;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.DivisibilityFacts;
import dev.shapetorch.shapes.rules.ShapeParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The divisibility facts a declaration states ({@link Divisible} on it or an enclosing class,
 * {@link Dim#divides} on its parameters), read once per element. Code in a compilation unit
 * that never mentions them pays one text search per unit.
 */
final class StatedFacts {
  private final Map<Element, DivisibilityFacts> byElement = new HashMap<>();
  private final Map<CompilationUnitTree, Boolean> unitMentions = new HashMap<>();

  /** The facts of a method or constructor (its own and its classes'), or of a class. */
  DivisibilityFacts of(Element e) {
    if (e == null) {
      return DivisibilityFacts.NONE;
    }
    DivisibilityFacts cached = byElement.get(e);
    if (cached == null) {
      List<DivisibilityFacts.Fact> facts = new ArrayList<>();
      for (Element owner = e; owner != null; owner = owner.getEnclosingElement()) {
        if (owner instanceof ExecutableElement || owner instanceof TypeElement) {
          collect(owner, facts);
        }
        if (owner.getKind().isClass() && owner.getEnclosingElement() != null
            && owner.getEnclosingElement().getKind().name().equals("PACKAGE")) {
          break;
        }
      }
      cached = DivisibilityFacts.of(facts);
      byElement.put(e, cached);
    }
    return cached;
  }

  /**
   * The facts in force at a tree: those of the innermost method (or, outside methods, class)
   * around it; {@link DivisibilityFacts#NONE} at once when its compilation unit mentions
   * neither {@code Divisible} nor {@code divides}.
   */
  DivisibilityFacts at(CompilationUnitTree root, Tree tree, Function<Tree, TreePath> paths) {
    if (root == null || tree == null || !mentions(root)) {
      return DivisibilityFacts.NONE;
    }
    TreePath path = paths.apply(tree);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree m) {
        return of(TreeUtils.elementFromDeclaration(m));
      }
      if (leaf instanceof ClassTree c) {
        return of(TreeUtils.elementFromDeclaration(c));
      }
      if (leaf instanceof LambdaExpressionTree) {
        continue;
      }
    }
    return DivisibilityFacts.NONE;
  }

  private boolean mentions(CompilationUnitTree root) {
    Boolean m = unitMentions.get(root);
    if (m == null) {
      try {
        CharSequence text = root.getSourceFile().getCharContent(true);
        String s = text.toString();
        m = s.contains("Divisible") || s.contains("divides");
      } catch (IOException | RuntimeException e) {
        m = true;
      }
      unitMentions.put(root, m);
    }
    return m;
  }

  private static void collect(Element owner, List<DivisibilityFacts.Fact> out) {
    for (Divisible d : owner.getAnnotationsByType(Divisible.class)) {
      add(d.value(), d.by(), out);
    }
    if (owner instanceof ExecutableElement m) {
      for (VariableElement p : m.getParameters()) {
        Dim dim = p.getAnnotation(Dim.class);
        if (dim != null) {
          String name = dim.value().isEmpty() ? p.getSimpleName().toString() : dim.value();
          for (String dividend : dim.divides()) {
            add(dividend, name, out);
          }
        }
      }
    }
  }

  private static void add(String dividend, String divisor, List<DivisibilityFacts.Fact> out) {
    try {
      DimExpr n = ShapeParser.parseDim(dividend);
      DimExpr d = ShapeParser.parseDim(divisor);
      out.add(new DivisibilityFacts.Fact(n, d));
    } catch (RuntimeException badSyntax) {
      // A fact that does not parse states nothing (the shape language's own errors are
      // reported where shapes are written).
    }
  }
}
