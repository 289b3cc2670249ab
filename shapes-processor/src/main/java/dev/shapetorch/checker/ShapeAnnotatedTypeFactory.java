package dev.shapetorch.checker;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.shapes.ScalarTypeBottom;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeBottom;
import dev.shapetorch.shapes.UnknownScalarType;
import dev.shapetorch.shapes.UnknownShape;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.DivisibilityFacts;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.common.basetype.BaseAnnotatedTypeFactory;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.common.value.ValueAnnotatedTypeFactory;
import org.checkerframework.framework.qual.TypeUseLocation;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedArrayType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.framework.type.QualifierHierarchy;
import org.checkerframework.framework.type.TypeHierarchy;
import org.checkerframework.framework.util.defaults.QualifierDefaults;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;
import org.checkerframework.javacutil.TypesUtils;

/**
 * The Shape Checker's type factory: the qualifier hierarchy (built in code), the default
 * ({@code @UnknownShape} everywhere), and the per-call types of shape ops.
 *
 * <p>At every call of a shape op ({@link CallAnalyzer#isShapeOp}), {@link
 * #methodFromUsePreSubstitution} and {@link #constructorFromUsePreSubstitution} replace the
 * declared result with the shape the algebra computes for this call, and relax the declared
 * receiver and parameters to {@code @UnknownShape}: the algebra has already checked them, and
 * the visitor reports its mismatches (the factory runs several times per call, so it never
 * reports).
 *
 * <p>A {@code final} field without a shape annotation whose initializer is a constructor or
 * method call ({@code final Conv2d c1 = new Conv2d(1, 6, 5);}, {@code final LSTM f =
 * LSTM.batchFirst(16, 64, 1);}, {@code final Tensor w = Torch.randn(3, 4);}) takes the shape of
 * its initializer. Calls that carry a shape without being shape ops ({@code max(1).values()},
 * {@code parts.get(0)} of a local list) are typed by {@link CarriedShapes}.
 */
public final class ShapeAnnotatedTypeFactory extends BaseAnnotatedTypeFactory {
  private final ShapeQualifiers qualifiers;
  // Dtypes: the second qualifier hierarchy and the dtypes of calls.
  private final ScalarTypeHierarchy dtypes;
  private final ScalarTypeInference dtypeInference;
  private final CallAnalyzer analyzer;
  private final Overrides overrides;
  /** The typed data pipeline's calls ({@code Sample}, datasets, {@code DataLoader}). */
  private final PipelineTypes pipeline;
  private SizeExpressions sizes;
  /** Fields whose type is being inferred from their initializer (guards against cycles). */
  private final Set<Element> inferring = new HashSet<>();
  /** Locals whose declared shape is being read (guards against cycles). */
  private final Set<Tree> substituting = new HashSet<>();
  /** The divisibility facts declarations state. */
  private final StatedFacts stated = new StatedFacts();
  /** The facts of the code whose call is being analysed; null outside, or where there are none. */
  private DivisibilityFacts active;

  /**
   * Creates the factory.
   *
   * @param checker the Shape Checker
   */
  public ShapeAnnotatedTypeFactory(BaseTypeChecker checker) {
    super(checker);
    this.qualifiers = new ShapeQualifiers(processingEnv);
    this.dtypes = new ScalarTypeHierarchy(processingEnv);
    this.dtypeInference = new ScalarTypeInference(this, dtypes);
    this.analyzer = new CallAnalyzer(this, qualifiers);
    this.overrides = new Overrides(this, qualifiers);
    this.pipeline = new PipelineTypes(this, qualifiers);
    postInit();
  }

  @Override
  protected Set<Class<? extends Annotation>> createSupportedTypeQualifiers() {
    return new LinkedHashSet<>(List.of(UnknownShape.class, Shape.class, SampleShape.class,
        ShapeBottom.class, UnknownScalarType.class, ScalarType.class, ScalarTypeBottom.class));
  }

  @Override
  protected QualifierHierarchy createQualifierHierarchy() {
    return new ShapeQualifierHierarchy(qualifiers, dtypes, this);
  }

