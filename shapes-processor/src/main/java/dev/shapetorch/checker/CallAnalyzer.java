package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.DivisibilityFacts;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.rules.Unifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedArrayType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Checks one call of a shape op and computes its result's shape, by asking the algebra: a
 * {@code @Shape} signature is unified per call ({@link Unifier}, then {@link
 * Bindings#instantiate}); a {@code @ShapeRule} op runs its rule ({@link RuleCall}), whose result
 * is the call's unless the op also declares a {@code @Shape} result (then the rule is a
 * precondition and the signature gives the result).
 *
 * <p>A method or constructor is a shape op when it carries {@code @ShapeRule} or a {@code
 * @Shape} on its result, receiver or a parameter. Its shape variables are instantiated afresh
 * at every call (renamed apart from the caller's where names clash); its {@code int}
 * parameters named by {@code @Dim} or by a shape of the signature are bound to the sizes of the
 * arguments ({@link SizeExpressions}), its {@code boolean} {@code @Dim} parameters to 1 or 0; constant fields of its class named in its shapes are
 * bound to their values.
 */
final class CallAnalyzer {
  private final ShapeAnnotatedTypeFactory factory;
  private final ShapeQualifiers q;
  /** Per class, its integral constants (own and inherited), computed once. */
  private final Map<Element, Map<String, DimExpr>> constants = new HashMap<>();

  CallAnalyzer(ShapeAnnotatedTypeFactory factory, ShapeQualifiers q) {
    this.factory = factory;
    this.q = q;
  }

  /** True if the declaration makes its calls shape-checked. */
  boolean isShapeOp(AnnotatedExecutableType declared) {
    if (declared.getElement().getAnnotation(ShapeRule.class) != null) {
      return true;
    }
    if (pattern(declared.getReturnType()) != null) {
      return true;
    }
    if (declared.getReceiverType() != null && pattern(declared.getReceiverType()) != null) {
      return true;
    }
    for (AnnotatedTypeMirror p : declared.getParameterTypes()) {
      if (pattern(p) != null || (p instanceof AnnotatedArrayType a
          && pattern(a.getComponentType()) != null)) {
        return true;
      }
      if (SampleShapes.isSample(p.getPrimaryAnnotationInHierarchy(q.top))) {
        return true; // a @SampleShape parameter is a pair of patterns
      }
    }
    return false;
  }

  /**
   * Checks a call of a shape op. Never throws: a failure of the checker itself comes back as
   * {@link CallShape#internal}.
   */
  CallShape analyze(CallSite call) {
    try {
      ShapeRule rule = call.callee().getAnnotation(ShapeRule.class);
      if (rule == null) {
        return unify(call);
      }
      CallShape ruled = new RuleCall(factory, call, rule).apply();
      if (!ruled.isOk() || pattern(call.declared().getReturnType()) == null) {
        return ruled;
      }
      // A rule plus a declared result: the rule checks the inputs, the signature gives the result.
      CallShape declared = unify(call);
      return declared.isOk() ? CallShape.ok(declared.result(), ruled.unknownInputs()) : declared;
    } catch (RuntimeException | StackOverflowError e) {
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      return CallShape.internal(e.getClass().getSimpleName() + why);
    }
  }

  private CallShape unify(CallSite call) {
    AnnotatedExecutableType declared = call.declared();
    ExecutableElement callee = call.callee();
    List<String> names = new ArrayList<>();
    List<TensorShape> patterns = new ArrayList<>();
    List<TensorShape> actuals = new ArrayList<>();
    List<ExpressionTree> unknown = new ArrayList<>();

    if (call.tree() instanceof MethodInvocationTree mit && !ElementUtils.isStatic(callee)
        && declared.getReceiverType() != null) {
      TensorShape p = pattern(declared.getReceiverType());
      if (p != null) {
        names.add("this");
        patterns.add(p);
        TensorShape actual = factory.receiverShape(mit);
        actuals.add(actual);
        noteUnknown(actual, receiverTree(mit), unknown);
      }
    }
    List<? extends VariableElement> params = callee.getParameters();
    List<AnnotatedTypeMirror> formals = declared.getParameterTypes();
    Map<String, DimExpr> sizes = new LinkedHashMap<>();
    Map<String, Boolean> dimParams = new HashMap<>();
    for (int i = 0; i < params.size() && i < formals.size(); i++) {
      VariableElement param = params.get(i);
      AnnotatedTypeMirror formal = formals.get(i);
      boolean last = i == params.size() - 1;
      if (last && callee.isVarArgs() && call.expandedVarargs()) {
        TensorShape p =
            formal instanceof AnnotatedArrayType a ? pattern(a.getComponentType()) : null;
        for (int j = i; p != null && j < call.args().size(); j++) {
          ExpressionTree arg = call.args().get(j);
          names.add(param.getSimpleName() + "[" + (j - i) + "]");
          patterns.add(p);
          TensorShape actual = factory.shapeOfExpression(arg);
          actuals.add(actual);
          noteUnknown(actual, arg, unknown);
        }
        continue;
      }
      if (i >= call.args().size()) {
        break;
      }
      ExpressionTree arg = call.args().get(i);
      TensorShape p = pattern(formal);
      AnnotationMirror pair = formal.getPrimaryAnnotationInHierarchy(q.top);
      if (p == null && SampleShapes.isSample(pair)) {
        // A @SampleShape parameter: its input and its target are two patterns.
        AnnotationMirror actual =
            factory.getAnnotatedType(arg).getPrimaryAnnotationInHierarchy(q.top);
        boolean known = SampleShapes.isSample(actual);
        String pn = param.getSimpleName().toString();
        names.add(pn + ".input()");
        patterns.add(q.samples.input(pair));
        actuals.add(known ? q.samples.input(actual) : TensorShape.unknownRank());
        names.add(pn + ".target()");
        patterns.add(q.samples.target(pair));
        actuals.add(known ? q.samples.target(actual) : TensorShape.unknownRank());
        if (!known) {
          unknown.add(arg);
        }
      } else if (p != null) {
        names.add(param.getSimpleName().toString());
        patterns.add(p);
        TensorShape actual = factory.shapeOfExpression(arg);
        actuals.add(actual);
        noteUnknown(actual, arg, unknown);
      } else if (isIntegral(param.asType())) {
        Dim dim = param.getAnnotation(Dim.class);
        String name = dim == null || dim.value().isEmpty()
            ? param.getSimpleName().toString() : dim.value();
        sizes.put(name, factory.sizes().sizeOf(arg));
        dimParams.put(name, dim != null);
      } else if (param.asType().getKind() == TypeKind.BOOLEAN
          && param.getAnnotation(Dim.class) != null) {
        // A boolean @Dim (MaxPool2d's ceilMode) is 1 or 0 in the type; unknown if not constant.
        Dim dim = param.getAnnotation(Dim.class);
        String name = dim.value().isEmpty() ? param.getSimpleName().toString() : dim.value();
        Boolean b = factory.sizes().booleanOf(arg);
        sizes.put(name, b == null ? DimExpr.UNKNOWN : DimExpr.of(b ? 1 : 0));
        dimParams.put(name, true);
      }
    }
    TensorShape result = pattern(declared.getReturnType());

    Set<String> calleeVars = new LinkedHashSet<>();
    for (TensorShape p : patterns) {
      collectVariables(p, calleeVars);
    }
    if (result != null) {
      collectVariables(result, calleeVars);
    }
    DivisibilityFacts calleeFacts = factory.factsOf(callee);
    for (DivisibilityFacts.Fact f : calleeFacts.facts()) {
      calleeVars.addAll(f.dividend().variables());
      calleeVars.addAll(f.divisor().variables());
    }
    Map<String, DimExpr> initial = new LinkedHashMap<>();
    for (Map.Entry<String, DimExpr> e : sizes.entrySet()) {
      if (dimParams.get(e.getKey()) || calleeVars.contains(e.getKey())) {
        initial.put(e.getKey(), e.getValue());
      }
    }
    for (String v : calleeVars) {
      if (!initial.containsKey(v)) {
        DimExpr constant = constantField(callee, v);
        if (constant != null) {
          initial.put(v, constant);
        }
      }
    }

    Set<String> callerVars = new LinkedHashSet<>();
    for (TensorShape a : actuals) {
      collectVariables(a, callerVars);
    }
    for (DimExpr d : initial.values()) {
      callerVars.addAll(d.variables());
    }
    Map<String, String> renames = renamesApart(calleeVars, initial.keySet(), callerVars);
    if (!renames.isEmpty()) {
      patterns.replaceAll(p -> rename(p, renames));
      result = result == null ? null : rename(result, renames);
      Map<String, DimExpr> renamed = new LinkedHashMap<>();
      initial.forEach((k, v) -> renamed.put(renames.getOrDefault(k, k), v));
      initial = renamed;
    }

    ShapeResult<Bindings> unified =
        Unifier.unifyAll(call.op(), names, patterns, actuals, Bindings.of(initial));
    if (!unified.isOk()) {
      return CallShape.failed(unified.mismatch());
    }
    if (!calleeFacts.isEmpty()) {
      Set<String> open = new HashSet<>();
      for (String v : calleeVars) {
        open.add(renames.getOrDefault(v, v));
      }
      ShapeMismatch broken = DivisibilityPreconditions.check(call.op(), callee, calleeFacts,
          renames, unified.value(), open, factory.activeFacts());
      if (broken != null) {
        return CallShape.failed(broken);
      }
    }
    return CallShape.ok(result == null ? null : unified.value().instantiate(result), unknown);
  }

  /** The declared {@code @Shape} of a type, or null when it has none (or does not parse). */
  TensorShape pattern(AnnotatedTypeMirror type) {
    AnnotationMirror a = type.getPrimaryAnnotationInHierarchy(q.top);
    if (a == null || !q.isShape(a)) {
      return null;
    }
    TensorShape s = q.shapeOf(a);
    return ShapeQualifiers.isUnknownRank(s) && !q.strings(a).equals(List.of("...")) ? null : s;
  }

  void noteUnknown(TensorShape actual, ExpressionTree where, List<ExpressionTree> unknown) {
    if (where != null && ShapeQualifiers.isUnknownRank(actual)) {
      unknown.add(where);
    }
  }

  private static ExpressionTree receiverTree(MethodInvocationTree mit) {
    return TreeUtils.getReceiverTree(mit);
  }

  /**
   * The value of a constant field named {@code name} in the callee's class, its own or inherited
   * from a superclass or interface, or null.
   */
  private DimExpr constantField(ExecutableElement callee, String name) {
    return constantsOf(callee.getEnclosingElement()).get(name);
  }

  /** The integral compile-time constants a class declares or inherits, by name (cached). */
  Map<String, DimExpr> constantsOf(Element owner) {
    return constants.computeIfAbsent(owner, this::integralConstants);
  }

  /** The integral compile-time constants a class declares or inherits, by name. */
  private Map<String, DimExpr> integralConstants(Element owner) {
    if (!(owner instanceof TypeElement type) || !(owner.getKind().isClass()
        || owner.getKind().isInterface())) {
      return Map.of(); // a primitive's pseudo-class (boolean.class) has no members at all
    }
    // Its own first: a field hides an inherited one of the same name.
    List<Element> members = new ArrayList<>();
    try {
      members.addAll(type.getEnclosedElements());
      members.addAll(factory.getProcessingEnv().getElementUtils().getAllMembers(type));
    } catch (RuntimeException incompleteClass) {
      // A class javac could not complete: it names no constants the checker can use.
    }
    Map<String, DimExpr> out = new HashMap<>();
    for (Element e : members) {
      if (e.getKind() == ElementKind.FIELD
          && ((VariableElement) e).getConstantValue() instanceof Number n
          && !(n instanceof Double || n instanceof Float)) {
        out.putIfAbsent(e.getSimpleName().toString(), DimExpr.of(n.longValue()));
      }
    }
    return out;
  }

  /** Callee variables that also occur on the caller's side get a fresh name ({@code B'}). */
  static Map<String, String> renamesApart(
      Set<String> calleeVars, Set<String> boundNames, Set<String> callerVars) {
    Map<String, String> renames = new HashMap<>();
    Set<String> all = new LinkedHashSet<>(calleeVars);
    all.addAll(boundNames);
    for (String v : all) {
      if (callerVars.contains(v)) {
        String fresh = v + "'";
        while (callerVars.contains(fresh) || all.contains(fresh)) {
          fresh += "'";
        }
        renames.put(v, fresh);
      }
    }
    return renames;
  }

  static TensorShape rename(TensorShape s, Map<String, String> renames) {
    Map<String, DimExpr> subst = new HashMap<>();
    renames.forEach((from, to) -> subst.put(from, DimExpr.variable(to)));
    List<DimExpr> dims = new ArrayList<>(s.rank());
    for (DimExpr d : s.dims()) {
      dims.add(d.substitute(subst));
    }
    String v = s.variadic();
    return TensorShape.of(v == null ? null : renames.getOrDefault(v, v), dims);
  }

  static void collectVariables(TensorShape s, Set<String> out) {
    if (s.hasVariadic() && !s.variadic().equals(TensorShape.ANONYMOUS_VARIADIC)) {
      out.add(s.variadic());
    }
    for (DimExpr d : s.dims()) {
      out.addAll(d.variables());
    }
  }

  static boolean isIntegral(TypeMirror t) {
    TypeKind k = t.getKind();
    if (k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.SHORT || k == TypeKind.BYTE) {
      return true;
    }
    String name = t.toString();
    return name.equals("java.lang.Integer") || name.equals("java.lang.Long");
  }
}
