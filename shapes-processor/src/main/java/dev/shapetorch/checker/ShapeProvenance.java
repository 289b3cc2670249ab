package dev.shapetorch.checker;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.javacutil.TreePathUtil;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Where the shapes of a mistake came from: for a call (or an assignment or return) that the
 * checker rejects, the variables among its inputs, each with its shape at the mistake and the
 * expression that gave it, followed down the chain (the local a layer's output was assigned to,
 * the field that holds the layer and the constructor call with its hyperparameters, the
 * parameter and its declared shape):
 *
 * <pre>
 *   where the shapes came from:
 *     h [B, 16] = fc1.forward(x) (line 21)
 *     fc1 Linear[784, 16] = new Linear(784, 16) (line 12)
 *     x [B, 784]: parameter of forward
 *     fc2 Linear[32, 3] = new Linear(32, 3) (line 13)
 * </pre>
 *
 * <p>A local's origin is its initializer, or the last assignment before the mistake in the
 * source; a field's, its initializer or its first assignment in the class. The shapes are the
 * checker's own: a local's at the mistake (what the dataflow analysis carries there), a field's
 * and a parameter's as declared or inferred for them. Computed only for a diagnostic, so it
 * costs nothing on code without mistakes.
 */
final class ShapeProvenance {
  /** The chain is followed this many steps from the mistake. */
  private static final int MAX_DEPTH = 3;
  /** At most this many origins are listed. */
  private static final int MAX_LINES = 6;

  private final Trees trees;
  private final ShapeAnnotatedTypeFactory factory;

  ShapeProvenance(BaseTypeChecker checker, ShapeAnnotatedTypeFactory factory) {
    this.trees = Trees.instance(checker.getProcessingEnvironment());
    this.factory = factory;
  }

  /**
   * The origins of the inputs of {@code mistake} (a call, or the value of an assignment or
   * return) in {@code unit}, as lines to append to its diagnostic; empty when no input is a
   * variable (everything the message names is then on the mistake's own line).
   */
  String describe(Tree mistake, CompilationUnitTree unit) {
    try {
      Walk walk = new Walk();
      for (ExpressionTree input : inputs(mistake)) {
        walk.follow(input, unit, 0);
      }
      if (walk.lines.isEmpty()) {
        return "";
      }
      // javac indents a message's later lines by two spaces itself
      return "\nwhere the shapes came from:\n  " + String.join("\n  ", walk.lines);
    } catch (RuntimeException unreadable) {
      return ""; // provenance is a courtesy: never let it cost the diagnostic itself
    }
  }

  /** A call's receiver and arguments; an assignment's or return's value itself. */
  private static List<ExpressionTree> inputs(Tree t) {
    List<ExpressionTree> out = new ArrayList<>();
    if (t instanceof MethodInvocationTree call) {
      if (TreeUtils.withoutParens(call.getMethodSelect()) instanceof MemberSelectTree select) {
        out.add(select.getExpression());
      }
      out.addAll(call.getArguments());
    } else if (t instanceof NewClassTree created) {
      out.addAll(created.getArguments());
    } else if (t instanceof ExpressionTree e) {
      out.add(e);
    }
    return out;
  }

  /** One search: the lines found so far and the variables already listed. */
  private final class Walk {
    final List<String> lines = new ArrayList<>();
    final Set<Element> seen = new HashSet<>();