  @Override
  protected TypeHierarchy createTypeHierarchy() {
    return new GradualTypeHierarchy(checker, getQualifierHierarchy(), qualifiers, dtypes,
        ignoreRawTypeArguments, checker.hasOption("invariantArrays"));
  }

  @Override
  protected void addCheckedCodeDefaults(QualifierDefaults defs) {
    defs.addCheckedCodeDefault(qualifiers.top, TypeUseLocation.OTHERWISE);
    defs.addCheckedCodeDefault(dtypes.top, TypeUseLocation.OTHERWISE);
  }

  /** The dtype hierarchy's qualifiers. */
  ScalarTypeHierarchy dtypes() {
    return dtypes;
  }

  /** The dtypes of calls ({@code @DTypeEffect}). */
  ScalarTypeInference dtypeInference() {
    return dtypeInference;
  }

  ShapeQualifiers qualifiers() {
    return qualifiers;
  }

  Overrides overrides() {
    return overrides;
  }

  CallAnalyzer analyzer() {
    return analyzer;
  }

  /** Sizes of int expressions, through the Value Checker. */
  SizeExpressions sizes() {
    if (sizes == null) {
      ValueAnnotatedTypeFactory values = getTypeFactoryOfSubchecker(SizeValueChecker.class);
      sizes = new SizeExpressions(values, this::shapeOfExpression, this::declarationFromElement,
          this::expandActive);
    }
    return sizes;
  }

  /** The static shape of an expression (unknown rank when nothing is known). */
  TensorShape shapeOfExpression(ExpressionTree tree) {
    TensorShape s = shapeOfType(getAnnotatedType(tree));
    return active == null ? s : active.expand(s);
  }

  /**
   * The divisibility facts in force at a tree ({@link dev.shapetorch.shapes.Divisible} on the
   * enclosing method or class, {@code @Dim(divides = ...)} on its parameters).
   */
  DivisibilityFacts factsAt(Tree tree) {
    try {
      return stated.at(root, tree, this::getPath);
    } catch (RuntimeException e) {
      return DivisibilityFacts.NONE;
    }
  }

  /** The facts a callee states: preconditions at its calls. */
  DivisibilityFacts factsOf(Element callee) {
    return stated.of(callee);
  }

  /** The facts of the code whose call is being analysed ({@link DivisibilityFacts#NONE}). */
  DivisibilityFacts activeFacts() {
    return active == null ? DivisibilityFacts.NONE : active;
  }

  /** A size in the working form of the facts being analysed under (itself if none). */
  private DimExpr expandActive(DimExpr d) {
    return active == null ? d : active.expand(d);
  }

  /** The static shape of a call's receiver (the implicit {@code this} included). */
  TensorShape receiverShape(MethodInvocationTree call) {
    AnnotatedTypeMirror t = getReceiverType(call);
    TensorShape s = t == null ? TensorShape.unknownRank() : shapeOfType(t);
    return active == null ? s : active.expand(s);
  }

  TensorShape shapeOfType(AnnotatedTypeMirror t) {
    AnnotationMirror a = t.getAnnotationInHierarchy(qualifiers.top);
    TensorShape s = qualifiers.shapeOf(a);
    return s == null ? TensorShape.unknownRank() : s;
  }

  /**
   * Checks a call, or returns null when the callee is not a shape op. Inside code that states
   * divisibility facts, the call is analysed in the facts' working form and its result given in
   * their normal form ({@link DivisibilityFacts}).
   */
  CallShape analyzeCall(ExpressionTree tree, AnnotatedExecutableType declared) {
    DivisibilityFacts facts = factsAt(tree);
    if (facts.isEmpty()) {
      return analyzeCallUnder(tree, declared);
    }
    DivisibilityFacts outer = active;
    active = facts;
    try {
      CallShape s = analyzeCallUnder(tree, declared);
      return s != null && s.isOk() && s.result() != null
          ? CallShape.ok(facts.normalize(s.result()), s.unknownInputs()) : s;
    } finally {
      active = outer;
    }
  }

