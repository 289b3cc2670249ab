package dev.shapetorch.checker;

import javax.lang.model.util.ElementFilter;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.DeclaredType;
import java.util.ArrayList;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.ShapeRule;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.shapetorch.shapes.rules.DataRules;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.TreeUtils;
import org.checkerframework.javacutil.TypesUtils;

/**
 * The typed data pipeline: the calls that make, take apart and iterate {@code @SampleShape}
 * values ({@link SampleShapes}).
 *
 * <ul>
 *   <li>{@code new Sample(x, y)} is {@code @SampleShape(input = x's, target = y's)}; {@code
 *       input()} and {@code target()} give the two shapes back; {@code withInput(x)} and {@code
 *       withTarget(y)} replace one;
 *   <li>{@code TensorDataset.of(inputs, targets)} of {@code [N, *in]} and {@code [N, *t]} has
 *       items {@code @SampleShape(input = in, target = t)}; a different {@code N} is {@code
 *       shape.mismatch.dataset} ({@link DataRules#sampleCounts}, as at run time);
 *   <li>{@code LoaderOptions} carries {@code @Shape({"n", "d"})}: its batch size and {@code
 *       dropLast} (1 or 0), declared on its methods in receiver form;
 *   <li>{@code DataLoader.of(dataset, options)} has batches {@code @SampleShape(input = [B, *in],
 *       target = [B, *t])}: {@code B} is the batch size {@code n} when {@code dropLast} is 1, and
 *       otherwise a rigid size {@code ≤n} ({@link SampleShapes#atMost}), shared by input and
 *       target; {@code iterator()} and its {@code next()} (a for-each loop's variable) give the
 *       loader's batch type; {@code get(i)} of a typed dataset its item type;
 *   <li>a dataset constructor or factory that declares its items' shapes ({@code new MNIST(root,
 *       true, null)}) applies its transform argument's declared effect to the item input: a
 *       transform whose class names a rule on {@code apply} ({@code new MNIST(root, true, new
 *       Resize(32))} has inputs {@code [1, 32, 32]}); with any other transform the input is
 *       unknown.
 * </ul>
 *
 * <p>Whatever is unknown stays unknown (gradual): an options value of unknown batch size gives
 * batches of unknown size {@code _}, a dataset of unknown items an unknown loader.
 */
final class PipelineTypes {
  static final String SAMPLE = "dev.shapetorch.data.Sample";
  static final String TENSOR_DATASET = "dev.shapetorch.data.TensorDataset";
  static final String DATA_LOADER = "dev.shapetorch.data.DataLoader";
  static final String TRANSFORM = "dev.shapetorch.vision.transforms.Transform";
  /** The op name of the typed dataset factory, in its messages. */
  static final String DATASET_OF = "TensorDataset.of";

  private final ShapeAnnotatedTypeFactory f;
  private final ShapeQualifiers q;
  private final SampleShapes s;

  PipelineTypes(ShapeAnnotatedTypeFactory f, ShapeQualifiers q) {
    this.f = f;
    this.q = q;
    this.s = q.samples;
  }

  /** The call's mismatch: a dataset whose inputs and targets differ in number; else null. */
  ShapeMismatch check(ExpressionTree tree, ExecutableElement callee) {
    if (!isDatasetOf(callee) || !(tree instanceof MethodInvocationTree mit)
        || mit.getArguments().size() != 2) {
      return null;
    }
    return DataRules.sampleCounts(DATASET_OF, f.shapeOfExpression(mit.getArguments().get(0)),
        f.shapeOfExpression(mit.getArguments().get(1)));
  }

  private static boolean isDatasetOf(ExecutableElement m) {
    return m.getSimpleName().contentEquals("of") && m.getParameters().size() == 2
        && owner(m).equals(TENSOR_DATASET);
  }

  private static String owner(ExecutableElement m) {
    return m.getEnclosingElement() instanceof TypeElement t ? t.getQualifiedName().toString() : "";
  }

