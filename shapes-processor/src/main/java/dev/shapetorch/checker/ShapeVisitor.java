package dev.shapetorch.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Divisible;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.DivisibilityFacts;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.ScalarTypes;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeSyntaxError;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.common.basetype.BaseTypeVisitor;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.TreePathUtil;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Reports the Shape Checker's diagnostics: every call of a shape op (used or not), assignments,
 * returns and arguments against declared {@code @Shape}s, and {@code @Shape} strings that do not
 * parse.
 *
 * <p>Call mismatches are the algebra's {@code ShapeMismatch}es, printed as {@code [key] op:
 * detail} exactly as the runtime's exceptions print them, followed by where the shapes of the
 * call's variable inputs came from ({@link ShapeProvenance}), which only the compiler can tell.
 * A failure of the checker itself is reported as {@code shape.checker.internal} at the call and
 * never crashes javac.
 */
public final class ShapeVisitor extends BaseTypeVisitor<ShapeAnnotatedTypeFactory> {
  /** Checker-only keys (the algebra's keys are in {@link MessageKeys}). */
  static final String INTERNAL = "shape.checker.internal";

  static final String ASSIGNMENT = "shape.assignment";
  static final String RETURN = "shape.return";
  static final String UNKNOWN = "shape.unknown";
  static final String OVERRIDE = "shape.override";

  private final boolean warnUnknown;
  private final ShapeHints hints;
  private final ShapeProvenance provenance;

  /**
   * Creates the visitor.
   *
   * @param checker the Shape Checker
   */
  public ShapeVisitor(BaseTypeChecker checker) {
    super(checker);
    this.warnUnknown = checker.hasOption(ShapeChecker.WARN_UNKNOWN);
    this.hints = checker.hasOption(ShapeChecker.HINTS) ? new ShapeHints(checker, atypeFactory)
        : null;
    this.provenance = new ShapeProvenance(checker, atypeFactory);
  }

  @Override
  public Void visitVariable(VariableTree tree, Void p) {
    Void r = super.visitVariable(tree, p);
    if (hints != null) {
      hints.variable(tree, root);
    }
    return r;
  }

  @Override
  protected ShapeAnnotatedTypeFactory createTypeFactory() {
    return new ShapeAnnotatedTypeFactory(checker);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void p) {
    Void r = super.visitMethodInvocation(tree, p);
    if (hints != null) {
      hints.call(tree, root);
    }
    ExecutableElement callee = TreeUtils.elementFromUse(tree);
    if (callee != null) {
      checkCall(tree, callee);
      checkDTypes(tree, callee);
    }
    return r;
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void p) {
    Void r = super.visitNewClass(tree, p);
    ExecutableElement callee = TreeUtils.elementFromUse(tree);
    if (callee != null) {
      checkCall(tree, callee);
      checkDTypes(tree, callee);
    }
    return r;
  }