    /** Lists {@code input}'s origin (a variable's) and follows it, {@code input} in {@code unit}. */
    void follow(ExpressionTree input, CompilationUnitTree unit, int depth) {
      if (depth >= MAX_DEPTH || lines.size() >= MAX_LINES) {
        return;
      }
      ExpressionTree e = TreeUtils.withoutParens(input);
      if (e instanceof MethodInvocationTree || e instanceof NewClassTree) {
        for (ExpressionTree inner : inputs(e)) {
          follow(inner, unit, depth);
        }
        return;
      }
      if (!(e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
        return;
      }
      Element v = TreeUtils.elementFromUse(e);
      if (!(v instanceof VariableElement) || !ShapeText.carriesShape(v.asType())
          || !seen.add(v)) {
        return;
      }
      String name = v.getSimpleName().toString();
      TypeMirror java = v.asType();
      switch (v.getKind()) {
        case PARAMETER -> {
          Element owner = v.getEnclosingElement();
          String of = owner.getKind() == ElementKind.CONSTRUCTOR
              ? "the constructor of " + owner.getEnclosingElement().getSimpleName()
              : owner.getSimpleName().toString();
          lines.add(name + " " + ShapeText.render(factory, factory.getAnnotatedType(v), java)
              + ": parameter of " + of);
        }
        case LOCAL_VARIABLE, RESOURCE_VARIABLE -> {
          ExpressionTree origin = localOrigin(v, e, unit);
          String shape = ShapeText.render(factory, factory.getAnnotatedType(e), java);
          add(name, shape, origin, unit, unit, depth);
        }
        case FIELD -> {
          TreePath declared = trees.getPath(v);
          if (declared == null) { // a class javac is already done with: no tree
            lines.add(name + " " + ShapeText.render(factory, factory.getAnnotatedType(e), java)
                + ": field of " + v.getEnclosingElement().getSimpleName());
            return;
          }
          add(name, ShapeText.render(factory, factory.getAnnotatedType(e), java),
              fieldOrigin((VariableElement) v, declared), declared.getCompilationUnit(), unit,
              depth);
        }
        default -> { }
      }
    }

    /** {@code origin} in {@code originUnit}; {@code mistakeUnit} is the diagnostic's file. */
    private void add(String name, String shape, ExpressionTree origin,
        CompilationUnitTree originUnit, CompilationUnitTree mistakeUnit, int depth) {
      if (origin == null) {
        lines.add(name + " " + shape);
        return;
      }
      long pos = trees.getSourcePositions().getStartPosition(originUnit, origin);
      String where = pos < 0 ? "" : " (line " + originUnit.getLineMap().getLineNumber(pos)
          + (originUnit == mistakeUnit ? "" : " of " + fileName(originUnit)) + ")";
      lines.add(name + " " + shape + " = " + ShapeText.abbreviate(origin.toString()) + where);
      follow(origin, originUnit, depth + 1);
    }

    private static String fileName(CompilationUnitTree unit) {
      String path = unit.getSourceFile().getName();
      return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /**
     * A local's initializer, or its last assignment that starts before the use; null when
     * neither is found (a pattern variable, a lambda's).
     */
    private ExpressionTree localOrigin(Element local, Tree use, CompilationUnitTree unit) {
      TreePath path = TreePath.getPath(unit, use);
      if (path == null) {
        return null;
      }
      MethodTree method = TreePathUtil.enclosingMethod(path);
      Tree body = method != null ? method : TreePathUtil.enclosingClass(path);
      if (body == null) {
        return null;
      }
      SourcePositions positions = trees.getSourcePositions();
      long usedAt = positions.getStartPosition(unit, use);
      ExpressionTree[] last = new ExpressionTree[1];
      long[] lastAt = {-1};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void p) {
          if (tree.getInitializer() != null
              && local.equals(TreeUtils.elementFromDeclaration(tree))) {
            consider(tree.getInitializer(), positions.getStartPosition(unit, tree));
          }
          return super.visitVariable(tree, p);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void p) {
          if (local.equals(TreeUtils.elementFromUse(tree.getVariable()))) {
            consider(tree.getExpression(), positions.getStartPosition(unit, tree));
          }
          return super.visitAssignment(tree, p);
        }

        private void consider(ExpressionTree value, long at) {
          if (at < usedAt && at > lastAt[0]) {
            last[0] = value;
            lastAt[0] = at;
          }
        }
      }.scan(body, null);
      return last[0];
    }

    /** A field's initializer, or its first assignment in its class's source; or null. */
    private ExpressionTree fieldOrigin(VariableElement field, TreePath declared) {
      if (declared.getLeaf() instanceof VariableTree v && v.getInitializer() != null) {
        return v.getInitializer();
      }
      ClassTree owner = TreePathUtil.enclosingClass(declared);
      if (owner == null) {
        return null;
      }
      ExpressionTree[] first = new ExpressionTree[1];
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void p) {
          if (first[0] == null && field.equals(TreeUtils.elementFromUse(tree.getVariable()))) {
            first[0] = tree.getExpression();
          }
          return super.visitAssignment(tree, p);
        }
      }.scan(owner, null);
      return first[0];
    }
  }
}