  /** Types a call that is not a shape op, if it is one of the pipeline's. */
  void apply(ExpressionTree tree, AnnotatedExecutableType type) {
    ExecutableElement m = type.getElement();
    AnnotatedTypeMirror ret = type.getReturnType();
    if (ret.getKind() == TypeKind.VOID || ret.getKind().isPrimitive()) {
      return;
    }
    List<? extends ExpressionTree> args = tree instanceof MethodInvocationTree mit
        ? mit.getArguments() : tree instanceof NewClassTree nct ? nct.getArguments() : List.of();
    String owner = owner(m);
    String name = m.getSimpleName().toString();
    AnnotationMirror declared = ret.getPrimaryAnnotationInHierarchy(q.top);
    if (SampleShapes.isSample(declared)) {
      if (hasVariables(declared)) {
        ret.replaceAnnotation(q.top);
        return;
      }
      ExpressionTree transform = transformArgument(m, args);
      if (transform != null) {
        TensorShape input = transformed(transform, s.input(declared));
        ret.replaceAnnotation(s.toAnnotation(input == null ? TensorShape.unknownRank() : input,
            s.target(declared)));
      }
      return;
    }
    if (owner.equals(SAMPLE)) {
      sample(tree, name, args, ret);
    } else if (isDatasetOf(m) && args.size() == 2) {
      ret.replaceAnnotation(s.toAnnotation(DataRules.item(f.shapeOfExpression(args.get(0))),
          DataRules.item(f.shapeOfExpression(args.get(1)))));
    } else if (owner.equals(DATA_LOADER) && name.equals("of") && args.size() == 2) {
      AnnotationMirror item = primary(args.get(0));
      if (SampleShapes.isSample(item)) {
        DimExpr b = batchSize(f.shapeOfExpression(args.get(1)));
        AnnotationMirror batch = s.toAnnotation(DataRules.batch(b, s.input(item)),
            DataRules.batch(b, s.target(item)));
        withElement(ret, batch);
      }
    } else if (tree instanceof MethodInvocationTree && args.isEmpty()
        && (name.equals("iterator") || name.equals("next"))
        || tree instanceof MethodInvocationTree && name.equals("get") && args.size() == 1) {
      AnnotatedTypeMirror receiver = f.getReceiverType((MethodInvocationTree) tree);
      AnnotationMirror r =
          receiver == null ? null : receiver.getPrimaryAnnotationInHierarchy(q.top);
      if (SampleShapes.isSample(r) && isIterationOf(receiver)) {
        withElement(ret, r);
      }
    }
  }

  /** {@code new Sample(x, y)}, {@code input()}, {@code target()}, {@code withInput/withTarget}. */
  private void sample(ExpressionTree tree, String name, List<? extends ExpressionTree> args,
      AnnotatedTypeMirror ret) {
    if (tree instanceof NewClassTree && args.size() == 2) {
      ret.replaceAnnotation(s.toAnnotation(
          f.shapeOfExpression(args.get(0)), f.shapeOfExpression(args.get(1))));
      return;
    }
    if (!(tree instanceof MethodInvocationTree mit)) {
      return;
    }
    AnnotatedTypeMirror receiver = f.getReceiverType(mit);
    AnnotationMirror r = receiver == null ? null : receiver.getPrimaryAnnotationInHierarchy(q.top);
    TensorShape in = SampleShapes.isSample(r) ? s.input(r) : TensorShape.unknownRank();
    TensorShape t = SampleShapes.isSample(r) ? s.target(r) : TensorShape.unknownRank();
    switch (name) {
      case "input" -> {
        if (args.isEmpty()) {
          ret.replaceAnnotation(q.toAnnotation(in));
        }
      }
      case "target" -> {
        if (args.isEmpty()) {
          ret.replaceAnnotation(q.toAnnotation(t));
        }
      }
      case "withInput" -> {
        if (args.size() == 1) {
          ret.replaceAnnotation(s.toAnnotation(f.shapeOfExpression(args.get(0)), t));
        }
      }
      case "withTarget" -> {
        if (args.size() == 1) {
          ret.replaceAnnotation(s.toAnnotation(in, f.shapeOfExpression(args.get(0))));
        }
      }
      default -> { }
    }
  }

  /**
   * The size of a loader's batches from its options' {@code @Shape({"n", "d"})}: {@code n} when
   * {@code d} is 1 (drop the last, short batch) or {@code n} is 1; else a rigid {@code ≤n};
   * unknown when {@code n} is not a known number.
   */
  static DimExpr batchSize(TensorShape options) {
    if (options.hasVariadic() || options.rank() != 2) {
      return DimExpr.UNKNOWN;
    }
    DimExpr n = options.dim(0);
    DimExpr d = options.dim(1);
    if (n.isUnknown()) {
      return DimExpr.UNKNOWN;
    }
    if ((d.isConstant() && d.constantValue() == 1)
        || (n.isConstant() && n.constantValue() == 1)) {
      return n;
    }
    return n.isConstant() ? SampleShapes.atMost(n.constantValue()) : DimExpr.UNKNOWN;
  }

  /** The result, and its element type argument (a loader's batch, an iterator's next). */
  private static void withElement(AnnotatedTypeMirror ret, AnnotationMirror a) {
    ret.replaceAnnotation(a);
    if (ret instanceof AnnotatedDeclaredType d && d.getTypeArguments().size() == 1
        && d.getTypeArguments().get(0).getKind() != TypeKind.WILDCARD) {
      d.getTypeArguments().get(0).replaceAnnotation(a);
    }
  }

  /** A loader, an iterator or a dataset: what hands on the samples its qualifier describes. */
  private static boolean isIterationOf(AnnotatedTypeMirror receiver) {
    if (!(receiver instanceof AnnotatedDeclaredType d)) {
      return false;
    }
    String n = d.getUnderlyingType().asElement().toString();
    return n.startsWith("dev.shapetorch.") || n.equals("java.util.Iterator")
        || n.equals("java.lang.Iterable");
  }

