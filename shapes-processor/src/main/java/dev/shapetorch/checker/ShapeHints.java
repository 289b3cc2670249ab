package dev.shapetorch.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import dev.shapetorch.shapes.rules.TensorShape;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.TreeUtils;
import org.checkerframework.javacutil.TypesUtils;

/**
 * The shape hints of {@code -Ashape.hints}: a javac note ({@code shape.hint}) with the shape the
 * checker infers for every tensor or module local, field and tensor-valued call, so that a build
 * window or a CI log shows what an IDE's inlay hints would:
 *
 * <pre>
 * Mlp.java:12: note: [shape.hint] h: [B, 128] (fc1.forward(x))
 * Mlp.java:12: note: [shape.hint] fc1.forward(x): [B, 128]
 * </pre>
 *
 * <p>A variable's hint gives its initializer's shape (the shape the dataflow analysis carries
 * on), or the declared one when it has no initializer; {@code ?} stands for an unknown shape.
 */
final class ShapeHints {
  static final String KEY = "shape.hint";

  private final Trees trees;
  private final ShapeAnnotatedTypeFactory factory;

  ShapeHints(BaseTypeChecker checker, ShapeAnnotatedTypeFactory factory) {
    this.factory = factory;
    this.trees = Trees.instance(checker.getProcessingEnvironment());
  }

  /** A local's, field's or parameter's hint. */
  void variable(VariableTree tree, CompilationUnitTree unit) {
    Element e = TreeUtils.elementFromDeclaration(tree);
    if (e == null || !carriesShape(e.asType())) {
      return;
    }
    ExpressionTree init = tree.getInitializer();
    AnnotatedTypeMirror type = init != null && e.getKind() == ElementKind.LOCAL_VARIABLE
        ? factory.getAnnotatedType(init) : factory.getAnnotatedType(e);
    String shape = render(type, e.asType());
    String from = init == null ? "" : " (" + abbreviate(init.toString()) + ")";
    note(tree, unit, tree.getName() + ": " + shape + from);
  }

  /** A tensor-valued call's hint. */
  void call(ExpressionTree tree, CompilationUnitTree unit) {
    if (!(tree instanceof MethodInvocationTree || tree instanceof NewClassTree)) {
      return;
    }
    TypeMirror t = TreeUtils.typeOf(tree);
    if (t == null || !isTensor(t)) {
      return;
    }
    note(tree, unit, abbreviate(tree.toString()) + ": " + render(factory.getAnnotatedType(tree), t));
  }

  /**
   * Prints {@code [shape.hint] text} as a javac note at {@code where} in {@code unit} (through
   * javac's {@code Trees}: the Checker Framework's own reporting keeps notes for its debugging
   * output).
   */
  private void note(Tree where, CompilationUnitTree unit, String text) {
    trees.printMessage(Diagnostic.Kind.NOTE, "[" + KEY + "] " + text, where, unit);
  }

  /** {@code [B, 128]}; a module's hyperparameters as {@code Linear[784, 128]}; {@code ?}. */
  private String render(AnnotatedTypeMirror type, TypeMirror java) {
    ShapeQualifiers q = factory.qualifiers();
    AnnotationMirror a = type.getPrimaryAnnotationInHierarchy(q.top);
    String shape;
    if (a == null || !q.isShape(a)) {
      shape = a != null && q.isBottom(a) ? "(no value)" : "?";
    } else {
      TensorShape s = q.shapeOf(a);
      shape = s == null || ShapeQualifiers.isUnknownRank(s) ? "?" : s.toString();
    }
    if (!isTensor(java) && java instanceof DeclaredType d) {
      return d.asElement().getSimpleName() + shape;
    }
    return shape;
  }

  private static boolean isTensor(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && TypesUtils.isDeclaredOfName(t, SizeExpressions.TENSOR);
  }

  /** Tensors, and the module types whose {@code @Shape} holds hyperparameters. */
  private static boolean carriesShape(TypeMirror t) {
    if (isTensor(t)) {
      return true;
    }
    return t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).asElement().toString().startsWith("dev.shapetorch.nn.");
  }

  private static String abbreviate(String source) {
    String one = source.replaceAll("\\s+", " ");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
