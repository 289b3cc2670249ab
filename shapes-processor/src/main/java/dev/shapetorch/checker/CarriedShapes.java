package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;
import org.checkerframework.javacutil.TypesUtils;

/**
 * Calls that are not shape ops but hand on a shape the checker already knows, so that it is not
 * lost on the way to the next op:
 *
 * <ul>
 *   <li>{@code values()} and {@code indices()} of a {@code ValuesAndIndices} ({@code
 *       x.max(1).values()}, {@code x.topk(3, 1).indices()}): the op gives the record the shape
 *       that both its tensors have, and its {@code @DTypeEffect} the dtype of the values, which
 *       {@code values()} hands on ({@code indices()} is declared {@code int64});
 *   <li>the tensor methods that return the tensor itself ({@code requiresGrad_(true)}, {@code
 *       retain()}, {@code zeroGrad_()}...) or its gradient ({@code grad()}): the receiver's
 *       shape;
 *   <li>{@code get(i)}, {@code getFirst()} and {@code getLast()} of an effectively final local
 *       {@code List} whose element type says nothing ({@code var parts = x.split(4, 0);
 *       parts.get(0)}): the element shape of the list it was initialized with (a local's
 *       declared type argument is not refined by the dataflow analysis, only its own qualifier);
 *       of a {@code split} or {@code chunk} with constant sizes and a constant index, in place
 *       or in a local, the exact piece ({@code x.split(2, 0).get(2)} of a {@code [5, 3]} is
 *       {@code [1, 3]});
 *   <li>a ShapeTorch method that returns its argument ({@code WeightNorm.weightNorm(new
 *       Linear(784, 128))}, a type variable in and out, {@link #passedThrough}): the argument's
 *       shape.
 * </ul>
 */
final class CarriedShapes {
  /** The record of {@code max(dim)}, {@code topk}, {@code sort}: two tensors of one shape. */
  static final String VALUES_AND_INDICES = "dev.shapetorch.tensor.ValuesAndIndices";

  private static final Set<String> LIST_ELEMENT = Set.of("get", "getFirst", "getLast");

  /** Tensor methods that return the tensor itself, or its gradient (of its shape). */
  private static final Set<String> SAME_TENSOR =
      Set.of("retain", "requiresGrad_", "zeroGrad_", "clearGrad_", "retainGrad", "grad");

  private CarriedShapes() {}

  /** Puts the carried shape, if any, on the call's (not yet substituted) result type. */
  static void apply(
      ShapeAnnotatedTypeFactory f, MethodInvocationTree call, AnnotatedExecutableType type) {
    ExecutableElement m = type.getElement();
    AnnotatedTypeMirror ret = type.getReturnType();
    int passed = passedThrough(m);
    if (passed >= 0 && passed < call.getArguments().size()) {
      AnnotationMirror a = f.getAnnotatedType(call.getArguments().get(passed))
          .getPrimaryAnnotationInHierarchy(f.qualifiers().top);
      if (a != null && f.qualifiers().isShape(a)) {
        ret.replaceAnnotation(a);
      }
      return;
    }
    if (ret.getKind() == TypeKind.VOID || ElementUtils.isStatic(m)
        || !(m.getEnclosingElement() instanceof TypeElement owner)) {
      return;
    }
    ShapeQualifiers q = f.qualifiers();
    AnnotationMirror carried = null;
    if (owner.getQualifiedName().contentEquals(VALUES_AND_INDICES)
        && m.getParameters().isEmpty()
        && TypesUtils.isDeclaredOfName(m.getReturnType(), SizeExpressions.TENSOR)) {
      AnnotatedTypeMirror receiver = f.getReceiverType(call);
      carried = receiver == null ? null : receiver.getPrimaryAnnotationInHierarchy(q.top);
      // The record's dtype is its values' (the op's @DTypeEffect); indices() declares int64.
      AnnotationMirror dtype = receiver == null || !m.getSimpleName().contentEquals("values")
          ? null : receiver.getPrimaryAnnotationInHierarchy(f.dtypes().top);
      if (dtype != null) {
        ret.replaceAnnotation(dtype);
      }
    } else if (SAME_TENSOR.contains(m.getSimpleName().toString())
        && (owner.getQualifiedName().contentEquals(SizeExpressions.TENSOR)
            || owner.getQualifiedName().contentEquals(SizeExpressions.TENSOR + "Core"))
        && TypesUtils.isDeclaredOfName(m.getReturnType(), SizeExpressions.TENSOR)) {
      AnnotatedTypeMirror receiver = f.getReceiverType(call);
      carried = receiver == null ? null : receiver.getPrimaryAnnotationInHierarchy(q.top);
    } else if (LIST_ELEMENT.contains(m.getSimpleName().toString())
        && owner.getQualifiedName().contentEquals("java.util.List")) {
      ExpressionTree list = TreeUtils.getReceiverTree(call);
      carried = pieceOf(f, call, list);
      if (carried == null) {
        carried = elementOfLocalList(f, list);
      }
    }
    if (carried != null && q.isShape(carried)) {
      ret.replaceAnnotation(carried);
    }
  }