  private CallShape analyzeCallUnder(ExpressionTree tree, AnnotatedExecutableType declared) {
    if (tree instanceof MethodInvocationTree mit
        && (TreeUtils.isSuperConstructorCall(mit) || TreeUtils.isThisConstructorCall(mit))) {
      return null;
    }
    if (tree instanceof MethodInvocationTree mit
        && ShapeRefinement.isRefinement(declared.getElement())) {
      try {
        ValueAnnotatedTypeFactory values = getTypeFactoryOfSubchecker(SizeValueChecker.class);
        ShapeResult<TensorShape> r = ShapeRefinement.shape(mit, values, sizes());
        return r.isOk() ? CallShape.ok(r.value(), List.of()) : CallShape.failed(r.mismatch());
      } catch (RuntimeException e) {
        return CallShape.internal(e.getClass().getSimpleName());
      }
    }
    ShapeMismatch dataset = pipeline.check(tree, declared.getElement());
    if (dataset != null) {
      return CallShape.failed(dataset); // the data pipeline's typed dataset
    }
    if (!analyzer.isShapeOp(declared)) {
      return null;
    }
    CallSite site = CallSite.of(tree, declared);
    return site == null ? null : analyzer.analyze(site);
  }

  @Override
  public void methodFromUsePreSubstitution(
      ExpressionTree tree, AnnotatedExecutableType type, boolean resolvePolyQuals) {
    super.methodFromUsePreSubstitution(tree, type, resolvePolyQuals);
    try {
      if (tree instanceof MethodInvocationTree mit) {
        CallShape shape = analyzeCall(tree, type);
        if (shape != null) {
          applyCall(shape, type);
        } else {
          pipeline.apply(tree, type); // the data pipeline's samples, datasets, loaders
          CarriedShapes.apply(this, mit, type);
        }
      } else if (analyzer.isShapeOp(type)) {
        // A method reference: its shapes are not checked, so it is typed as unknown throughout.
        relax(type, true);
      }
    } catch (RuntimeException e) {
      // The visitor reports shape.checker.internal at this call; here, type it as unknown.
      relax(type, true);
    }
    // Dtypes: the result's dtype by the callee's @DTypeEffect.
    if (tree instanceof MethodInvocationTree) {
      try {
        dtypeInference.apply(tree, type);
      } catch (RuntimeException e) {
        type.getReturnType().replaceAnnotation(dtypes.top);
      }
    }
  }

  @Override
  protected void constructorFromUsePreSubstitution(
      NewClassTree tree, AnnotatedExecutableType type, boolean resolvePolyQuals) {
    super.constructorFromUsePreSubstitution(tree, type, resolvePolyQuals);
    try {
      CallShape shape = analyzeCall(tree, type);
      applyCall(shape, type);
      if (shape == null) {
        pipeline.apply(tree, type); // the data pipeline's samples and datasets
      }
    } catch (RuntimeException e) {
      // The visitor reports shape.checker.internal at this call; here, type it as unknown.
      relax(type, true);
    }
  }

  private void applyCall(CallShape shape, AnnotatedExecutableType type) {
    if (shape == null) {
      return;
    }
    relax(type, false);
    pipeline.closeResult(type);
    AnnotatedTypeMirror ret = resultCarrier(type.getReturnType());
    if (ret != null
        && (shape.result() != null || analyzer.pattern(ret) != null || !shape.isOk())) {
      ret.replaceAnnotation(qualifiers.toAnnotation(shape.result()));
    }
  }

  /**
   * Where a call's result shape goes: the result itself, or the element type of an array or
   * {@code List} result (for ops like {@code split} whose rule gives every piece's shape); null
   * for {@code void}.
   */
  private static AnnotatedTypeMirror resultCarrier(AnnotatedTypeMirror ret) {
    if (ret.getKind() == TypeKind.VOID) {
      return null;
    }
    if (ret instanceof AnnotatedArrayType a) {
      return a.getComponentType();
    }
    if (ret instanceof AnnotatedDeclaredType d && d.getTypeArguments().size() == 1
        && TypesUtils.isDeclaredOfName(d.getUnderlyingType(), "java.util.List")) {
      return d.getTypeArguments().get(0);
    }
    return ret;
  }

