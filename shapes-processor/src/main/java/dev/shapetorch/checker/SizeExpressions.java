package dev.shapetorch.checker;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.ViewRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.checkerframework.common.value.ValueAnnotatedTypeFactory;
import org.checkerframework.common.value.ValueCheckerUtils;
import org.checkerframework.common.value.qual.BoolVal;
import org.checkerframework.common.value.qual.StringVal;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Turns {@code int}/{@code long} expressions at a call site into sizes ({@link DimExpr}), and
 * {@code boolean} ones into known values.
 *
 * <p>A size is, in order of preference: the constant the Value Checker proves ({@code 3}, {@code
 * n} after {@code int n = 3}, {@code 28*28}); the symbol of an effectively final {@code int}
 * parameter, or of a final field of {@code this} ({@code n} inside {@code f(int n)}), combined
 * with {@code + - * / %}; the size of a dim of a tensor whose shape is known ({@code
 * x.size(0)}, {@code x.shape()[0]}), the rank of a tensor whose rank is known ({@code x.dim()})
 * and its number of elements ({@code x.numel()}); the branch a
 * constant condition takes ({@code 1 > 0 ? 5 : 6}); otherwise {@link DimExpr#UNKNOWN}. Symbols
 * are rigid: inside {@code f(int n)}, {@code zeros(n, 4)} has shape {@code [n, 4]}.
 *
 * <p>An effectively final local is the size of its initializer ({@code long b = x.size(0)} of a
 * {@code [4, 2, 3]} tensor is {@code 4}; of a {@code [B, 784]} one, {@code B}), and unknown when
 * its initializer is: a local holds one value the program computed, so a fresh rigid name for it
 * would make a mismatch of a size that may well agree.
 */
final class SizeExpressions {
  /** The tensor class whose {@code long size(int dim)} reads a dim of its receiver's shape. */
  static final String TENSOR = "dev.shapetorch.tensor.Tensor";

  private final ValueAnnotatedTypeFactory values;
  private final Function<ExpressionTree, TensorShape> shapes;
  private final Function<Element, Tree> declarations;
  private final java.util.function.UnaryOperator<DimExpr> symbols;
  /** Locals whose initializer is being read (an initializer cannot name its own local, but). */
  private final Set<Element> reading = new HashSet<>();

  /**
   * @param values the Value Checker's factory
   * @param shapes the static shape of an expression (for {@code x.size(dim)})
   * @param declarations the declaration of a local in the compilation unit, or null
   * @param symbols maps a symbolic size (a parameter's or final field's variable) to the form the
   *     analysis works in (the divisibility facts' working form)
   */
  SizeExpressions(ValueAnnotatedTypeFactory values, Function<ExpressionTree, TensorShape> shapes,
      Function<Element, Tree> declarations, java.util.function.UnaryOperator<DimExpr> symbols) {
    this.values = values;
    this.shapes = shapes;
    this.declarations = declarations;
    this.symbols = symbols;
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

  /** The value of a String expression when the Value Checker knows exactly one, else null. */
  String stringOf(ExpressionTree tree) {
    AnnotatedTypeMirror t = values.getAnnotatedType(tree);
    AnnotationMirror v = t.getPrimaryAnnotation(StringVal.class);
    if (v == null) {
      return null;
    }
    List<String> strings = values.getStringValues(v);
    return strings.size() == 1 ? strings.get(0) : null;
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
    if (t instanceof ConditionalExpressionTree c) {
      Boolean condition = booleanOf(c.getCondition());
      if (condition != null) {
        return sizeOf(condition ? c.getTrueExpression() : c.getFalseExpression());
      }
      DimExpr whenTrue = sizeOf(c.getTrueExpression());
      return whenTrue.equals(sizeOf(c.getFalseExpression())) ? whenTrue : DimExpr.UNKNOWN;
    }
    if (t instanceof MethodInvocationTree call) {
      return sizeOfDim(call);
    }
    if (t instanceof ArrayAccessTree access) {
      return sizeOfShapeElement(access);
    }
    boolean thisField =
        t instanceof MemberSelectTree ms && TreeUtils.isExplicitThisDereference(ms.getExpression());
    if (t instanceof IdentifierTree || thisField) {
      Element e = TreeUtils.elementFromUse(t);
      if (e != null && CallAnalyzer.isIntegral(e.asType())) {
        if (e.getKind() == ElementKind.LOCAL_VARIABLE) {
          return sizeOfLocal(e);
        }
        if (isSymbol(e)) {
          // A parameter @Dim("H") long h is the size H in its method's shapes.
          Dim dim = e.getKind() == ElementKind.PARAMETER ? e.getAnnotation(Dim.class) : null;
          String name = dim != null && !dim.value().isEmpty()
              ? dim.value() : e.getSimpleName().toString();
          return symbols.apply(DimExpr.variable(name));
        }
      }
    }
    return DimExpr.UNKNOWN;
  }

  /** An effectively final local with an initializer: its initializer's size; else unknown. */
  private DimExpr sizeOfLocal(Element local) {
    if (!ElementUtils.isEffectivelyFinal(local) || !reading.add(local)) {
      return DimExpr.UNKNOWN;
    }
    try {
      Tree decl = declarations.apply(local);
      return decl instanceof VariableTree v && v.getInitializer() != null
          ? sizeOf(v.getInitializer())
          : DimExpr.UNKNOWN;
    } finally {
      reading.remove(local);
    }
  }

  /**
   * {@code x.size(dim)} on a tensor: the size of that dim of {@code x}'s static shape ({@code B}
   * for {@code x} of shape {@code [B, 784]} and {@code dim} 0), so that PyTorch's {@code
   * x.view(x.size(0), -1)} keeps its batch size.
   */
  private DimExpr sizeOfDim(MethodInvocationTree call) {
    ExecutableElement m = tensorMethod(call);
    if (m == null) {
      return DimExpr.UNKNOWN;
    }
    ExpressionTree receiver = TreeUtils.getReceiverTree(call);
    if (receiver != null && m.getParameters().isEmpty()) {
      if (m.getSimpleName().contentEquals("dim")) {
        // x.dim(): the rank, where it is known.
        TensorShape shape = shapes.apply(receiver);
        return shape.hasVariadic() ? DimExpr.UNKNOWN : DimExpr.of(shape.rank());
      }
      if (m.getSimpleName().contentEquals("numel")) {
        return ViewRules.numel(shapes.apply(receiver));
      }
    }
    if (!m.getSimpleName().contentEquals("size") || m.getParameters().size() != 1) {
      return DimExpr.UNKNOWN;
    }
    return dimOf(receiver, sizeOf(call.getArguments().get(0)));
  }

  /** {@code x.shape()[d]}: as {@code x.size(d)}. */
  private DimExpr sizeOfShapeElement(ArrayAccessTree access) {
    ExpressionTree array = TreeUtils.withoutParens(access.getExpression());
    if (!(array instanceof MethodInvocationTree call)) {
      return DimExpr.UNKNOWN;
    }
    ExecutableElement m = tensorMethod(call);
    if (m == null || !m.getSimpleName().contentEquals("shape") || !m.getParameters().isEmpty()) {
      return DimExpr.UNKNOWN;
    }
    return dimOf(TreeUtils.getReceiverTree(call), sizeOf(access.getIndex()));
  }

  /** A method of the tensor class called by {@code call}, or null. */
  private static ExecutableElement tensorMethod(MethodInvocationTree call) {
    ExecutableElement m = TreeUtils.elementFromUse(call);
    return m != null && m.getEnclosingElement() instanceof TypeElement owner
        && isTensorOrItsSurface(owner) ? m : null;
  }

  /** Dim {@code dim} of the receiver's static shape, or unknown. */
  private DimExpr dimOf(ExpressionTree receiver, DimExpr dim) {
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

  /** Parameters that never change, and final fields, stand for themselves. */
  private static boolean isSymbol(Element e) {
    ElementKind k = e.getKind();
    if (k == ElementKind.PARAMETER) {
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