  private void checkCall(ExpressionTree tree, ExecutableElement callee) {
    CallShape s;
    try {
      AnnotatedExecutableType declared = atypeFactory.getAnnotatedType(callee);
      s = atypeFactory.analyzeCall(tree, declared);
    } catch (RuntimeException | StackOverflowError e) {
      s = CallShape.internal(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    if (s == null) {
      return;
    }
    if (s.internalError() != null) {
      checker.reportError(tree, INTERNAL, callee.getSimpleName(), s.internalError());
    } else if (s.mismatch() != null && SampleShapes.namesAtMost(s.mismatch().detail())) {
      // A loader's batch that may be short, where an exact size is required (data pipeline).
      checker.reportError(tree, MessageKeys.BATCH_PARTIAL, s.mismatch().op(),
          SampleShapes.readable(s.mismatch().detail()) + "; the last batch may be shorter: set"
              + " withDropLast(true) on the LoaderOptions, or accept any B"
              + SampleShapes.readable(provenance.describe(tree, root)));
    } else if (s.mismatch() != null) {
      checker.reportError(tree, s.mismatch().key(), s.mismatch().op(),
          SampleShapes.readable(s.mismatch().detail() + provenance.describe(tree, root)));
    } else if (warnUnknown) {
      for (ExpressionTree input : s.unknownInputs()) {
        checker.reportWarning(input, UNKNOWN, callee.getSimpleName(),
            "the shape of " + input + " is unknown here, so this call is checked at run time"
                + " only (Shapes.require states it)");
      }
    }
  }

  /** Dtypes: the callee's dtype contracts ({@code @DTypeEffect}), with the runtime's text. */
  private void checkDTypes(ExpressionTree tree, ExecutableElement callee) {
    if (!atypeFactory.dtypeInference().hasEffects(callee)) {
      return;
    }
    List<ShapeMismatch> broken;
    try {
      CallSite site = CallSite.of(tree, atypeFactory.getAnnotatedType(callee));
      broken = site == null ? List.of()
          : atypeFactory.dtypeInference().check(tree, callee, site.op());
    } catch (RuntimeException e) {
      broken = List.of(); // a call the checker cannot read is left to the runtime
    }
    for (ShapeMismatch m : broken) {
      checker.reportError(tree, m.key(), m.op(), SampleShapes.readable(m.detail()));
    }
  }

  /**
   * A method reference to a signature op, against the shapes its functional interface declares
   * ({@link MethodReferences}); the reference itself is typed with unknown shapes.
   */
  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void p) {
    Void r = super.visitMemberReference(tree, p);
    ShapeMismatch m;
    try {
      m = MethodReferences.check(atypeFactory, tree);
    } catch (RuntimeException e) {
      m = null; // a reference the checker cannot read is left to the runtime, never an error
    }
    if (m != null) {
      checker.reportError(tree, m.key(), m.op(), m.detail());
    }
    return r;
  }

  @Override
  public Void visitAnnotation(AnnotationTree tree, Void p) {
    Void r = super.visitAnnotation(tree, p);
    AnnotationMirror a = TreeUtils.annotationFromAnnotationTree(tree);
    if (AnnotationUtils.areSameByName(a, Shape.class.getCanonicalName())) {
      Optional<ShapeSyntaxError> error =
          ShapeParser.check(atypeFactory.qualifiers().strings(a).toArray(new String[0]));
      error.ifPresent(e -> {
        var m = e.toMismatch("@Shape");
        checker.reportError(tree, m.key(), m.op(), m.detail());
      });
    } else if (SampleShapes.isSample(a)) {
      // The data pipeline's pair: each of its two shapes must parse.
      for (String part : List.of("input", "target")) {
        Optional<ShapeSyntaxError> error =
            ShapeParser.check(stringValues(a, part).toArray(new String[0]));
        error.ifPresent(e -> {
          var m = e.toMismatch("@SampleShape(" + part + ")");
          checker.reportError(tree, m.key(), m.op(), m.detail());
        });
      }
    } else if (atypeFactory.dtypes().isScalarType(a)) {
      // Dtypes: a @ScalarType value must be a dtype or category.
      String error = ScalarTypes.syntaxError(atypeFactory.dtypes().written(a));
      if (error != null) {
        checker.reportError(tree, MessageKeys.DTYPE_SYNTAX, "@ScalarType", error);
      }
    } else if (AnnotationUtils.areSameByName(a, Divisible.class.getCanonicalName())) {
      checkFact(tree, "@Divisible", stringValue(a, "value"), stringValue(a, "by"));
    } else if (AnnotationUtils.areSameByName(a, Dim.class.getCanonicalName())) {
      String divisor = stringValue(a, "value");
      for (String dividend : stringValues(a, "divides")) {
        // Without a value the divisor is the parameter itself: a variable, never a contradiction.
        checkFact(tree, "@Dim", dividend, divisor == null || divisor.isEmpty() ? "1" : divisor);
      }
    }
    return r;
  }

  /**
   * A stated divisibility fact must parse ({@code shape.annotation.syntax}) and, over constants,
   * hold ({@code shape.divisibility}).
   */
  private void checkFact(AnnotationTree tree, String where, String dividend, String divisor) {
    if (dividend == null || divisor == null) {
      return;
    }
    Optional<ShapeSyntaxError> error = ShapeParser.check(dividend, divisor);
    if (error.isPresent()) {
      var m = error.get().toMismatch(where);
      checker.reportError(tree, m.key(), m.op(), m.detail());
      return;
    }
    DivisibilityFacts facts = DivisibilityFacts.parse(dividend, divisor);
    for (DivisibilityFacts.Fact f : facts.contradictions()) {
      checker.reportError(tree, MessageKeys.DIVISIBILITY, where, f + " does not hold ("
          + f.dividend() + " % " + f.divisor() + " is not 0); state a fact that is true");
    }
  }

  private static String stringValue(AnnotationMirror a, String name) {
    for (var e : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)
          && e.getValue().getValue() instanceof String str) {
        return str;
      }
    }
    return null;
  }

  private static List<String> stringValues(AnnotationMirror a, String name) {
    List<String> out = new ArrayList<>();
    for (var e : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)
          && e.getValue().getValue() instanceof List<?> list) {
        for (Object v : list) {
          if (v instanceof AnnotationValue av
              && av.getValue() instanceof String str) {
            out.add(str);
          }
        }
      }
    }
    return out;
  }

  /**
   * The gradual assignment check: a value of unknown shape may flow anywhere (with {@code
   * -Ashape.warnUnknown}, a warning says so); a known shape must agree with the declared one
   * where both know a size; variables are rigid.
   */
  @Override
  protected boolean commonAssignmentCheck(
      AnnotatedTypeMirror varType,
      AnnotatedTypeMirror valueType,
      Tree errorLocation,
      String errorKey,
      Object... extraArgs) {
    // Dtypes: gradual, like shapes: a dtype known to share no dtype with the declared one is an
    // error; a category where one of its dtypes is declared is accepted (as `_` is for a size).
    ScalarTypeHierarchy dt = atypeFactory.dtypes();
    AnnotationMirror wantD = varType.getAnnotationInHierarchy(dt.top);
    AnnotationMirror haveD = valueType.getAnnotationInHierarchy(dt.top);
    if (wantD != null && haveD != null && dt.isScalarType(wantD) && !dt.isBottom(haveD)) {
      String required = dt.dtypeOf(wantD);
      String found = dt.dtypeOf(haveD);
      if (required != null && found != null && ScalarTypes.meet(found, required).isEmpty()) {
        checker.reportError(errorLocation, MessageKeys.DTYPE_MISMATCH,
            context(errorKey, extraArgs), "the value's dtype is " + found + ", not " + required
                + "; convert it with .to(" + ScalarTypes.javaConstant(
                    ScalarTypes.EXACT.contains(required) ? required
                        : required.equals("integral") ? "int64" : "float32") + ")");
        return false;
      }
      valueType = valueType.deepCopy();
      valueType.replaceAnnotation(wantD);
    }
    ShapeQualifiers q = atypeFactory.qualifiers();
    AnnotationMirror want = varType.getAnnotationInHierarchy(q.top);
    AnnotationMirror have = valueType.getAnnotationInHierarchy(q.top);
    if (SampleShapes.isSample(want) && have != null && (SampleShapes.isSample(have)
        || q.isTop(have))) {
      // The data pipeline's pairs: each of input and target, gradually (unknown is accepted).
      String conflict = q.isTop(have) ? null : q.samples.conflict(have, want);
      if (conflict != null) {
        checker.reportError(errorLocation, keyFor(errorKey), context(errorKey, extraArgs),
            SampleShapes.readable(conflict + provenance.describe(errorLocation, root)));
        return false;
      }
      AnnotatedTypeMirror accepted = valueType.deepCopy();
      accepted.replaceAnnotation(want);
      return super.commonAssignmentCheck(varType, accepted, errorLocation, errorKey, extraArgs);
    }
    if (want == null || have == null || !q.isShape(want) || q.isBottom(have)) {
      return super.commonAssignmentCheck(varType, valueType, errorLocation, errorKey, extraArgs);
    }
    TensorShape required = q.shapeOf(want);
    TensorShape found = q.shapeOf(have);
    if (!ShapeQualifiers.isUnknownRank(required)) {
      if (ShapeQualifiers.isUnknownRank(found)) {
        if (warnUnknown) {
          checker.reportWarning(errorLocation, UNKNOWN, context(errorKey, extraArgs),
              "a value of unknown shape is used as " + required
                  + " (checked at run time only; Shapes.require states it)");
        }
      } else {
        String conflict = ShapeLattice.conflict(found, required);
        if (conflict != null) {
          checker.reportError(errorLocation, keyFor(errorKey), context(errorKey, extraArgs),
              SampleShapes.readable(conflict + provenance.describe(errorLocation, root)));
          return false;
        }
      }
    }
    AnnotatedTypeMirror accepted = valueType.deepCopy();
    accepted.replaceAnnotation(want);
    return super.commonAssignmentCheck(varType, accepted, errorLocation, errorKey, extraArgs);
  }

  private static String keyFor(String errorKey) {
    return errorKey.equals("return") ? RETURN : ASSIGNMENT;
  }

  /** What receives the value, for the message: {@code y}, {@code return of f}, {@code g(x)}. */
  private String context(String errorKey, Object... extraArgs) {
    if (errorKey.equals("argument") && extraArgs.length >= 2) {
      return extraArgs[1] + " parameter " + extraArgs[0];
    }
    Tree leaf = getCurrentPath() == null ? null : getCurrentPath().getLeaf();
    if (leaf instanceof VariableTree v) {
      return v.getName().toString();
    }
    if (leaf instanceof AssignmentTree a) {
      return a.getVariable().toString();
    }
    if (errorKey.equals("return")) {
      MethodTree m = TreePathUtil.enclosingMethod(getCurrentPath());
      return m == null ? "lambda result" : "result of " + m.getName();
    }
    return "value";
  }

  /**
   * Overriding a shape op: the override must keep the overridden method's contract (its result
   * within the overridden result, each parameter taking every shape the overridden one takes),
   * where both declare a shape; a position the override leaves out is inherited ({@link
   * Overrides}). The Checker Framework's own variance check does not apply: a signature's shapes
   * are patterns instantiated per call (like a generic method's type variables).
   */
  @Override
  protected boolean checkOverride(
      MethodTree overriderTree,
      AnnotatedExecutableType overriderMethodType,
      AnnotatedDeclaredType overriderType,
      AnnotatedExecutableType overriddenMethodType,
      AnnotatedDeclaredType overriddenType) {
    CallAnalyzer analyzer = atypeFactory.analyzer();
    try {
      if (!analyzer.isShapeOp(overriderMethodType) && !analyzer.isShapeOp(overriddenMethodType)) {
        return super.checkOverride(overriderTree, overriderMethodType, overriderType,
            overriddenMethodType, overriddenType);
      }
      String overrider = methodName(overriderMethodType);
      String overridden = methodName(overriddenMethodType);
      List<Overrides.Conflict> conflicts = atypeFactory.overrides().conflicts(
          overriderMethodType, overridden, overriddenMethodType);
      for (Overrides.Conflict c : conflicts) {
        Tree where = c.parameter() < 0 ? overriderTree.getReturnType()
            : c.parameter() < overriderTree.getParameters().size()
                ? overriderTree.getParameters().get(c.parameter()) : overriderTree;
        checker.reportError(where == null ? overriderTree : where, OVERRIDE, overrider,
            c.detail());
      }
      return conflicts.isEmpty();
    } catch (RuntimeException unreadableShapeRule) {
      return true;
    }
  }

  private static String methodName(AnnotatedExecutableType t) {
    ExecutableElement e = t.getElement();
    return e.getEnclosingElement().getSimpleName() + "." + e.getSimpleName();
  }

  @Override
  protected void checkConstructorResult(
      AnnotatedExecutableType constructorType, ExecutableElement constructorElement) {
    // A module constructor's @Shape lists its hyperparameters (CONTRACTS.md, "Modules in the
    // type"); it is meant to differ from the class's unannotated default, so no warning.
  }

  @Override
  protected void checkThisOrSuperConstructorCall(MethodInvocationTree call, String errorKey) {
    // this(...)/super(...) calls: the enclosing constructor's @Shape result names its own
    // parameters, which the delegated-to constructor's result need not repeat.
  }
}