  /** Sets the receiver and parameters (and, for method references, the result) to unknown. */
  private void relax(AnnotatedExecutableType type, boolean result) {
    if (type.getReceiverType() != null) {
      type.getReceiverType().replaceAnnotation(qualifiers.top);
    }
    for (AnnotatedTypeMirror p : type.getParameterTypes()) {
      p.replaceAnnotation(qualifiers.top);
      if (p instanceof AnnotatedArrayType a) {
        a.getComponentType().replaceAnnotation(qualifiers.top);
      }
    }
    if (result && type.getReturnType().getKind() != TypeKind.VOID) {
      type.getReturnType().replaceAnnotation(qualifiers.top);
    }
  }

  @Override
  public void addComputedTypeAnnotations(Element elt, AnnotatedTypeMirror type) {
    boolean[] own = elt instanceof ExecutableElement && type instanceof AnnotatedExecutableType m
        ? Overrides.declaredPositions(m, qualifiers) : null;
    super.addComputedTypeAnnotations(elt, type);
    if (elt == null) {
      return;
    }
    if (own != null) {
      overrides.inherit((ExecutableElement) elt, (AnnotatedExecutableType) type, own);
    }
    if (elt.getKind() == ElementKind.FIELD && ElementUtils.isFinal(elt)
        && !hasExplicitQualifier(elt) && !inferring.contains(elt)) {
      AnnotationMirror inferred;
      try {
        inferred = shapeOfInitializer(elt);
      } catch (RuntimeException e) {
        inferred = null; // never a javac crash: the field is typed as declared
      }
      if (inferred != null) {
        type.replaceAnnotation(inferred);
      }
    }
    substituteConstants(elt, type);
    if (elt.getKind() == ElementKind.LOCAL_VARIABLE && PipelineTypes.isSample(elt.asType())) {
      pipeline.loopVariable(declarationFromElement(elt), type); // for (Sample b : loader)
    }
    if (elt.getKind() == ElementKind.PARAMETER
        && elt.getEnclosingElement() instanceof ExecutableElement method) {
      // A parameter's uses in its method's body: in the normal form of the method's facts.
      DivisibilityFacts facts = stated.of(method);
      if (!facts.isEmpty()) {
        try {
          mapShapes(type, facts::normalize, 0);
        } catch (RuntimeException e) {
          // Never a javac crash: the declared shape stays as written.
        }
      }
    }
  }

  /** Declarations read from their trees (a method's own body, a local) get the same values. */
  @Override
  protected void addComputedTypeAnnotations(Tree tree, AnnotatedTypeMirror type, boolean flow) {
    boolean[] own = tree instanceof MethodTree && type instanceof AnnotatedExecutableType e
        ? Overrides.declaredPositions(e, qualifiers) : null;
    super.addComputedTypeAnnotations(tree, type, flow);
    if (tree instanceof MethodTree || tree instanceof VariableTree) {
      normalizeUnderFacts(tree, type);
    }
    if (tree instanceof MethodTree m) {
      ExecutableElement method = TreeUtils.elementFromDeclaration(m);
      if (own != null && method != null) {
        overrides.inherit(method, (AnnotatedExecutableType) type, own);
      }
      substituteConstants(method, type);
    } else if (tree instanceof VariableTree v) {
      VariableElement declared = TreeUtils.elementFromDeclaration(v);
      substituteConstants(declared, type);
      if (declared != null && declared.getKind() == ElementKind.LOCAL_VARIABLE) {
        substituteLocals(v, type);
        pipeline.loopVariable(v, type); // for (Sample b : loader)
      }
    }
  }

