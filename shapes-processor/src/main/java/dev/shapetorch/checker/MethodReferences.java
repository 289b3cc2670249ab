package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Method references to {@code @Shape} signature ops, checked against the shapes the functional
 * interface's type declares for them: {@code Function<@Shape({"N", "5"}) Tensor, Tensor> f =
 * fc::forward} with {@code fc} a {@code Linear(4, 2)} is a mismatch, as the call {@code
 * fc.forward(x)} of a {@code [N, 5]} tensor would be. Only the tensor arguments are compared (an
 * {@code int} argument is unknown until the call); a reference to a {@code @ShapeRule} op, a
 * constructor or a varargs method is not checked, nor is anything where the interface's types
 * carry no shape (the usual {@code Function<Tensor, Tensor>}).
 */
final class MethodReferences {
  private MethodReferences() {}

  /** The mismatch of a method reference, or null when it agrees or nothing is known. */
  static ShapeMismatch check(ShapeAnnotatedTypeFactory factory, MemberReferenceTree tree) {
    if (tree.getMode() != MemberReferenceTree.ReferenceMode.INVOKE) {
      return null;
    }
    Element e = TreeUtils.elementFromUse(tree);
    if (!(e instanceof ExecutableElement target) || target.getKind() != ElementKind.METHOD
        || target.isVarArgs() || target.getAnnotation(ShapeRule.class) != null) {
      return null;
    }
    CallAnalyzer analyzer = factory.analyzer();
    AnnotatedExecutableType declared = factory.getAnnotatedType(target);
    if (!analyzer.isShapeOp(declared)) {
      return null;
    }
    List<AnnotatedTypeMirror> fnParams =
        factory.getFnInterfaceFromTree(tree).functionType().getParameterTypes();
    List<AnnotatedTypeMirror> formals = declared.getParameterTypes();
    ExpressionTree qualifier = tree.getQualifierExpression();
    boolean isStatic = ElementUtils.isStatic(target);
    boolean unbound = !isStatic && TreeUtils.elementFromUse(qualifier) instanceof TypeElement
        && fnParams.size() == formals.size() + 1;
    int offset = unbound ? 1 : 0;
    if (fnParams.size() != formals.size() + offset) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<TensorShape> patterns = new ArrayList<>();
    List<TensorShape> actuals = new ArrayList<>();
    if (!isStatic && declared.getReceiverType() != null) {
      TensorShape p = analyzer.pattern(declared.getReceiverType());
      if (p != null) {
        names.add("this");
        patterns.add(p);
        actuals.add(unbound ? factory.shapeOfType(fnParams.get(0))
            : factory.shapeOfExpression(qualifier));
      }
    }
    for (int i = 0; i < formals.size(); i++) {
      TensorShape p = analyzer.pattern(formals.get(i));
      if (p != null) {
        names.add(target.getParameters().get(i).getSimpleName().toString());
        patterns.add(p);
        actuals.add(factory.shapeOfType(fnParams.get(offset + i)));
      }
    }
    if (actuals.stream().allMatch(ShapeQualifiers::isUnknownRank)) {
      return null;
    }
    Set<String> calleeVars = new LinkedHashSet<>();
    patterns.forEach(p -> CallAnalyzer.collectVariables(p, calleeVars));
    Map<String, DimExpr> initial = new LinkedHashMap<>();
    Map<String, DimExpr> constants = analyzer.constantsOf(target.getEnclosingElement());
    for (String v : calleeVars) {
      if (constants.containsKey(v)) {
        initial.put(v, constants.get(v));
      }
    }
    Set<String> callerVars = new LinkedHashSet<>();
    actuals.forEach(a -> CallAnalyzer.collectVariables(a, callerVars));
    Map<String, String> renames =
        CallAnalyzer.renamesApart(calleeVars, initial.keySet(), callerVars);
    if (!renames.isEmpty()) {
      patterns.replaceAll(p -> CallAnalyzer.rename(p, renames));
      Map<String, DimExpr> renamed = new LinkedHashMap<>();
      initial.forEach((k, v) -> renamed.put(renames.getOrDefault(k, k), v));
      initial = renamed;
    }
    String op = target.getEnclosingElement().getSimpleName() + "::" + target.getSimpleName();
    ShapeResult<Bindings> unified =
        Unifier.unifyAll(op, names, patterns, actuals, Bindings.of(initial));
    return unified.isOk() ? null : unified.mismatch();
  }
}
