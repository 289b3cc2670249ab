package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads annotation attributes from source trees, which works where javac has not attributed them
 * yet (inside method bodies) and keeps each value's position.
 */
final class AnnotationValues {
  private AnnotationValues() {}

  /** One string of an annotation attribute: its value (null if not a constant) and its tree. */
  record StringValue(String value, Tree tree) {
    /** True if the value is a compile-time constant this reader could evaluate. */
    boolean known() {
      return value != null;
    }
  }

  /**
   * The expression of attribute {@code name} ({@code value} may be written without a name), or null
   * if the annotation does not give it.
   */
  static ExpressionTree attribute(AnnotationTree annotation, String name) {
    for (ExpressionTree arg : annotation.getArguments()) {
      if (arg instanceof AssignmentTree) {
        AssignmentTree assignment = (AssignmentTree) arg;
        ExpressionTree variable = assignment.getVariable();
        if (variable instanceof IdentifierTree
            && ((IdentifierTree) variable).getName().contentEquals(name)) {
          return assignment.getExpression();
        }
      } else if (name.equals("value")) {
        return arg;
      }
    }
    return null;
  }

  /**
   * The strings of a {@code String[]} attribute, one per element ({@code {"B", "784"}} or a single
   * {@code "B"}); empty if absent.
   */
  static List<StringValue> strings(AnnotationTree annotation, String name) {
    ExpressionTree expression = attribute(annotation, name);
    List<StringValue> out = new ArrayList<>();
    if (expression == null) {
      return out;
    }
    if (expression instanceof NewArrayTree) {
      List<? extends ExpressionTree> initializers = ((NewArrayTree) expression).getInitializers();
      if (initializers != null) {
        for (ExpressionTree e : initializers) {
          out.add(new StringValue(constantString(e), e));
        }
      }
    } else {
      out.add(new StringValue(constantString(expression), expression));
    }
    return out;
  }

  /**
   * The simple name of an enum-constant attribute ({@code Rule.MATMUL} or a statically imported
   * {@code MATMUL}), or null.
   */
  static String enumConstant(AnnotationTree annotation, String name) {
    ExpressionTree expression = attribute(annotation, name);
    if (expression instanceof MemberSelectTree) {
      return ((MemberSelectTree) expression).getIdentifier().toString();
    }
    if (expression instanceof IdentifierTree) {
      return ((IdentifierTree) expression).getName().toString();
    }
    return null;
  }

  /** A string literal, or a {@code +} of them, evaluated; null for anything else. */
  static String constantString(Tree expression) {
    if (expression instanceof LiteralTree) {
      Object value = ((LiteralTree) expression).getValue();
      return value instanceof String ? (String) value : null;
    }
    if (expression instanceof ParenthesizedTree) {
      return constantString(((ParenthesizedTree) expression).getExpression());
    }
    if (expression instanceof BinaryTree && expression.getKind() == Tree.Kind.PLUS) {
      String left = constantString(((BinaryTree) expression).getLeftOperand());
      String right = constantString(((BinaryTree) expression).getRightOperand());
      return left == null || right == null ? null : left + right;
    }
    return null;
  }
}