  /**
   * A local's {@code @Shape} that names effectively final integral locals ({@code @Shape({"n",
   * "3"})} after {@code final long n = x.size(0)}) means their sizes, as the code's {@code
   * zeros(n, 3)} does; a local whose size is unknown stays a name (and matches gradually).
   */
  private void substituteLocals(VariableTree declaration, AnnotatedTypeMirror type) {
    AnnotationMirror a = type.getPrimaryAnnotationInHierarchy(qualifiers.top);
    if (a == null || !qualifiers.isShape(a) || !substituting.add(declaration)) {
      return;
    }
    try {
      TensorShape s = qualifiers.shapeOf(a);
      Set<String> names = new HashSet<>();
      CallAnalyzer.collectVariables(TensorShape.of(null, s.dims()), names);
      if (names.isEmpty()) {
        return;
      }
      Map<String, DimExpr> values = new HashMap<>();
      TreePath path = getPath(declaration);
      for (TreePath p = path; p != null && !names.isEmpty(); p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
          break;
        }
        if (!(p.getLeaf() instanceof BlockTree block)) {
          continue;
        }
        for (StatementTree st : block.getStatements()) {
          if (st instanceof VariableTree local && names.contains(local.getName().toString())
              && local.getInitializer() != null) {
            VariableElement e = TreeUtils.elementFromDeclaration(local);
            if (e != null && CallAnalyzer.isIntegral(e.asType())
                && ElementUtils.isEffectivelyFinal(e)) {
              DimExpr value = sizes().sizeOf(local.getInitializer());
              names.remove(local.getName().toString());
              if (!value.isUnknown()) {
                values.put(local.getName().toString(), value);
              }
            }
          }
        }
      }
      if (!values.isEmpty()) {
        List<DimExpr> dims = new ArrayList<>(s.rank());
        for (DimExpr d : s.dims()) {
          dims.add(d.substitute(values));
        }
        type.replaceAnnotation(qualifiers.toAnnotation(TensorShape.of(s.variadic(), dims)));
      }
    } catch (RuntimeException e) {
      // Never a javac crash: the declared shape stays as written.
    } finally {
      substituting.remove(declaration);
    }
  }

  /**
   * A declaration inside code that states divisibility facts has its shapes in their normal
   * form ({@code "H*(D/H)"} is {@code D}), so that equal sizes compare equal.
   */
  private void normalizeUnderFacts(Tree tree, AnnotatedTypeMirror type) {
    DivisibilityFacts facts = factsAt(tree);
    if (!facts.isEmpty()) {
      try {
        mapShapes(type, facts::normalize, 0);
      } catch (RuntimeException e) {
        // Never a javac crash: the declared shapes stay as written.
      }
    }
  }

  /**
   * Applies {@code f} to every {@code @Shape} of a type: an executable's result, receiver and
   * parameters, an array's components, a declared type's type arguments (four levels deep).
   */
  private void mapShapes(AnnotatedTypeMirror type, UnaryOperator<TensorShape> f, int depth) {
    if (type == null || depth > 4) {
      return;
    }
    if (type instanceof AnnotatedExecutableType e) {
      mapShapes(e.getReturnType(), f, depth + 1);
      mapShapes(e.getReceiverType(), f, depth + 1);
      for (AnnotatedTypeMirror p : e.getParameterTypes()) {
        mapShapes(p, f, depth + 1);
      }
      return;
    }
    AnnotationMirror a = type.getPrimaryAnnotationInHierarchy(qualifiers.top);
    if (a != null && qualifiers.isShape(a)) {
      TensorShape s = qualifiers.shapeOf(a);
      TensorShape n = f.apply(s);
      if (n != s && !n.equals(s)) {
        type.replaceAnnotation(qualifiers.toAnnotation(n));
      }
    }
    if (type instanceof AnnotatedArrayType arr) {
      mapShapes(arr.getComponentType(), f, depth + 1);
    } else if (type instanceof AnnotatedDeclaredType d) {
      for (AnnotatedTypeMirror arg : d.getTypeArguments()) {
        mapShapes(arg, f, depth + 1);
      }
    }
  }

  private void substituteConstants(Element declared, AnnotatedTypeMirror type) {
    try {
      TypeElement owner = declared == null ? null : ElementUtils.enclosingTypeElement(declared);
      if (owner != null) {
        Map<String, DimExpr> constants = analyzer.constantsOf(owner);
        if (!constants.isEmpty()) {
          substituteConstants(type, constants, 0);
        }
      }
    } catch (RuntimeException e) {
      // Never a javac crash: the declared shapes stay as written.
    }
  }

  /**
   * Replaces the names of the class's integral constants ({@code static final int HIDDEN = 128},
   * its own or inherited) in the {@code @Shape}s of a declared type by their values, so that
   * {@code @Shape({"B", "HIDDEN"})} is {@code [B, 128]} inside the class as at its callers.
   */
  private void substituteConstants(
      AnnotatedTypeMirror type, Map<String, DimExpr> constants, int depth) {
    mapShapes(type, s -> withConstants(s, constants), depth);
  }

  /** {@code s} with the constants it names replaced by their values (itself if it names none). */
  private static TensorShape withConstants(TensorShape s, Map<String, DimExpr> constants) {
    Map<String, DimExpr> used = new HashMap<>();
    for (DimExpr d : s.dims()) {
      for (String v : d.variables()) {
        DimExpr value = constants.get(v);
        if (value != null) {
          used.put(v, value);
        }
      }
    }
    if (used.isEmpty()) {
      return s;
    }
    List<DimExpr> dims = new ArrayList<>(s.rank());
    for (DimExpr d : s.dims()) {
      dims.add(d.substitute(used));
    }
    return TensorShape.of(s.variadic(), dims);
  }

  /**
   * The {@code @Shape} of a final field's initializer in attributed source when it is a call:
   * of a shape op's constructor ({@code new Conv2d(1, 6, 5)}) or of a method whose result has a
   * known shape ({@code Torch.randn(3, 4)}, {@code LSTM.batchFirst(16, 64, 1)}, {@code
   * Torch.randn(3, 4).t()}); else null.
   */
  private AnnotationMirror shapeOfInitializer(Element field) {
    Tree decl = declarationFromElement(field);
    if (!(decl instanceof VariableTree vt)) {
      return null;
    }
    ExpressionTree init = vt.getInitializer() == null
        ? null : TreeUtils.withoutParens(vt.getInitializer());
    if (!(init instanceof NewClassTree || init instanceof MethodInvocationTree)
        || TreeUtils.typeOf(init) == null) {
      return null;
    }
    ExecutableElement callee = init instanceof NewClassTree nct
        ? TreeUtils.elementFromUse(nct) : TreeUtils.elementFromUse((MethodInvocationTree) init);
    // A shape op's call, or any call that gives a tensor (Torch.randn(3, 4).requiresGrad_(true)).
    if (callee == null || (!analyzer.isShapeOp(getAnnotatedType(callee))
        && !(init instanceof MethodInvocationTree
            && (TypesUtils.isDeclaredOfName(field.asType(), SizeExpressions.TENSOR)
                || CarriedShapes.passedThrough(callee) >= 0)))) {
      return null;
    }
    inferring.add(field);
    try {
      AnnotatedTypeMirror t = init instanceof NewClassTree nct
          ? constructorFromUse(nct).executableType().getReturnType()
          : methodFromUse((MethodInvocationTree) init).executableType().getReturnType();
      AnnotationMirror a = t.getPrimaryAnnotationInHierarchy(qualifiers.top);
      return a != null && qualifiers.isShape(a) ? a : null;
    } catch (RuntimeException notAttributedYet) {
      // The initializer belongs to a class javac has not finished attributing: no inference.
      return null;
    } finally {
      inferring.remove(field);
    }
  }

  /** True if the element's declared type carries one of the shape qualifiers as written. */
  private static boolean hasExplicitQualifier(Element elt) {
    for (AnnotationMirror a : elt.asType().getAnnotationMirrors()) {
      if (AnnotationUtils.areSameByName(a, Shape.class.getCanonicalName())
          || AnnotationUtils.areSameByName(a, UnknownShape.class.getCanonicalName())
          || AnnotationUtils.areSameByName(a, ShapeBottom.class.getCanonicalName())) {
        return true;
      }
    }
    return false;
  }
}