  /** The call's transform argument, or null where it passes none or the literal {@code null}. */
  private static ExpressionTree transformArgument(
      ExecutableElement m, List<? extends ExpressionTree> args) {
    List<? extends VariableElement> params = m.getParameters();
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      // by the element: on JDK 25 a type's toString() also prints its annotations (@Nullable)
      if (TypesUtils.isDeclaredOfName(params.get(i).asType(), TRANSFORM)) {
        ExpressionTree a = TreeUtils.withoutParens(args.get(i));
        if (!(a instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL)) {
          return a;
        }
      }
    }
    return null;
  }

  /**
   * A dataset's item input after its transform: the rule the transform's class declares on
   * its {@code apply} ({@code Rule.IMAGE_*}), run on the item's shape and, where the rule reads
   * {@code "this"}, the transform's type ({@code Resize [32, 32]}); null (unknown) for a
   * transform whose class declares none (a {@code Compose}, a lambda, a plain {@code
   * Transform}) or whose rule refuses the item (the run time reports that, item by item).
   */
  private TensorShape transformed(ExpressionTree transform, TensorShape item) {
    TypeMirror type = TreeUtils.typeOf(transform);
    if (!(type instanceof DeclaredType declaredType)
        || !(declaredType.asElement() instanceof TypeElement cls)) {
      return null;
    }
    for (ExecutableElement apply : ElementFilter.methodsIn(cls.getEnclosedElements())) {
      ShapeRule rule = apply.getAnnotation(ShapeRule.class);
      if (!apply.getSimpleName().contentEquals("apply") || apply.getParameters().size() != 1
          || rule == null) {
        continue;
      }
      List<RuleArg> ruleArgs = new ArrayList<>();
      for (String name : rule.args()) {
        ruleArgs.add(new RuleArg.TensorArg(
            name.equals("this") ? f.shapeOfExpression(transform) : item));
      }
      String op = cls.getSimpleName() + ".apply";
      ShapeResult<TensorShape> r = rule.value().apply(op, ruleArgs);
      return r.isOk() ? r.value() : null;
    }
    return null;
  }

  /** True if a {@code @SampleShape} names a variable (a signature's pattern, not a value). */
  boolean hasVariables(AnnotationMirror a) {
    Set<String> names = new HashSet<>();
    CallAnalyzer.collectVariables(s.input(a), names);
    CallAnalyzer.collectVariables(s.target(a), names);
    names.removeIf(n -> n.startsWith("$le"));
    return !names.isEmpty();
  }

  /**
   * A shape op's declared {@code @SampleShape} result that names its variables is not
   * instantiated per call: it is unknown at the call (gradual), never the callee's names.
   */
  void closeResult(AnnotatedExecutableType type) {
    AnnotatedTypeMirror ret = type.getReturnType();
    AnnotationMirror a = ret.getPrimaryAnnotationInHierarchy(q.top);
    if (SampleShapes.isSample(a) && hasVariables(a)) {
      ret.replaceAnnotation(q.top);
    }
  }

  /** Loop variables whose type is being computed (guards against cycles). */
  private final Set<Tree> looping = new HashSet<>();

  /**
   * A for-each variable declared without a qualifier over a loader, an iterator or a dataset
   * with a {@code @SampleShape} ({@code for (Sample b : loader)}) has that qualifier: javac takes
   * the variable's type from the loop's declared type argument, which a local's dataflow does not
   * refine.
   */
  void loopVariable(Tree declaration, AnnotatedTypeMirror type) {
    if (!(declaration instanceof VariableTree v)
        || !TypesUtils.isDeclaredOfName(type.getUnderlyingType(), SAMPLE)
        || !isTopOrAbsent(type.getPrimaryAnnotationInHierarchy(q.top)) || hasWrittenQualifier(v)
        || !looping.add(declaration)) {
      return;
    }
    try {
      TreePath path = f.getPath(v);
      if (path != null && path.getParentPath() != null
          && path.getParentPath().getLeaf() instanceof EnhancedForLoopTree loop
          && loop.getVariable() == v) {
        AnnotatedTypeMirror iterated = f.getAnnotatedType(loop.getExpression());
        AnnotationMirror a = iterated.getPrimaryAnnotationInHierarchy(q.top);
        if (SampleShapes.isSample(a) && isIterationOf(iterated)) {
          type.replaceAnnotation(a);
        }
      }
    } catch (RuntimeException e) {
      // Never a javac crash: the variable is typed as declared.
    } finally {
      looping.remove(declaration);
    }
  }

  /** True for the type {@code Sample}. */
  static boolean isSample(javax.lang.model.type.TypeMirror t) {
    return TypesUtils.isDeclaredOfName(t, SAMPLE);
  }

  private boolean isTopOrAbsent(AnnotationMirror a) {
    return a == null || q.isTop(a);
  }

  private static boolean hasWrittenQualifier(VariableTree v) {
    return v.getModifiers() != null && !v.getModifiers().getAnnotations().isEmpty()
        || v.getType() instanceof AnnotatedTypeTree;
  }

  private AnnotationMirror primary(ExpressionTree e) {
    return f.getAnnotatedType(e).getPrimaryAnnotationInHierarchy(q.top);
  }
}
