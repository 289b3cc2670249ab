package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * A call of an op declared with {@code @ShapeRule}: builds the rule's {@link RuleArg}s from the
 * call's receiver and arguments, as {@link ShapeRule#args} maps them (receiver then parameters
 * when empty; a bracketed list {@code "[kh, kw]"} gives one {@code INTS} input), and runs {@link
 * Rule#apply}.
 *
 * <p>Tensors give their static shape; ints their size ({@link SizeExpressions}); int arrays and
 * varargs their elements when the call spells them out ({@code view(-1, 784)}, {@code new
 * long[] {2, 3}}), else an unknown list; tensor lists their elements when spelled out
 * ({@code cat(List.of(a, b), 0)}), else an unknown list; booleans their Value Checker value;
 * enum constants their name when the argument names one ({@code Reduction.NONE}), else unknown;
 * strings their Value Checker value when it is one constant ({@code ":, 1:3"}, a {@code final}
 * local holding one), else unknown.
 */
final class RuleCall {
  private static final Set<String> LIST_FACTORIES = Set.of("of", "asList");
  private static final Set<Rule> PIECEWISE = Set.of(Rule.SPLIT, Rule.CHUNK);

  private final ShapeAnnotatedTypeFactory factory;
  private final CallSite call;
  private final Rule rule;
  private final String[] argNames;
  private final List<ExpressionTree> unknown = new ArrayList<>();

  RuleCall(ShapeAnnotatedTypeFactory factory, CallSite call, ShapeRule annotation) {
    this.factory = factory;
    this.call = call;
    this.rule = annotation.value();
    this.argNames = annotation.args();
  }

  CallShape apply() {
    List<RuleArg> ruleArgs = new ArrayList<>();
    CallShape declarationError = ruleArgs(ruleArgs);
    if (declarationError != null) {
      return declarationError;
    }
    ExecutableElement callee = call.callee();
    ShapeResult<TensorShape> r = rule.apply(call.op(), ruleArgs);
    if (!r.isOk()) {
      return CallShape.failed(r.mismatch());
    }
    // An op returning pieces takes its rule's result as every piece's shape only when the rule
    // computes a piece (split, chunk); other rules on such ops are argument checks.
    boolean pieces = callee.getReturnType().getKind() == TypeKind.ARRAY
        || factory.getProcessingEnv().getTypeUtils().erasure(callee.getReturnType()).toString()
            .equals("java.util.List");
    return CallShape.ok(pieces && !PIECEWISE.contains(rule) ? null : r.value(), unknown);
  }

  /**
   * The shape of every piece of this call of a {@code split} or {@code chunk} op, in order, when
   * the algebra knows them ({@link Rule#pieces}); else empty.
   */
  List<TensorShape> pieces() {
    if (!PIECEWISE.contains(rule)) {
      return List.of();
    }
    List<RuleArg> ruleArgs = new ArrayList<>();
    return ruleArgs(ruleArgs) != null ? List.of() : rule.pieces(call.op(), ruleArgs);
  }

  /**
   * Builds the rule's inputs from the call into {@code ruleArgs}; returns the mismatch when the
   * declaration's {@code args} do not fit the rule, else null.
   */
  private CallShape ruleArgs(List<RuleArg> ruleArgs) {
    ExecutableElement callee = call.callee();
    List<Source> sources = new ArrayList<>();
    boolean hasReceiver = call.tree() instanceof MethodInvocationTree
        && !ElementUtils.isStatic(callee) && callee.getKind() != ElementKind.CONSTRUCTOR;
    List<? extends VariableElement> params = callee.getParameters();
    if (argNames.length == 0) {
      if (hasReceiver) {
        sources.add(Source.RECEIVER);
      }
      for (int i = 0; i < params.size(); i++) {
        sources.add(new Source(i));
      }
    } else {
      for (String name : argNames) {
        Source s = Source.literal(name);
        if (name.equals("this") && hasReceiver) {
          s = Source.RECEIVER;
        }
        for (int i = 0; s == null && i < params.size(); i++) {
          if (params.get(i).getSimpleName().contentEquals(name)) {
            s = new Source(i);
          }
        }
        if (s == null) {
          return declarationError("names no parameter \"" + name + "\"");
        }
        sources.add(s);
      }
    }
    List<Rule.InputKind> kinds = rule.inputs();
    if (sources.size() < kinds.size()) {
      return declarationError(
          "gives " + sources.size() + " inputs, the rule needs " + kinds.size());
    }
    for (int k = 0; k < kinds.size(); k++) {
      ruleArgs.add(input(kinds.get(k), sources.get(k)));
    }
    return null;
  }

  private CallShape declarationError(String what) {
    return CallShape.failed(ShapeMismatch.of(MessageKeys.RULE_ARGUMENTS, call.op(),
        "the declaration's @ShapeRule(" + rule + ") " + what
            + " (inputs: " + rule.inputs() + ")"));
  }

  /**
   * A rule input: the receiver, parameter {@code index}, or a literal written in {@code
   * args} ({@code "0"}, {@code "-1"}, {@code "false"}; {@code "null"} for an absent tensor).
   */
  private record Source(int index, String literal) {
    static final Source RECEIVER = new Source(-1, null);

    Source(int index) {
      this(index, null);
    }

    /** The literal {@code text} stands for, or null if it is a name. */
    static Source literal(String text) {
      if (text.equals("true") || text.equals("false") || text.equals("null")
          || text.matches("-?[0-9]+") || isGroup(text)) {
        return new Source(-2, text);
      }
      return null;
    }
  }

  /** A bracketed list of int parameters and integers, {@code "[kh, kw]"}. */
  private static boolean isGroup(String text) {
    String t = text.strip();
    return t.startsWith("[") && t.endsWith("]");
  }

  /**
   * An {@code INTS} input given as a bracketed list: each entry's size, an int parameter's
   * argument or an integer; an entry that is neither is unknown.
   */
  private RuleArg groupInput(Rule.InputKind kind, String text) {
    if (kind != Rule.InputKind.INTS) {
      return new RuleArg.Ignored();
    }
    String inner = text.strip().substring(1, text.strip().length() - 1).strip();
    List<DimExpr> sizes = new ArrayList<>();
    List<? extends VariableElement> params = call.callee().getParameters();
    for (String part : inner.isEmpty() ? new String[0] : inner.split(",")) {
      String entry = part.strip();
      if (entry.matches("-?[0-9]+")) {
        sizes.add(DimExpr.of(Long.parseLong(entry)));
        continue;
      }
      DimExpr size = DimExpr.UNKNOWN;
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getSimpleName().contentEquals(entry)) {
          List<ExpressionTree> given = arguments(i);
          if (given != null && given.size() == 1) {
            size = factory.sizes().sizeOf(given.get(0));
          }
        }
      }
      sizes.add(size);
    }
    return new RuleArg.IntsArg(sizes);
  }

  private static RuleArg literalInput(Rule.InputKind kind, String text) {
    switch (kind) {
      case INT:
        return new RuleArg.IntArg(
            text.matches("-?[0-9]+") ? DimExpr.of(Long.parseLong(text)) : DimExpr.UNKNOWN);
      case INTS:
        return text.matches("-?[0-9]+")
            ? new RuleArg.IntsArg(List.of(DimExpr.of(Long.parseLong(text))))
            : new RuleArg.IntsArg(null);
      case BOOL:
        return new RuleArg.BoolArg(
            text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null);
      case ENUM:
        return new RuleArg.EnumArg(null); // no literal names an enum constant
      case STRING:
        return new RuleArg.StringArg(null); // no literal of args is a string
      default:
        return new RuleArg.Ignored();
    }
  }

  private RuleArg input(Rule.InputKind kind, Source s) {
    if (s.literal() != null) {
      return isGroup(s.literal()) ? groupInput(kind, s.literal())
          : literalInput(kind, s.literal());
    }
    if (s.index() < 0) {
      TensorShape shape = factory.receiverShape((MethodInvocationTree) call.tree());
      factory.analyzer().noteUnknown(shape, TreeUtils.getReceiverTree(call.tree()), unknown);
      return kind == Rule.InputKind.TENSOR ? new RuleArg.TensorArg(shape) : new RuleArg.Ignored();
    }
    List<ExpressionTree> elements = arguments(s.index());
    ExpressionTree single = elements != null && elements.size() == 1 ? elements.get(0) : null;
    switch (kind) {
      case TENSOR:
        if (single == null || isNullLiteral(single)) {
          return new RuleArg.Ignored();
        }
        TensorShape shape = factory.shapeOfExpression(single);
        factory.analyzer().noteUnknown(shape, single, unknown);
        return new RuleArg.TensorArg(shape);
      case TENSORS:
        List<ExpressionTree> tensors = spelledOut(elements);
        if (tensors == null) {
          return new RuleArg.TensorsArg(null);
        }
        List<TensorShape> shapes = new ArrayList<>(tensors.size());
        for (ExpressionTree t : tensors) {
          shapes.add(factory.shapeOfExpression(t));
        }
        return new RuleArg.TensorsArg(shapes);
      case INT:
        return new RuleArg.IntArg(
            single == null ? DimExpr.UNKNOWN : factory.sizes().sizeOf(single));
      case INTS:
        List<ExpressionTree> ints = spelledOut(elements);
        if (ints == null) {
          return new RuleArg.IntsArg(null);
        }
        List<DimExpr> sizes = new ArrayList<>(ints.size());
        for (ExpressionTree t : ints) {
          sizes.add(factory.sizes().sizeOf(t));
        }
        return new RuleArg.IntsArg(sizes);
      case BOOL:
        return new RuleArg.BoolArg(single == null ? null : factory.sizes().booleanOf(single));
      case ENUM:
        return new RuleArg.EnumArg(single == null ? null : enumConstant(single));
      case STRING:
        return new RuleArg.StringArg(single == null ? null : factory.sizes().stringOf(single));
      default:
        return new RuleArg.Ignored();
    }
  }

  /**
   * The name of the enum constant that {@code e} names ({@code Reduction.NONE}, or {@code NONE}
   * imported statically), or null for any other expression (a variable, a call).
   */
  private static String enumConstant(ExpressionTree e) {
    ExpressionTree bare = TreeUtils.withoutParens(e);
    if (!(bare instanceof IdentifierTree) && !(bare instanceof MemberSelectTree)) {
      return null;
    }
    Element element = TreeUtils.elementFromUse(bare);
    return element != null && element.getKind() == ElementKind.ENUM_CONSTANT
        ? element.getSimpleName().toString() : null;
  }

  /**
   * The argument trees of parameter {@code index}: one tree, or every element passed to an
   * expanded varargs parameter, or null when the call omits it.
   */
  private List<ExpressionTree> arguments(int index) {
    ExecutableElement callee = call.callee();
    List<? extends ExpressionTree> args = call.args();
    boolean varargs = callee.isVarArgs() && index == callee.getParameters().size() - 1;
    if (varargs && call.expandedVarargs()) {
      return new ArrayList<>(args.subList(Math.min(index, args.size()), args.size()));
    }
    return index < args.size() ? List.of(args.get(index)) : null;
  }

  /**
   * The elements of a list of tensors or ints as the call spells them out: the expanded varargs,
   * a {@code new T[] {...}} initializer, {@code List.of(...)} / {@code Arrays.asList(...)}, or a
   * single int standing for itself; null when unknown.
   */
  static List<ExpressionTree> spelledOut(List<ExpressionTree> elements) {
    if (elements == null) {
      return null;
    }
    if (elements.size() != 1) {
      return elements;
    }
    ExpressionTree e = TreeUtils.withoutParens(elements.get(0));
    if (e instanceof NewArrayTree na) {
      return na.getInitializers() == null ? null : new ArrayList<>(na.getInitializers());
    }
    if (e instanceof MethodInvocationTree mit
        && LIST_FACTORIES.contains(TreeUtils.methodName(mit).toString())) {
      String owner = TreeUtils.elementFromUse(mit).getEnclosingElement().toString();
      List<? extends ExpressionTree> listArgs = mit.getArguments();
      boolean oneArray = listArgs.size() == 1
          && TreeUtils.typeOf(listArgs.get(0)).getKind() == TypeKind.ARRAY;
      if ((owner.equals("java.util.List") || owner.equals("java.util.Arrays")) && !oneArray) {
        return new ArrayList<>(listArgs);
      }
    }
    TypeKind k = TreeUtils.typeOf(e).getKind();
    if (k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.SHORT || k == TypeKind.BYTE) {
      return elements;
    }
    if (k == TypeKind.DECLARED && !TreeUtils.typeOf(e).toString().startsWith("java.util.")) {
      return elements;
    }
    return null;
  }

  private static boolean isNullLiteral(ExpressionTree t) {
    return t instanceof LiteralTree && t.getKind() == Tree.Kind.NULL_LITERAL;
  }
}
