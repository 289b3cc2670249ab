package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.DTypeRule.Input;
import dev.shapetorch.shapes.rules.ScalarTypes;
import dev.shapetorch.shapes.rules.ScalarTypes.Operand;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedExecutableType;
import org.checkerframework.javacutil.TreeUtils;
import org.checkerframework.javacutil.TypesUtils;

/**
 * Dtypes at calls: the result's {@code @ScalarType} from the callee's {@link DTypeEffect}
 * effect, and its dtype contracts, read from the called method as {@code @ShapeRule} is ({@link
 * RuleCall}). The algebra ({@link DTypeRule}) computes both, with the runtime's text.
 *
 * <p>An input's dtype is its static {@code @ScalarType} (null, unknown, if none); a {@code
 * DType} argument that names a constant ({@code DType.INT64}) is that dtype; a Java {@code
 * double}, {@code long} or {@code boolean} is a wrapped scalar for promotion.
 */
final class ScalarTypeInference {
  private final ShapeAnnotatedTypeFactory factory;
  private final ScalarTypeHierarchy dtypes;
  /** Each callee's declared effects, read once (most callees declare none). */
  private final Map<Element, DTypeEffect[]> effects = new ConcurrentHashMap<>();
  private static final DTypeEffect[] NONE = new DTypeEffect[0];

  ScalarTypeInference(ShapeAnnotatedTypeFactory factory, ScalarTypeHierarchy dtypes) {
    this.factory = factory;
    this.dtypes = dtypes;
  }

  /** True if the callee declares a dtype effect or contract. */
  boolean hasEffects(Element callee) {
    return effects(callee).length > 0;
  }

  private DTypeEffect[] effects(Element callee) {
    if (callee == null) {
      return NONE;
    }
    return effects.computeIfAbsent(callee, c -> {
      DTypeEffect[] e = c.getAnnotationsByType(DTypeEffect.class);
      return e.length == 0 ? NONE : e;
    });
  }

  /**
   * Sets the dtype of a call's result by the callee's effect: its {@code @ScalarType}, or unknown
   * where the effect cannot tell. Calls without an effect keep their declared dtype.
   */
  void apply(ExpressionTree call, AnnotatedExecutableType type) {
    ExecutableElement callee = type.getElement();
    if (!hasEffects(callee) || type.getReturnType().getKind() == TypeKind.VOID) {
      return;
    }
    for (DTypeEffect e : effects(callee)) {
      if (!e.value().isContract()) {
        String d = e.value().result(inputs(call, callee, e.args()));
        AnnotatedTypeMirror ret = type.getReturnType();
        ret.replaceAnnotation(dtypes.toAnnotation(d));
        return;
      }
    }
  }