  /**
   * The parameter whose argument a ShapeTorch method returns as it is, by its signature: a
   * method of a {@code dev.shapetorch} class whose return type is a type variable that is the
   * declared type of exactly one parameter ({@code <M extends Module> M weightNorm(M module)});
   * -1 for any other method.
   */
  static int passedThrough(ExecutableElement m) {
    if (m == null || m.getReturnType().getKind() != TypeKind.TYPEVAR
        || !(m.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().toString().startsWith("dev.shapetorch.")) {
      return -1;
    }
    int found = -1;
    List<? extends javax.lang.model.element.VariableElement> params = m.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).asType().getKind() == TypeKind.TYPEVAR
          && ((javax.lang.model.type.TypeVariable) params.get(i).asType()).asElement()
              .equals(((javax.lang.model.type.TypeVariable) m.getReturnType()).asElement())) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * The shape of the piece that {@code get(i)} (a constant {@code i}), {@code getFirst()} or
   * {@code getLast()} takes from the result of a {@code split} or {@code chunk} call, written
   * in place ({@code x.split(2, 0).get(1)}) or in an effectively final local's initializer, when
   * the algebra knows every piece ({@link Rule#pieces}): the last piece of an uneven split is
   * smaller. Null otherwise, and for an index out of range (the list's {@code get} throws {@code
   * IndexOutOfBoundsException} there, which is no shape error).
   */
  private static AnnotationMirror pieceOf(
      ShapeAnnotatedTypeFactory f, MethodInvocationTree get, ExpressionTree list) {
    ExpressionTree source = list == null ? null : TreeUtils.withoutParens(list);
    if (source instanceof IdentifierTree) {
      Element local = TreeUtils.elementFromUse(source);
      if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE
          || !ElementUtils.isEffectivelyFinal(local)
          || !(f.declarationFromElement(local) instanceof VariableTree v)
          || v.getInitializer() == null) {
        return null;
      }
      source = TreeUtils.withoutParens(v.getInitializer());
    }
    if (!(source instanceof MethodInvocationTree split)) {
      return null;
    }
    ExecutableElement callee = TreeUtils.elementFromUse(split);
    ShapeRule rule = callee == null ? null : callee.getAnnotation(ShapeRule.class);
    if (rule == null || (rule.value() != Rule.SPLIT && rule.value() != Rule.CHUNK)) {
      return null;
    }
    CallSite site = CallSite.of(split, (AnnotatedExecutableType) f.getAnnotatedType(callee));
    List<TensorShape> pieces = site == null ? List.of() : new RuleCall(f, site, rule).pieces();
    if (pieces.isEmpty()) {
      return null;
    }
    long index;
    String name = TreeUtils.methodName(get).toString();
    if (name.equals("getFirst")) {
      index = 0;
    } else if (name.equals("getLast")) {
      index = pieces.size() - 1;
    } else {
      DimExpr i = get.getArguments().size() == 1
          ? f.sizes().sizeOf(get.getArguments().get(0)) : DimExpr.UNKNOWN;
      if (!i.isConstant()) {
        return null;
      }
      index = i.constantValue();
    }
    return index >= 0 && index < pieces.size()
        ? f.qualifiers().toAnnotation(pieces.get((int) index)) : null;
  }

  /**
   * The element qualifier of the list an effectively final local was initialized with, when the
   * local's own element type is unknown; else null.
   */
  private static AnnotationMirror elementOfLocalList(
      ShapeAnnotatedTypeFactory f, ExpressionTree receiver) {
    if (!(receiver instanceof IdentifierTree)) {
      return null;
    }
    Element local = TreeUtils.elementFromUse(receiver);
    if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE
        || !ElementUtils.isEffectivelyFinal(local)) {
      return null;
    }
    ShapeQualifiers q = f.qualifiers();
    AnnotationMirror own = elementQualifier(f.getAnnotatedType(local), q);
    if (own != null && !q.isTop(own)) {
      return null;
    }
    Tree decl = f.declarationFromElement(local);
    if (!(decl instanceof VariableTree v) || v.getInitializer() == null) {
      return null;
    }
    return elementQualifier(f.getAnnotatedType(v.getInitializer()), q);
  }

  private static AnnotationMirror elementQualifier(AnnotatedTypeMirror t, ShapeQualifiers q) {
    if (t instanceof AnnotatedDeclaredType d && d.getTypeArguments().size() == 1) {
      return d.getTypeArguments().get(0).getPrimaryAnnotationInHierarchy(q.top);
    }
    return null;
  }
}
