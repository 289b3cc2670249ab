package dev.shapetorch.processor;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.VariableTree;
import dev.shapetorch.shapes.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The runtime guard of one generated form, derived from the declaration's shape contract: for
 * {@code @ShapeRule(value = R, args = {...})} a call {@code Guard.rule(Rule.R, op, inputs...)}
 * with one input per input of the rule, each built from the parameter the rule's {@code args}
 * names (or a literal) as the checker reads it ({@link Rule#inputs()}: one int stands for a list
 * of one, a {@code @Nullable} tensor is absent when null); {@link Rule#BROADCAST} and {@link
 * Rule#BROADCAST_INPLACE} of two tensors call {@code Guard.broadcast}/{@code
 * Guard.broadcastInPlace} without building rule inputs. For a {@code @Shape} signature of the
 * tensor parameters (alone, or beside a rule when the result declares a {@code @Shape} too, as
 * the checker then unifies it) a {@code Signature} constant, parsed once when the
 * class loads, unifies the actual shapes with the declared ones. Signatures that every shape
 * satisfies ({@code [*s] -> [*s]}) need no guard. The guard classes are the runtime's {@value
 * #GUARD} and {@value #SIGNATURE}, which the generated class imports ({@link #imports}).
 */
final class GuardWriter {
  /** The class the generated guards call: the runtime's one door into the shape algebra. */
  static final String GUARD = "dev.shapetorch.internal.Guard";

  /** The type of a generated signature constant. */
  static final String SIGNATURE = "dev.shapetorch.internal.Signature";

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  /** What the writer produced for one form: fields of the class and statements of the body. */
  record Guard(List<String> fields, List<String> statements) {}

  /** Thrown for a contract that cannot become a guard; the message says why. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  private final String tensorType;
  private boolean calledGuard;
  private boolean declaredSignature;

  /** @param tensorType the qualified name of the tensor class */
  GuardWriter(String tensorType) {
    this.tensorType = tensorType;
  }

  /**
   * The guard for {@code op} (the form's public name, e.g. {@code Torch.add}).
   *
   * @param fieldName a name for a signature constant, unique in the generated class
   */
  Guard write(OpDeclaration d, MethodTree tree, String op, String fieldName,
      List<String> callNames) throws Unsupported {
    List<String> fields = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    AnnotationTree rule = annotation(tree.getModifiers().getAnnotations(), "ShapeRule");
    if (rule != null) {
      statements.add(ruleCall(d, tree, rule, op, callNames));
      calledGuard = true;
    }
    // The @Shape signature of the tensor parameters; beside a rule, the checker unifies it only
    // when the result declares a @Shape too (the rule checks, the signature gives the result).
    if (rule != null && !declaresResult(tree)) {
      return new Guard(fields, statements);
    }
    List<String> patterns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> args = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    java.util.Set<String> variadics = new java.util.HashSet<>();
    boolean trivial = true;
    boolean anyOptional = false;
    for (int i = 0; i < d.parameters().size(); i++) {
      VariableTree p = tree.getParameters().get(i);
      AnnotationTree shape = annotation(p.getModifiers().getAnnotations(), "Shape");
      if (shape == null || !isTensor(d.parameters().get(i).asType())) {
        continue;
      }
      List<String> dims = strings(shape);
      // [*s] alone constrains nothing, unless another parameter names the same *s.
      trivial &= dims.size() == 1 && (dims.get(0).equals("...")
          || dims.get(0).startsWith("*") && variadics.add(dims.get(0)));
      patterns.add(quoted(dims));
      names.add("\"" + p.getName() + "\"");
      args.add(callNames.get(i));
      boolean opt = nullable(tree, i);
      optional.add(String.valueOf(opt));
      anyOptional |= opt;
    }
    if (!patterns.isEmpty() && !trivial) {
      fields.add("private static final Signature " + fieldName
          + " =\n      Guard.signature(new String[][] {" + String.join(", ", patterns) + "}, "
          + (anyOptional ? "new boolean[] {" + String.join(", ", optional) + "}, " : "")
          + String.join(", ", names) + ");");
      statements.add(fieldName + ".check(\"" + op + "\", " + String.join(", ", args) + ");");
      calledGuard = true;
      declaredSignature = true;
    }
    return new Guard(fields, statements);
  }

  /**
   * The qualified names of the guard classes that the guards written so far name ({@value
   * #GUARD}, {@value #SIGNATURE}), for the generated class's imports.
   */
  List<String> imports() {
    List<String> out = new ArrayList<>();
    if (calledGuard) {
      out.add(GUARD);
    }
    if (declaredSignature) {
      out.add(SIGNATURE);
    }
    return out;
  }

  /** True if the declaration's result carries a {@code @Shape}. */
  private static boolean declaresResult(MethodTree tree) {
    if (annotation(tree.getModifiers().getAnnotations(), "Shape") != null) {
      return true;
    }
    return tree.getReturnType() instanceof AnnotatedTypeTree t
        && annotation(t.getAnnotations(), "Shape") != null;
  }

  private String ruleCall(OpDeclaration d, MethodTree tree, AnnotationTree annotation, String op,
      List<String> callNames) throws Unsupported {
    String ruleName = null;
    List<String> inputs = null;
    for (ExpressionTree a : annotation.getArguments()) {
      String key = "value";
      ExpressionTree value = a;
      if (a instanceof AssignmentTree) {
        key = ((AssignmentTree) a).getVariable().toString();
        value = ((AssignmentTree) a).getExpression();
      }
      if (key.equals("value")) {
        ruleName = value.toString();
      } else if (key.equals("args")) {
        inputs = strings(value);
      }
    }
    if (ruleName == null) {
      throw new Unsupported("@ShapeRule without a rule");
    }
    Rule rule;
    try {
      rule = Rule.valueOf(ruleName.substring(ruleName.lastIndexOf('.') + 1));
    } catch (IllegalArgumentException e) {
      throw new Unsupported("@ShapeRule names " + ruleName + ", which is no constant of Rule");
    }
    List<String> names = new ArrayList<>();
    for (VariableElement p : d.parameters()) {
      names.add(p.getSimpleName().toString());
    }
    if (inputs == null || inputs.isEmpty()) {
      inputs = names; // the parameters in order; the rule takes the first ones it needs
    }
    List<Rule.InputKind> kinds = rule.inputs();
    if (inputs.size() < kinds.size()) {
      throw new Unsupported("@ShapeRule(" + rule + ") gives " + inputs.size()
          + " inputs, the rule takes " + kinds.size() + " " + kinds);
    }
    if ((rule == Rule.BROADCAST || rule == Rule.BROADCAST_INPLACE)
        && plainTensor(d, tree, names, inputs.get(0))
        && plainTensor(d, tree, names, inputs.get(1))) {
      // Every elementwise op takes this path: no rule inputs are built.
      String a = inputs.get(0);
      String b = inputs.get(1);
      return "Guard." + (rule == Rule.BROADCAST ? "broadcast" : "broadcastInPlace") + "(\""
          + op + "\", " + callNames.get(names.indexOf(a)) + ", \"" + a + "\", "
          + callNames.get(names.indexOf(b)) + ", \"" + b + "\");";
    }
    List<String> out = new ArrayList<>();
    for (int k = 0; k < kinds.size(); k++) {
      out.add(input(d, tree, kinds.get(k), inputs.get(k), names, callNames));
    }
    return "Guard.rule(" + ruleName + ", \"" + op + "\"" + (out.isEmpty() ? "" : ", ")
        + String.join(", ", out) + ");";
  }

  /** True if {@code name} is a tensor parameter that may not be null. */
  private boolean plainTensor(OpDeclaration d, MethodTree tree, List<String> names, String name) {
    int i = names.indexOf(name);
    return i >= 0 && isTensor(d.parameters().get(i).asType()) && !nullable(tree, i);
  }

  /**
   * The guard's expression for one rule input of {@code kind}: a literal of {@code args}, or
   * the parameter it names, as the checker reads it (one int stands for a list of one).
   */
  private String input(OpDeclaration d, MethodTree tree, Rule.InputKind kind, String in,
      List<String> names, List<String> callNames) throws Unsupported {
    if (in.equals("null")) {
      return "Guard.ignored()";
    }
    if (in.equals("true") || in.equals("false")) {
      if (kind == Rule.InputKind.BOOL) {
        return "Guard.bool(" + in + ")";
      }
      throw new Unsupported("the literal \"" + in + "\" cannot feed the rule's " + kind
          + " input");
    }
    if (INTEGER.matcher(in).matches()) {
      if (kind == Rule.InputKind.INT) {
        return "Guard.integer(" + in + "L)";
      }
      if (kind == Rule.InputKind.INTS) {
        return "Guard.ints(" + in + "L)";
      }
      throw new Unsupported("the literal \"" + in + "\" cannot feed the rule's " + kind
          + " input");
    }
    int i = names.indexOf(in);
    if (i < 0) {
      throw new Unsupported("@ShapeRule args names '" + in + "', which is no parameter of "
          + d.name() + " " + names + " and no literal (true, false, an integer, null)");
    }
    TypeMirror t = d.parameters().get(i).asType();
    String arg = callNames.get(i);
    String quotedName = "\"" + in + "\"";
    switch (kind) {
      case TENSOR:
        if (isTensor(t)) {
          return nullable(tree, i) ? "Guard.optional(" + arg + ")"
              : "Guard.tensor(" + arg + ", " + quotedName + ")";
        }
        break;
      case TENSORS:
        if (isTensors(t)) {
          return "Guard.tensors(" + arg + ", " + quotedName + ")";
        }
        break;
      case INT:
        if (isIntegral(t.getKind())) {
          return "Guard.integer(" + arg + ")";
        }
        break;
      case INTS:
        if (isIntegral(t.getKind())) {
          return "Guard.ints((long) " + arg + ")";
        }
        if (t.getKind() == TypeKind.ARRAY) {
          TypeKind c = ((ArrayType) t).getComponentType().getKind();
          if (c == TypeKind.LONG || c == TypeKind.INT) {
            return "Guard.ints(" + arg + ", " + quotedName + ")";
          }
        }
        break;
      case BOOL:
        if (t.getKind() == TypeKind.BOOLEAN) {
          return "Guard.bool(" + arg + ")";
        }
        break;
      case ENUM:
        if (t.getKind() == TypeKind.DECLARED
            && ((DeclaredType) t).asElement().getKind() == ElementKind.ENUM) {
          String type = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
              .toString();
          return "Guard.enumArg(" + arg + ", " + quotedName + ", " + type + ".class)";
        }
        break;
      case STRING:
        if (TypeNames.isNamed(t, "java.lang.String")) {
          return "Guard.string(" + arg + ", " + quotedName + ")";
        }
        break;
      default:
        break;
    }
    throw new Unsupported("parameter '" + in + "' of type " + TypeNames.source(t)
        + " cannot feed the rule's " + kind + " input (a guard takes a tensor, tensors, an"
        + " int, ints, a boolean, an enum or a string)");
  }

  private static boolean isIntegral(TypeKind k) {
    return k == TypeKind.LONG || k == TypeKind.INT || k == TypeKind.SHORT || k == TypeKind.BYTE;
  }

  private TypeMirror type(OpDeclaration d, String name) {
    for (VariableElement p : d.parameters()) {
      if (p.getSimpleName().contentEquals(name)) {
        return p.asType();
      }
    }
    return null;
  }

  private boolean isTensor(TypeMirror t) {
    return TypeNames.isNamed(t, tensorType);
  }

  private boolean isTensors(TypeMirror t) {
    if (t.getKind() == TypeKind.ARRAY) {
      return isTensor(((ArrayType) t).getComponentType());
    }
    if (t.getKind() == TypeKind.DECLARED) {
      DeclaredType d = (DeclaredType) t;
      String n = ((TypeElement) d.asElement()).getQualifiedName().toString();
      return (n.equals("java.util.List") || n.equals("java.util.Collection")
          || n.equals("java.lang.Iterable")) && d.getTypeArguments().size() == 1
          && isTensor(d.getTypeArguments().get(0));
    }
    return false;
  }

  private static boolean nullable(MethodTree tree, int i) {
    return i >= 0 && annotation(tree.getParameters().get(i).getModifiers().getAnnotations(),
        "Nullable") != null;
  }

  static AnnotationTree annotation(List<? extends AnnotationTree> annotations, String simple) {
    for (AnnotationTree a : annotations) {
      String n = a.getAnnotationType().toString();
      if (n.equals(simple) || n.endsWith("." + simple)) {
        return a;
      }
    }
    return null;
  }

  /** The string values of an annotation's {@code value} (a literal or an array of literals). */
  static List<String> strings(AnnotationTree a) throws Unsupported {
    for (ExpressionTree arg : a.getArguments()) {
      ExpressionTree v = arg;
      if (arg instanceof AssignmentTree) {
        if (!((AssignmentTree) arg).getVariable().toString().equals("value")) {
          continue;
        }
        v = ((AssignmentTree) arg).getExpression();
      }
      return strings(v);
    }
    return List.of();
  }

  private static List<String> strings(ExpressionTree v) throws Unsupported {
    List<String> out = new ArrayList<>();
    if (v instanceof NewArrayTree) {
      for (ExpressionTree e : ((NewArrayTree) v).getInitializers()) {
        out.add(literal(e));
      }
    } else {
      out.add(literal(v));
    }
    return out;
  }

  private static String literal(ExpressionTree e) throws Unsupported {
    if (e instanceof LiteralTree && ((LiteralTree) e).getValue() instanceof String) {
      return (String) ((LiteralTree) e).getValue();
    }
    throw new Unsupported("a shape annotation of an op declaration must use string literals,"
        + " got " + e);
  }

  private static String quoted(List<String> dims) {
    List<String> q = new ArrayList<>();
    for (String s : dims) {
      q.add("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    return "{" + String.join(", ", q) + "}";
  }
}
