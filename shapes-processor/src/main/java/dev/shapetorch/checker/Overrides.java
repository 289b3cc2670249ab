package dev.shapetorch.checker;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.framework.util.AnnotatedTypes;
import org.checkerframework.javacutil.ElementUtils;

/**
 * Shapes and overriding. An override that declares no shape at a position (its result, receiver
 * or a parameter) inherits the {@code @Shape} of the method it overrides there, so calls through
 * a subclass keep the contract (the nearest overridden method that declares one wins). An
 * override that declares its own must keep the overridden method's contract: its result may
 * only be more precise (covariant), its parameters may only accept more (contravariant). An
 * overridden method without a shape at a position promises nothing there, so any override is
 * allowed.
 */
final class Overrides {
  /** Positions in {@link #declaredPositions}: the result, the receiver, then the parameters. */
  private static final int RESULT = 0;
  private static final int RECEIVER = 1;
  private static final int FIRST_PARAMETER = 2;

  private final ShapeAnnotatedTypeFactory factory;
  private final ShapeQualifiers q;
  private final Map<ExecutableElement, List<ExecutableElement>> overriddenCache = new HashMap<>();

  Overrides(ShapeAnnotatedTypeFactory factory, ShapeQualifiers q) {
    this.factory = factory;
    this.q = q;
  }

  /**
   * Which positions of a method's type carry a shape qualifier as written (read before
   * defaults are applied): result, receiver, then each parameter.
   */
  static boolean[] declaredPositions(AnnotatedExecutableType t, ShapeQualifiers q) {
    List<AnnotatedTypeMirror> ps = t.getParameterTypes();
    boolean[] own = new boolean[FIRST_PARAMETER + ps.size()];
    own[RESULT] = t.getReturnType().getPrimaryAnnotationInHierarchy(q.top) != null;
    own[RECEIVER] = t.getReceiverType() == null
        || t.getReceiverType().getPrimaryAnnotationInHierarchy(q.top) != null;
    for (int i = 0; i < ps.size(); i++) {
      own[FIRST_PARAMETER + i] = ps.get(i).getPrimaryAnnotationInHierarchy(q.top) != null;
    }
    return own;
  }

  /** Gives the positions the method does not declare the shapes of the methods it overrides. */
  void inherit(ExecutableElement method, AnnotatedExecutableType type, boolean[] own) {
    if (ElementUtils.isStatic(method) || method.getKind() != ElementKind.METHOD
        || allDeclared(own)) {
      return;
    }
    boolean[] filled = own.clone();
    try {
      for (ExecutableElement overridden : overridden(method)) {
        AnnotatedExecutableType sup = factory.getAnnotatedType(overridden);
        copy(sup.getReturnType(), type.getReturnType(), filled, RESULT);
        if (sup.getReceiverType() != null && type.getReceiverType() != null) {
          copy(sup.getReceiverType(), type.getReceiverType(), filled, RECEIVER);
        }
        List<AnnotatedTypeMirror> from = sup.getParameterTypes();
        List<AnnotatedTypeMirror> to = type.getParameterTypes();
        for (int i = 0; i < from.size() && i < to.size(); i++) {
          copy(from.get(i), to.get(i), filled, FIRST_PARAMETER + i);
        }
      }
    } catch (RuntimeException incomplete) {
      // A supertype javac could not complete: nothing is inherited, calls are checked as written.
    }
  }

  private static boolean allDeclared(boolean[] own) {
    for (boolean b : own) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The methods {@code method} overrides, found once per method: a method's type is built at
   * every call, and walking its supertypes each time would cost more than the rest of the check.
   */
  private List<ExecutableElement> overridden(ExecutableElement method) {
    List<ExecutableElement> known = overriddenCache.get(method);
    if (known == null) {
      known = List.copyOf(AnnotatedTypes.overriddenMethods(
          factory.getElementUtils(), factory, method).values());
      overriddenCache.put(method, known);
    }
    return known;
  }

  private void copy(AnnotatedTypeMirror from, AnnotatedTypeMirror to, boolean[] filled, int at) {
    if (at >= filled.length || filled[at]) {
      return;
    }
    AnnotationMirror a = from.getPrimaryAnnotationInHierarchy(q.top);
    if (a != null && q.isShape(a)) {
      to.replaceAnnotation(a);
      filled[at] = true;
    }
  }

  /**
   * One way an override breaks the overridden method's contract.
   *
   * @param parameter the parameter's index, or -1 for the result
   * @param detail the message's detail
   */
  record Conflict(int parameter, String detail) {}

  /**
   * How an override's declared shapes break the overridden method's contract; empty when they
   * keep it (or when either side leaves a position unknown).
   */
  List<Conflict> conflicts(
      AnnotatedExecutableType overrider,
      String overriddenName,
      AnnotatedExecutableType overridden) {
    CallAnalyzer analyzer = factory.analyzer();
    List<Conflict> out = new ArrayList<>();
    TensorShape childResult = analyzer.pattern(overrider.getReturnType());
    TensorShape parentResult = analyzer.pattern(overridden.getReturnType());
    if (childResult != null && parentResult != null) {
      String why = ShapeLattice.overrideResultConflict(childResult, parentResult);
      if (why != null) {
        out.add(new Conflict(-1, "returns " + childResult + ", where " + overriddenName
            + ", which it overrides, promises " + parentResult + " (" + why
            + "); an override's result may only be more precise: declare "
            + parentResult + " or a shape within it, or leave the @Shape out to inherit it"));
      }
    }
    Set<String> bound = boundVariables(overridden);
    List<AnnotatedTypeMirror> cs = overrider.getParameterTypes();
    List<AnnotatedTypeMirror> ps = overridden.getParameterTypes();
    List<? extends VariableElement> names = overrider.getElement().getParameters();
    for (int i = 0; i < cs.size() && i < ps.size(); i++) {
      TensorShape c = analyzer.pattern(cs.get(i));
      TensorShape p = analyzer.pattern(ps.get(i));
      if (c == null || p == null) {
        continue;
      }
      String why = ShapeLattice.overrideParameterNarrower(c, p, bound);
      if (why != null) {
        String name = i < names.size() ? names.get(i).getSimpleName().toString() : "#" + i;
        out.add(new Conflict(i, "parameter " + name + " takes only " + c + ", where "
            + overriddenName + ", which it overrides, takes " + p + " (" + why
            + "); an override must take every shape the overridden method takes: declare "
            + p + " or a wider shape, or leave the @Shape out to inherit it"));
      }
    }
    return out;
  }

  /**
   * The overridden method's variables that a call binds besides its tensor arguments: those of
   * its receiver, its size parameters and its class's constants.
   */
  private Set<String> boundVariables(AnnotatedExecutableType overridden) {
    Set<String> bound = new HashSet<>();
    CallAnalyzer analyzer = factory.analyzer();
    if (overridden.getReceiverType() != null) {
      TensorShape r = analyzer.pattern(overridden.getReceiverType());
      if (r != null) {
        CallAnalyzer.collectVariables(r, bound);
      }
    }
    ExecutableElement e = overridden.getElement();
    for (VariableElement p : e.getParameters()) {
      Dim dim = p.getAnnotation(Dim.class);
      if (CallAnalyzer.isIntegral(p.asType()) || p.asType().getKind() == TypeKind.BOOLEAN) {
        bound.add(p.getSimpleName().toString());
      }
      if (dim != null && !dim.value().isEmpty()) {
        bound.add(dim.value());
      }
    }
    bound.addAll(analyzer.constantsOf(e.getEnclosingElement()).keySet());
    return bound;
  }
}
