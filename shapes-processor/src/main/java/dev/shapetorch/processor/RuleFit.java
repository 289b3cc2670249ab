package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.Rule.InputKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that a {@code @ShapeRule} fits its method: enough inputs for {@link Rule#inputs()}, each
 * of a fitting kind, and {@code args} naming real parameters.
 *
 * <p>Without {@code args} the inputs are the receiver (for an instance method) and then every
 * parameter; the rule takes the first ones it needs and ignores the rest (an {@code alpha} after
 * the tensors), as the checker does, so only too few inputs are an error. With {@code args}, there
 * must be exactly one entry per rule input: a parameter name, {@code "this"}, or a constant for an
 * input the method fixes ({@code "false"} or {@code "true"} for a {@code BOOL}, an integer such as
 * {@code "-1"} for an {@code INT}, {@code "null"} for an absent {@code TENSOR}: {@code sum(int dim)} is {@code REDUCE_DIM} with {@code args =
 * {"this", "dim", "false"}}). Kinds: {@code TENSOR} is any reference type that is not a boxed
 * number, a string or a collection (a tensor, or a module standing for its hyperparameters); {@code
 * TENSORS} an array or {@code Iterable} of those; {@code INT} an {@code int}/{@code long}/{@code
 * short}/{@code byte} or its box; {@code INTS} an array or {@code Iterable} of those; {@code BOOL}
 * a {@code boolean} or {@code Boolean}; {@code ENUM} an enum type (which no constant in {@code
 * args} stands for); {@code STRING} a {@code String} (an index string). As in the checker, one int stands for a list of one ({@code
 * conv1d(..., long stride, ...)} feeds an {@code INTS} input), and one tensor for a list of one.
 */
final class RuleFit {
  private final Reporter reporter;
  private final Types types;
  private final TypeElement iterable;

  RuleFit(Reporter reporter, Types types, Elements elements) {
    this.reporter = reporter;
    this.types = types;
    this.iterable = elements.getTypeElement("java.lang.Iterable");
  }

  /** One input of the method as the rule would see it. */
  private record Input(String name, InputKind kind, String type, boolean resolved, Tree where) {}

  /**
   * Checks {@code annotation} (a {@code @ShapeRule}) on {@code method}; {@code executable} gives
   * the resolved parameter types (kind checks are skipped without it).
   */
  void check(
      MethodTree method,
      AnnotationTree annotation,
      ExecutableElement executable,
      boolean constructor,
      CompilationUnitTree unit) {
    String ruleName = AnnotationValues.enumConstant(annotation, "value");
    Rule rule;
    try {
      rule = ruleName == null ? null : Rule.valueOf(ruleName);
    } catch (IllegalArgumentException unknownConstant) {
      rule = null; // javac reports the unknown constant itself
    }
    if (rule == null) {
      return;
    }
    boolean hasReceiver = !constructor && !SignatureChecks.isStatic(method);
    List<Input> all = new ArrayList<>();
    if (hasReceiver) {
      all.add(new Input("this", InputKind.TENSOR, "the receiver", true, annotation));
    }
    List<? extends VariableTree> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      VariableTree p = params.get(i);
      TypeMirror type =
          executable != null && executable.getParameters().size() == params.size()
              ? executable.getParameters().get(i).asType()
              : null;
      all.add(
          new Input(
              p.getName().toString(),
              type == null ? null : kindOf(type),
              type == null ? String.valueOf(p.getType()) : type.toString(),
              type != null,
              p));
    }
    List<AnnotationValues.StringValue> args = AnnotationValues.strings(annotation, "args");
    List<InputKind> expected = rule.inputs();
    String signature = "Rule." + rule + " takes " + describe(expected);
    if (args.isEmpty()) {
      if (all.size() < expected.size()) {
        reporter.error(
            Messages.RULE_ARITY,
            signature
                + " but "
                + method.getName()
                + " has "
                + all.size()
                + " input"
                + (all.size() == 1 ? "" : "s")
                + " ("
                + names(all)
                + "); name the ones the rule takes with args = {...}",
            annotation,
            unit);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        checkKind(all.get(i), expected.get(i), i, signature, all.get(i).where(), unit);
      }
      return;
    }
    if (args.size() != expected.size()) {
      reporter.error(
          Messages.RULE_ARITY, signature + " but args lists " + args.size(), annotation, unit);
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      AnnotationValues.StringValue arg = args.get(i);
      if (!arg.known()) {
        continue;
      }
      List<String> group = group(arg.value());
      if (group != null) {
        checkGroup(group, all, expected.get(i), i, signature, arg.tree(), unit);
        continue;
      }
      InputKind constant = constantKind(arg.value());
      if (constant != null) {
        if (!fits(constant, expected.get(i))) {
          reporter.error(
              Messages.RULE_ARGS,
              signature
                  + "; input "
                  + i
                  + " is the constant \""
                  + arg.value()
                  + "\", which is not "
                  + article(expected.get(i))
                  + " (a constant is \"true\"/\"false\" for a BOOL, an integer for an INT, or \"null\" for an absent TENSOR)",
              arg.tree(),
              unit);
        }
        continue;
      }
      Input input = null;
      for (Input candidate : all) {
        if (candidate.name().equals(arg.value())) {
          input = candidate;
        }
      }
      if (input == null) {
        String why = noSuchInput(method, constructor, arg.value());
        reporter.error(
            Messages.RULE_ARGS,
            "args names \"" + arg.value() + "\" but " + why + " (inputs: " + names(all) + ")",
            arg.tree(),
            unit);
        continue;
      }
      checkKind(input, expected.get(i), i, signature, arg.tree(), unit);
    }
  }

  /**
   * The entries of a bracketed list ({@code "[kh, kw]"}), or null if {@code text} is not one. An
   * empty list has no entries.
   */
  static List<String> group(String text) {
    String t = text.strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return null;
    }
    String inner = t.substring(1, t.length() - 1).strip();
    List<String> out = new ArrayList<>();
    if (!inner.isEmpty()) {
      for (String part : inner.split(",")) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** A bracketed list feeds an INTS input; each entry is an int parameter or an integer. */
  private void checkGroup(
      List<String> group,
      List<Input> all,
      InputKind expected,
      int index,
      String signature,
      Tree where,
      CompilationUnitTree unit) {
    if (expected != InputKind.INTS || group.isEmpty()) {
      reporter.error(
          Messages.RULE_ARGS,
          signature
              + "; input "
              + index
              + " is a bracketed list, which only an INTS input takes, with one int parameter"
              + " or integer per element",
          where,
          unit);
      return;
    }
    for (String entry : group) {
      if (constantKind(entry) == InputKind.INT) {
        continue;
      }
      Input input = null;
      for (Input candidate : all) {
        if (candidate.name().equals(entry)) {
          input = candidate;
        }
      }
      if (input == null || (input.resolved() && input.kind() != InputKind.INT)) {
        reporter.error(
            Messages.RULE_ARGS,
            signature
                + "; input "
                + index
                + " lists \""
                + entry
                + "\", which is neither an int parameter nor an integer (inputs: "
                + names(all)
                + ")",
            where,
            unit);
      }
    }
  }

  private void checkKind(
      Input input,
      InputKind expected,
      int index,
      String signature,
      Tree where,
      CompilationUnitTree unit) {
    if (input.resolved() && !fits(input.kind(), expected)) {
      reporter.error(
          Messages.RULE_KIND,
          signature
              + "; input "
              + index
              + " is "
              + input.name()
              + " of type "
              + input.type()
              + ", which is not "
              + article(expected),
          where,
          unit);
    }
  }

  /**
   * True if an input of kind {@code actual} (null: none) can feed a rule input of {@code expected}.
   */
  static boolean fits(InputKind actual, InputKind expected) {
    return actual == expected
        || (expected == InputKind.INTS && actual == InputKind.INT)
        || (expected == InputKind.TENSORS && actual == InputKind.TENSOR);
  }

  /**
   * {@code BOOL}, {@code INT} or {@code TENSOR} (for {@code "null"}, an absent optional tensor
   * such as a missing bias) if {@code text} is a constant rule input, else null.
   */
  static InputKind constantKind(String text) {
    String t = text.strip();
    if (t.equals("true") || t.equals("false")) {
      return InputKind.BOOL;
    }
    if (t.equals("null")) {
      return InputKind.TENSOR;
    }
    try {
      Long.parseLong(t);
      return InputKind.INT;
    } catch (NumberFormatException notAnInteger) {
      return null;
    }
  }

  /** The kind of a parameter type, or null if it fits no kind (a double, a string...). */
  InputKind kindOf(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind == TypeKind.BOOLEAN) {
      return InputKind.BOOL;
    }
    if (NameScope.isIntegral(kind)) {
      return InputKind.INT;
    }
    if (kind.isPrimitive()) {
      return null;
    }
    if (kind == TypeKind.ARRAY) {
      InputKind element = kindOf(((ArrayType) type).getComponentType());
      return element == InputKind.INT
          ? InputKind.INTS
          : element == InputKind.TENSOR ? InputKind.TENSORS : null;
    }
    if (kind == TypeKind.TYPEVAR || kind == TypeKind.WILDCARD) {
      return InputKind.TENSOR;
    }
    if (kind != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.lang.Integer":
      case "java.lang.Long":
      case "java.lang.Short":
      case "java.lang.Byte":
        return InputKind.INT;
      case "java.lang.Boolean":
        return InputKind.BOOL;
      case "java.lang.String":
        return InputKind.STRING;
      case "java.lang.Double":
      case "java.lang.Float":
      case "java.lang.Character":
      case "java.lang.Number":
      case "java.lang.Object":
        return null;
      default:
        break;
    }
    if (declared.asElement().getKind() == ElementKind.ENUM) {
      return InputKind.ENUM;
    }
    if (iterable != null
        && types.isAssignable(types.erasure(type), types.erasure(iterable.asType()))) {
      TypeMirror element = iterableElement(declared);
      if (element == null) {
        return InputKind.TENSORS;
      }
      InputKind elementKind = kindOf(element);
      return elementKind == InputKind.INT
          ? InputKind.INTS
          : elementKind == InputKind.TENSOR ? InputKind.TENSORS : null;
    }
    return InputKind.TENSOR;
  }

  private TypeMirror iterableElement(DeclaredType type) {
    for (TypeMirror superType : types.directSupertypes(type)) {
      if (superType.getKind() == TypeKind.DECLARED
          && ((TypeElement) ((DeclaredType) superType).asElement())
              .getQualifiedName()
              .contentEquals("java.lang.Iterable")) {
        List<? extends TypeMirror> arguments = ((DeclaredType) superType).getTypeArguments();
        return arguments.isEmpty() ? null : upper(arguments.get(0));
      }
    }
    if (((TypeElement) type.asElement()).getQualifiedName().contentEquals("java.lang.Iterable")) {
      return type.getTypeArguments().isEmpty() ? null : upper(type.getTypeArguments().get(0));
    }
    for (TypeMirror superType : types.directSupertypes(type)) {
      if (superType.getKind() == TypeKind.DECLARED) {
        TypeMirror found = iterableElement((DeclaredType) superType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static TypeMirror upper(TypeMirror argument) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((javax.lang.model.type.WildcardType) argument).getExtendsBound();
      return bound;
    }
    return argument;
  }

  private static String describe(List<InputKind> kinds) {
    StringBuilder b = new StringBuilder();
    b.append(kinds.size()).append(kinds.size() == 1 ? " input (" : " inputs (");
    for (int i = 0; i < kinds.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(kinds.get(i));
    }
    return b.append(')').toString();
  }

  private static String names(List<Input> inputs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < inputs.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(inputs.get(i).name());
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  private static String article(InputKind kind) {
    switch (kind) {
      case TENSOR:
        return "a TENSOR (a tensor or module)";
      case TENSORS:
        return "TENSORS (an array or list of tensors)";
      case INT:
        return "an INT (int or long)";
      case INTS:
        return "INTS (an int[]/long[] or a list of them)";
      case ENUM:
        return "an ENUM (an enum constant, such as a Reduction)";
      case STRING:
        return "a STRING (a String, such as an index string)";
      default:
        return "a BOOL (boolean)";
    }
  }

  /**
   * Why an {@code args} entry of a {@code @ShapeRule} or {@code @DTypeEffect} names no input of
   * {@code method}: {@code "this"} where there is no receiver, or no parameter of that name.
   */
  static String noSuchInput(MethodTree method, boolean constructor, String name) {
    return name.equals("this")
        ? (constructor ? "a constructor has" : method.getName() + " is static and has")
            + " no receiver"
        : method.getName() + " has no parameter named " + name;
  }
}
