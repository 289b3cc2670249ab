package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * One call as the analysis sees it: the tree, the callee's declared (unsubstituted) type, the
 * argument trees, whether varargs are passed one by one, and the op's name for messages.
 *
 * @param tree the method invocation or {@code new} expression
 * @param declared the callee's declared type, annotations as written
 * @param args the argument trees
 * @param expandedVarargs true if a varargs parameter receives its elements one by one
 * @param op the op as the user reads it: {@code Torch.matmul}, {@code Tensor.view}, {@code
 *     Linear} (a constructor, as the runtime names it)
 */
record CallSite(
    ExpressionTree tree,
    AnnotatedExecutableType declared,
    List<? extends ExpressionTree> args,
    boolean expandedVarargs,
    String op) {

  /** The callee. */
  ExecutableElement callee() {
    return declared.getElement();
  }

  /** A method call or a {@code new}; null for anything else (a member reference). */
  static CallSite of(ExpressionTree tree, AnnotatedExecutableType declared) {
    ExecutableElement callee = declared.getElement();
    if (tree instanceof MethodInvocationTree mit) {
      return new CallSite(tree, declared, mit.getArguments(), TreeUtils.isVarargsCall(mit),
          methodOpName(mit, callee));
    }
    if (tree instanceof NewClassTree nct) {
      return new CallSite(tree, declared, nct.getArguments(), TreeUtils.isVarargsCall(nct),
          constructorName(callee));
    }
    return null;
  }

  /**
   * A constructor as the runtime names it in its messages: its class as the user writes it
   * ({@code Conv2d}, {@code Conv2d.Spec}), so that a constructor's contract has one text.
   */
  private static String constructorName(ExecutableElement callee) {
    StringBuilder name = new StringBuilder(callee.getEnclosingElement().getSimpleName());
    for (Element e = callee.getEnclosingElement().getEnclosingElement();
        e instanceof TypeElement; e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + ".");
    }
    return name.toString();
  }

  private static String methodOpName(MethodInvocationTree mit, ExecutableElement callee) {
    String owner = callee.getEnclosingElement().getSimpleName().toString();
    if (mit.getMethodSelect() instanceof MemberSelectTree ms) {
      ExpressionTree receiver = ms.getExpression();
      if (ElementUtils.isStatic(callee)) {
        Element e = TreeUtils.elementFromUse(receiver);
        if (e instanceof TypeElement te) {
          owner = te.getSimpleName().toString();
        }
      } else {
        TypeMirror t = TreeUtils.typeOf(receiver);
        if (t instanceof DeclaredType dt) {
          owner = dt.asElement().getSimpleName().toString();
        }
      }
    }
    return owner + "." + callee.getSimpleName();
  }
}
