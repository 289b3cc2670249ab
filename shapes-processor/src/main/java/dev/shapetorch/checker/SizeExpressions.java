package dev.shapetorch.checker;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
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
 * combined with {@code + - * / %}; the size of a dim of a tensor whose shape is known ({@code
 * x.size(0)}); otherwise {@link DimExpr#UNKNOWN}. Symbols are rigid: inside
 * {@code f(int n)}, {@code zeros(n, 4)} has shape {@code [n, 4]}.
 */
final class SizeExpressions {
  /** The tensor class whose {@code long size(int dim)} reads a dim of its receiver's shape. */
  static final String TENSOR = "dev.shapetorch.tensor.Tensor";

  private final ValueAnnotatedTypeFactory values;
  private final Function<ExpressionTree, TensorShape> shapes;

  /**
   * @param values the Value Checker's factory
   * @param shapes the static shape of an expression (for {@code x.size(dim)})
   */
  SizeExpressions(ValueAnnotatedTypeFactory values, Function<ExpressionTree, TensorShape> shapes) {
    this.values = values;
    this.shapes = shapes;
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
    if (t instanceof MethodInvocationTree call) {
      return sizeOfDim(call);
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

  /**
   * {@code x.size(dim)} on a tensor: the size of that dim of {@code x}'s static shape ({@code B}
   * for {@code x} of shape {@code [B, 784]} and {@code dim} 0), so that PyTorch's {@code
   * x.view(x.size(0), -1)} keeps its batch size.
   */
  private DimExpr sizeOfDim(MethodInvocationTree call) {
    ExecutableElement m = TreeUtils.elementFromUse(call);
    if (m == null || !m.getSimpleName().contentEquals("size") || m.getParameters().size() != 1
        || !(m.getEnclosingElement() instanceof TypeElement owner)
        || !isTensorOrItsSurface(owner)) {
      return DimExpr.UNKNOWN;
    }
    ExpressionTree receiver = TreeUtils.getReceiverTree(call);
    DimExpr dim = sizeOf(call.getArguments().get(0));
    if (receiver == null || !dim.isConstant()) {
      return DimExpr.UNKNOWN;
    }
    TensorShape shape = shapes.apply(receiver);
    long d = dim.constantValue();
    int rank = shape.rank();
    if (shape.hasVariadic()) {
      return d < 0 && d >= -rank ? shape.dim((int) (rank + d)) : DimExpr.UNKNOWN;
    }
    return d >= -rank && d < rank ? shape.dim((int) (d < 0 ? d + rank : d)) : DimExpr.UNKNOWN;
  }

  /** Parameters and locals that never change, and final fields, stand for themselves. */
  private static boolean isSymbol(Element e) {
    ElementKind k = e.getKind();
    if (k == ElementKind.PARAMETER || k == ElementKind.LOCAL_VARIABLE) {
      return ElementUtils.isEffectivelyFinal(e);
    }
    return k == ElementKind.FIELD && ElementUtils.isFinal(e);
  }


  /**
   * {@code Tensor}, or the package-private class its state and accessors such as {@code size(int)}
   * are declared in (its superclass {@code TensorCore}: {@code Tensor} itself is generated).
   */
  private static boolean isTensorOrItsSurface(TypeElement owner) {
    return owner.getQualifiedName().contentEquals(TENSOR)
        || owner.getQualifiedName().contentEquals(TENSOR + "Core");
  }
}
