package dev.shapetorch.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.TreeUtils;

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
    if (e == null || !ShapeText.carriesShape(e.asType())) {
      return;
    }
    ExpressionTree init = tree.getInitializer();
    AnnotatedTypeMirror type = init != null && e.getKind() == ElementKind.LOCAL_VARIABLE
        ? factory.getAnnotatedType(init) : factory.getAnnotatedType(e);
    String shape = ShapeText.render(factory, type, e.asType());
    String from = init == null ? "" : " (" + ShapeText.abbreviate(init.toString()) + ")";
    note(tree, unit, tree.getName() + ": " + shape + from);
  }

  /** A tensor-valued call's hint. */
  void call(ExpressionTree tree, CompilationUnitTree unit) {
    if (!(tree instanceof MethodInvocationTree || tree instanceof NewClassTree)) {
      return;
    }
    TypeMirror t = TreeUtils.typeOf(tree);
    if (t == null || !ShapeText.isTensor(t)) {
      return;
    }
    note(tree, unit, ShapeText.abbreviate(tree.toString()) + ": "
        + ShapeText.render(factory, factory.getAnnotatedType(tree), t));
  }

  /**
   * Prints {@code [shape.hint] text} as a javac note at {@code where} in {@code unit} (through
   * javac's {@code Trees}: the Checker Framework's own reporting keeps notes for its debugging
   * output).
   */
  private void note(Tree where, CompilationUnitTree unit, String text) {
    trees.printMessage(Diagnostic.Kind.NOTE, "[" + KEY + "] " + text, where, unit);
  }
}
