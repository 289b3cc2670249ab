package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Checks that look at a whole method or constructor signature: every shape variable of the result
 * is bound by a parameter, the receiver or a {@code @Dim("X")} ({@link Messages#UNBOUND}); and a
 * {@code @ShapeRule} fits the method ({@link RuleFit}). A rule may sit on a method whose result has
 * a declared {@code @Shape}, or none at all (a {@code void} method whose rule only constrains its
 * arguments, as {@code backward(gradient)} does).
 */
final class SignatureChecks {
  private final Trees trees;
  private final Reporter reporter;
  private final RuleFit rules;

  SignatureChecks(Trees trees, Reporter reporter, RuleFit rules) {
    this.trees = trees;
    this.reporter = reporter;
    this.rules = rules;
  }

  /** Checks the method at {@code path}; {@code scanner} resolves annotations in its unit. */
  void check(TreePath path, DeclarationScanner scanner) {
    MethodTree method = (MethodTree) path.getLeaf();
    boolean constructor = method.getReturnType() == null;
    List<AnnotationTree> results = new ArrayList<>();
    for (AnnotationTree a : method.getModifiers().getAnnotations()) {
      if (scanner.find(List.of(a), ShapeAnnotationKind.SHAPE) != null) {
        results.add(a);
      }
    }
    if (!constructor) {
      results.addAll(scanner.findAll(method.getReturnType(), ShapeAnnotationKind.SHAPE));
    }
    checkBound(method, results, scanner);
    AnnotationTree rule =
        scanner.find(method.getModifiers().getAnnotations(), ShapeAnnotationKind.SHAPE_RULE);
    if (rule != null) {
      Element element = trees.getElement(path);
      ExecutableElement executable =
          element instanceof ExecutableElement ? (ExecutableElement) element : null;
      rules.check(method, rule, executable, constructor, scanner.unit());
    }
    checkDTypeEffects(method, constructor, scanner);
  }

  /**
   * Every {@code @DTypeEffect}'s {@code args} names {@code "this"} (on an instance method) or a
   * parameter of the method ({@link Messages#DTYPE_ARGS}): the checker and the generated forms read
   * an input by that name, and a misspelt one would silently give an unknown dtype and skip a
   * contract. The container {@code @DTypeEffect.List} is read too.
   */
  private void checkDTypeEffects(
      MethodTree method, boolean constructor, DeclarationScanner scanner) {
    List<AnnotationTree> effects = new ArrayList<>();
    for (AnnotationTree a : method.getModifiers().getAnnotations()) {
      String type = a.getAnnotationType().toString();
      if (type.equals("DTypeEffect") || type.endsWith(".DTypeEffect")) {
        effects.add(a);
      } else if (type.equals("DTypeEffect.List") || type.endsWith(".DTypeEffect.List")) {
        com.sun.source.tree.ExpressionTree v = AnnotationValues.attribute(a, "value");
        if (v instanceof com.sun.source.tree.NewArrayTree array
            && array.getInitializers() != null) {
          for (com.sun.source.tree.ExpressionTree i : array.getInitializers()) {
            if (i instanceof AnnotationTree inner) {
              effects.add(inner);
            }
          }
        } else if (v instanceof AnnotationTree inner) {
          effects.add(inner);
        }
      }
    }
    if (effects.isEmpty()) {
      return;
    }
    boolean hasReceiver = !constructor && !isStatic(method);
    List<String> inputs = new ArrayList<>();
    if (hasReceiver) {
      inputs.add("this");
    }
    for (VariableTree p : method.getParameters()) {
      inputs.add(p.getName().toString());
    }
    for (AnnotationTree effect : effects) {
      for (AnnotationValues.StringValue arg : AnnotationValues.strings(effect, "args")) {
        if (!arg.known() || inputs.contains(arg.value())) {
          continue;
        }
        String why = RuleFit.noSuchInput(method, constructor, arg.value());
        reporter.error(
            Messages.DTYPE_ARGS,
            "@DTypeEffect args names \"" + arg.value() + "\" but " + why + " (inputs: "
                + (inputs.isEmpty() ? "none" : String.join(", ", inputs)) + ")",
            arg.tree(),
            scanner.unit());
      }
    }
  }

  private void checkBound(
      MethodTree method, List<AnnotationTree> results, DeclarationScanner scanner) {
    if (results.isEmpty()) {
      return;
    }
    Set<String> bound = new HashSet<>();
    List<VariableTree> inputs = new ArrayList<>();
    if (method.getReceiverParameter() != null) {
      inputs.add(method.getReceiverParameter());
    }
    inputs.addAll(method.getParameters());
    for (VariableTree p : inputs) {
      List<AnnotationTree> shapes = new ArrayList<>();
      shapes.addAll(scanner.findAll(p.getModifiers(), ShapeAnnotationKind.SHAPE));
      shapes.addAll(scanner.findAll(p.getType(), ShapeAnnotationKind.SHAPE));
      for (AnnotationTree shape : shapes) {
        for (AnnotationValues.StringValue v : AnnotationValues.strings(shape, "value")) {
          if (!v.known()) {
            return; // a constant we cannot read may bind anything: stay silent
          }
          String variadic = ShapeNames.variadicName(v.value());
          if (variadic != null) {
            bound.add(variadic);
          } else {
            bound.addAll(ShapeNames.namesIn(v.value()));
          }
        }
      }
      AnnotationTree dim = scanner.find(p.getModifiers().getAnnotations(), ShapeAnnotationKind.DIM);
      if (dim != null) {
        for (AnnotationValues.StringValue v : AnnotationValues.strings(dim, "value")) {
          if (!v.known()) {
            return;
          }
          bound.add(v.value());
        }
      }
    }
    for (AnnotationTree result : results) {
      List<AnnotationValues.StringValue> values = AnnotationValues.strings(result, "value");
      List<String> texts = new ArrayList<>();
      for (AnnotationValues.StringValue v : values) {
        texts.add(v.value());
      }
      if (!ShapeSyntax.errors(texts).isEmpty()) {
        continue; // reported as a syntax error already
      }
      for (AnnotationValues.StringValue v : values) {
        if (!v.known()) {
          continue;
        }
        String variadic = ShapeNames.variadicName(v.value());
        if (variadic != null) {
          if (!variadic.equals("...") && !bound.contains(variadic)) {
            reportUnbound("*" + variadic, v, method, scanner);
          }
          continue;
        }
        for (String name : ShapeNames.namesIn(v.value())) {
          if (ShapeNames.isShapeVariable(name)
              && !bound.contains(name)
              && !scanner.isDependent(name)) {
            reportUnbound(name, v, method, scanner);
          }
        }
      }
    }
  }

  private void reportUnbound(
      String name,
      AnnotationValues.StringValue where,
      MethodTree method,
      DeclarationScanner scanner) {
    String what =
        method.getReturnType() == null ? "constructor result" : "result of " + method.getName();
    reporter.error(
        Messages.UNBOUND,
        "shape variable "
            + name
            + " in the "
            + what
            + " (\""
            + where.value()
            + "\") is bound by no parameter or receiver; "
            + (name.startsWith("*")
                ? "declare " + name + " first in a parameter's @Shape, or write \"...\""
                : "declare it in a parameter's @Shape, bind it with @Dim(\""
                    + name
                    + "\") on a size parameter, or use a lower-case dependent name"),
        where.tree(),
        scanner.unit());
  }

  /** True if {@code method} has no receiver (static, or in a static context of an interface). */
  static boolean isStatic(MethodTree method) {
    return method.getModifiers().getFlags().contains(Modifier.STATIC);
  }
}