  /** The callee's broken dtype contracts at this call (empty if none or none declared). */
  List<ShapeMismatch> check(ExpressionTree call, ExecutableElement callee, String op) {
    List<ShapeMismatch> out = new ArrayList<>();
    if (!hasEffects(callee)) {
      return out;
    }
    for (DTypeEffect e : effects(callee)) {
      if (e.value().isContract()) {
        ShapeMismatch m = e.value().check(op, inputs(call, callee, e.args()));
        if (m != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The dtype of an expression's static type (null if unknown). */
  String dtypeOf(AnnotatedTypeMirror t) {
    String d = dtypes.dtypeOf(t.getAnnotationInHierarchy(dtypes.top));
    return d == null || d.isEmpty() ? null : d;
  }

  private List<Input> inputs(ExpressionTree call, ExecutableElement callee, String[] names) {
    List<Input> out = new ArrayList<>(names.length);
    List<? extends ExpressionTree> args = call instanceof MethodInvocationTree mit
        ? mit.getArguments() : ((NewClassTree) call).getArguments();
    List<? extends VariableElement> params = callee.getParameters();
    for (String name : names) {
      ExpressionTree tree = null;
      if (name.equals("this")) {
        tree = call instanceof MethodInvocationTree mit ? TreeUtils.getReceiverTree(mit) : null;
        if (tree == null) {
          out.add(Input.tensor(name, null, "", -1));
          continue;
        }
      } else {
        boolean listed = false;
        for (int i = 0; i < params.size(); i++) {
          if (params.get(i).getSimpleName().contentEquals(name)) {
            boolean varargs = callee.isVarArgs() && i == params.size() - 1;
            if (isTensors(params.get(i).asType())) {
              listed = true;
              elements(name, call, args, i, varargs, out);
            } else {
              tree = varargs || i >= args.size() ? null : args.get(i);
            }
          }
        }
        if (listed) {
          continue;
        }
      }
      out.add(tree == null ? Input.tensor(name, null, "", -1) : input(name, tree));
    }
    return out;
  }

  /**
   * The inputs of a list of tensors ({@code List<Tensor>}, {@code Tensor[]}, {@code Tensor...}),
   * one per element, read as the shape rules read them ({@link RuleCall#spelledOut}): when the
   * call spells the elements out ({@code cat(List.of(a, b), 0)}, {@code new Tensor[] {a, b}},
   * varargs one by one); else one input of unknown dtype.
   */
  private void elements(String name, ExpressionTree call, List<? extends ExpressionTree> args,
      int index, boolean varargs, List<Input> out) {
    List<ExpressionTree> given;
    boolean expanded = call instanceof MethodInvocationTree mit
        ? TreeUtils.isVarargsCall(mit)
        : call instanceof NewClassTree nct && TreeUtils.isVarargsCall(nct);
    if (varargs && expanded) {
      given = new ArrayList<>(args.subList(Math.min(index, args.size()), args.size()));
    } else {
      given = index < args.size() ? List.of(args.get(index)) : null;
    }
    List<ExpressionTree> elements = RuleCall.spelledOut(given);
    if (elements == null) {
      out.add(Input.tensor(name, null, "", -1));
      return;
    }
    for (ExpressionTree e : elements) {
      out.add(input(name, e));
    }
  }

  /** True for {@code List<Tensor>} (or another collection of tensors) and {@code Tensor[]}. */
  private static boolean isTensors(TypeMirror t) {
    if (t.getKind() == TypeKind.ARRAY) {
      return TypesUtils.isDeclaredOfName(
          ((javax.lang.model.type.ArrayType) t).getComponentType(), SizeExpressions.TENSOR);
    }
    return t instanceof javax.lang.model.type.DeclaredType d && d.getTypeArguments().size() == 1
        && d.asElement().toString().startsWith("java.util.")
        && TypesUtils.isDeclaredOfName(d.getTypeArguments().get(0), SizeExpressions.TENSOR);
  }

  private Input input(String name, ExpressionTree tree) {
    TypeMirror t = TreeUtils.typeOf(tree);
    if (t != null && t.getKind().isPrimitive()) {
      Operand k = switch (t.getKind()) {
        case DOUBLE, FLOAT -> Operand.DOUBLE_SCALAR;
        case BOOLEAN -> Operand.BOOL_SCALAR;
        default -> Operand.LONG_SCALAR;
      };
      return new Input(name, null, k, "", -1);
    }
    if (t != null && TypesUtils.isDeclaredOfName(t, "dev.shapetorch.tensor.DType")) {
      return new Input(name, dtypeConstant(tree), Operand.UNKNOWN_RANK, "", -1);
    }
    AnnotatedTypeMirror at = factory.getAnnotatedType(tree);
    TensorShape s = factory.shapeOfType(at);
    boolean unknown = ShapeQualifiers.isUnknownRank(s);
    int rank = s.hasVariadic() ? -1 : s.rank();
    return Input.tensor(name, dtypeOf(at), unknown ? "" : s.toString(), rank);
  }

  /** {@code DType.INT64} (or {@code INT64} imported statically) as {@code "int64"}; else null. */
  private static String dtypeConstant(ExpressionTree e) {
    ExpressionTree bare = TreeUtils.withoutParens(e);
    if (!(bare instanceof IdentifierTree) && !(bare instanceof MemberSelectTree)) {
      return null;
    }
    Element element = TreeUtils.elementFromUse(bare);
    return element != null && element.getKind() == ElementKind.ENUM_CONSTANT
        ? ScalarTypes.parse(element.getSimpleName().toString().toLowerCase(Locale.ROOT)) : null;
  }
}
