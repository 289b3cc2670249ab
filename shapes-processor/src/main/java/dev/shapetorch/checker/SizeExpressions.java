package dev.shapetorch.checker;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.shapetorch.shapes.rules.DimExpr;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.checkerframework.common.value.ValueAnnotatedTypeFactory;
import org.checkerframework.common.value.ValueCheckerUtils;
import org.checkerframework.common.value.qual.BoolVal;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Turns {@code int}/{@code long} expressions at a call site into sizes ({@link DimExpr}), and
 * {@code boolean} ones into known values.
 *
 * <p>A size is, in order of preference: the constant the Value Checker proves ({@code 3}, {@code
 * n} after {@code int n = 3}, {@code 28*28}); the symbol of an effectively final {@code int}
 * parameter or local, or of a final field of {@code this} ({@code n} inside {@code f(int n)}),
 * combined with {@code + - * / %}; otherwise {@link DimExpr#UNKNOWN}. Symbols are rigid: inside
 * {@code f(int n)}, {@code zeros(n, 4)} has shape {@code [n, 4]}.
 */
final class SizeExpressions {
  private final ValueAnnotatedTypeFactory values;

  SizeExpressions(ValueAnnotatedTypeFactory values) {
    this.values = values;
  }

  /** The size an int expression denotes, or {@link DimExpr#UNKNOWN}. */
  DimExpr sizeOf(ExpressionTree tree) {
    try {
      return compute(tree);
    } catch (ArithmeticException overflowOrDivisionByZero) {
      return DimExpr.UNKNOWN;
    }
  }

  /** The value of a boolean expression, or null when not known. */
  Boolean booleanOf(ExpressionTree tree) {
    AnnotatedTypeMirror t = values.getAnnotatedType(tree);
    AnnotationMirror b = t.getPrimaryAnnotation(BoolVal.class);
    return b == null ? null : values.getBooleanValue(b);
  }

  private DimExpr compute(ExpressionTree tree) {
    Long exact = ValueCheckerUtils.getExactValue(tree, values);
    if (exact != null) {
      return DimExpr.of(exact);
    }
    ExpressionTree t = TreeUtils.withoutParens(tree);
    if (t instanceof TypeCastTree cast) {
      return CallAnalyzer.isIntegral(TreeUtils.typeOf(cast))
          ? sizeOf(cast.getExpression())
          : DimExpr.UNKNOWN;
    }
    if (t instanceof UnaryTree u) {
      return switch (u.getKind()) {
        case UNARY_MINUS -> DimExpr.of(0).minus(sizeOf(u.getExpression()));
        case UNARY_PLUS -> sizeOf(u.getExpression());
        default -> DimExpr.UNKNOWN;
      };
    }
    if (t instanceof BinaryTree b) {
      if (!CallAnalyzer.isIntegral(TreeUtils.typeOf(b))) {
        return DimExpr.UNKNOWN;
      }
      DimExpr l = sizeOf(b.getLeftOperand());
      DimExpr r = sizeOf(b.getRightOperand());
      return switch (b.getKind()) {
        case PLUS -> l.plus(r);
        case MINUS -> l.minus(r);
        case MULTIPLY -> l.times(r);
        case DIVIDE -> r.isConstant() && r.constantValue() == 0 ? DimExpr.UNKNOWN : l.floorDiv(r);
        case REMAINDER -> r.isConstant() && r.constantValue() == 0 ? DimExpr.UNKNOWN : l.mod(r);
        default -> DimExpr.UNKNOWN;
      };
    }
    boolean thisField =
        t instanceof MemberSelectTree ms && TreeUtils.isExplicitThisDereference(ms.getExpression());
    if (t instanceof IdentifierTree || thisField) {
      Element e = TreeUtils.elementFromUse(t);
      if (e != null && CallAnalyzer.isIntegral(e.asType()) && isSymbol(e)) {
        return DimExpr.variable(e.getSimpleName().toString());
      }
    }
    return DimExpr.UNKNOWN;
  }

  /** Parameters and locals that never change, and final fields, stand for themselves. */
  private static boolean isSymbol(Element e) {
    ElementKind k = e.getKind();
    if (k == ElementKind.PARAMETER || k == ElementKind.LOCAL_VARIABLE) {
      return ElementUtils.isEffectivelyFinal(e);
    }
    return k == ElementKind.FIELD && ElementUtils.isFinal(e);
  }

}
