package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.VariableTree;
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
 * with each input built from the parameter the rule's {@code args} names (or a literal); for a
 * {@code @Shape} signature a {@code Signature} constant, parsed once when the class loads,
 * that unifies the actual shapes with the declared ones. Signatures that every shape satisfies
 * ({@code [*s] -> [*s]}) need no guard. The guard class is the surface package's {@code Guard}.
 */
final class GuardWriter {
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
    AnnotationTree rule = annotation(tree.getModifiers().getAnnotations(), "ShapeRule");
    if (rule != null) {
      return new Guard(List.of(), List.of(ruleCall(d, tree, rule, op, callNames)));
    }
    List<String> patterns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> args = new ArrayList<>();
    boolean trivial = true;
    for (int i = 0; i < d.parameters().size(); i++) {
      VariableTree p = tree.getParameters().get(i);
      AnnotationTree shape = annotation(p.getModifiers().getAnnotations(), "Shape");
      if (shape == null || !isTensor(d.parameters().get(i).asType())) {
        continue;
      }
      List<String> dims = strings(shape);
      trivial &= dims.size() == 1 && (dims.get(0).startsWith("*") || dims.get(0).equals("..."));
      patterns.add(quoted(dims));
      names.add("\"" + p.getName() + "\"");
      args.add(callNames.get(i));
    }
    if (patterns.isEmpty() || trivial) {
      return new Guard(List.of(), List.of());
    }
    String field = "private static final Signature " + fieldName
        + " =\n      Guard.signature(new String[][] {" + String.join(", ", patterns) + "}, "
        + String.join(", ", names) + ");";
    String call = fieldName + ".check(\"" + op + "\", " + String.join(", ", args) + ");";
    return new Guard(List.of(field), List.of(call));
  }

  private String ruleCall(OpDeclaration d, MethodTree tree, AnnotationTree rule, String op,
      List<String> callNames) throws Unsupported {
    String ruleName = null;
    List<String> inputs = null;
    for (ExpressionTree a : rule.getArguments()) {
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
    List<String> names = new ArrayList<>();
    for (VariableElement p : d.parameters()) {
      names.add(p.getSimpleName().toString());
    }
    if (inputs == null || inputs.isEmpty()) {
      inputs = names;
    }
    if (ruleName.endsWith("BROADCAST") && inputs.size() == 2 && names.contains(inputs.get(0))
        && names.contains(inputs.get(1))
        && isTensor(type(d, inputs.get(0))) && isTensor(type(d, inputs.get(1)))
        && !nullable(tree, names.indexOf(inputs.get(0)))
        && !nullable(tree, names.indexOf(inputs.get(1)))) {
      return "Guard.broadcast(\"" + op + "\", " + callNames.get(names.indexOf(inputs.get(0)))
          + ", " + callNames.get(names.indexOf(inputs.get(1))) + ");";
    }
    List<String> out = new ArrayList<>();
    for (String in : inputs) {
      out.add(input(d, tree, in, names, callNames));
    }
    return "Guard.rule(" + ruleName + ", \"" + op + "\"" + (out.isEmpty() ? "" : ", ")
        + String.join(", ", out) + ");";
  }

  private String input(OpDeclaration d, MethodTree tree, String in, List<String> names,
      List<String> callNames) throws Unsupported {
    if (in.equals("true") || in.equals("false")) {
      return "Guard.bool(" + in + ")";
    }
    if (INTEGER.matcher(in).matches()) {
      return "Guard.integer(" + in + "L)";
    }
    if (in.equals("null")) {
      return "Guard.ignored()";
    }
    int i = names.indexOf(in);
    if (i < 0) {
      throw new Unsupported("@ShapeRule args names '" + in + "', which is no parameter of "
          + d.name() + " " + names + " and no literal (true, false, an integer, null)");
    }
    TypeMirror t = d.parameters().get(i).asType();
    String arg = callNames.get(i);
    String quotedName = "\"" + in + "\"";
    if (isTensor(t)) {
      return nullable(tree, i) ? "Guard.optional(" + arg + ")"
          : "Guard.tensor(" + arg + ", " + quotedName + ")";
    }
    if (isTensors(t)) {
      return "Guard.tensors(" + arg + ", " + quotedName + ")";
    }
    switch (t.getKind()) {
      case LONG:
      case INT:
      case SHORT:
      case BYTE:
        return "Guard.integer(" + arg + ")";
      case BOOLEAN:
        return "Guard.bool(" + arg + ")";
      case ARRAY: {
        TypeKind c = ((ArrayType) t).getComponentType().getKind();
        if (c == TypeKind.LONG || c == TypeKind.INT) {
          return "Guard.ints(" + arg + ", " + quotedName + ")";
        }
        break;
      }
      case DECLARED:
        if (((DeclaredType) t).asElement().getKind() == ElementKind.ENUM) {
          return "Guard.enumArg(" + arg + ", " + quotedName + ")";
        }
        break;
      default:
        break;
    }
    throw new Unsupported("parameter '" + in + "' of type " + TypeNames.source(t)
        + " cannot feed a shape rule (tensor, tensors, int, ints, boolean or enum)");
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
