package dev.shapetorch.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Name>Backprop} for a record annotated {@code @BackpropRecord}, following the
 * contract documented on that annotation: a singleton {@code Backprop<Name>} whose {@code zero},
 * {@code add} and {@code one} work componentwise through each component's algebra, and one static
 * {@code Lens} per component, named after it, whose {@code set} goes through the canonical
 * constructor.
 *
 * <p>Component algebras by declared type: {@code double}/{@code Double} {@code Backprop.DOUBLE},
 * {@code float}/{@code Float} {@code Backprop.FLOAT}, {@code double[]}/{@code float[]} the array
 * algebras, {@code Tensor} {@code TensorBackprop.INSTANCE}, {@code List<X>} {@code Backprop.list},
 * {@code T0}..{@code T3}/{@code TN} the tuple algebras, another {@code @BackpropRecord} record its
 * generated {@code INSTANCE}. Anything else is an error naming the component.
 */
final class BackpropWriter {
  static final String PACKAGE = "dev.shapetorch.backprop";
  static final String ANNOTATION = PACKAGE + ".BackpropRecord";
  private static final String BACKPROP = PACKAGE + ".Backprop";
  private static final String LENS = PACKAGE + ".Lens";
  private static final String TENSOR = "dev.shapetorch.tensor.Tensor";
  private static final String TENSOR_BACKPROP = PACKAGE + ".ops.TensorBackprop";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  /** The package of the record being written. */
  private String currentPackage = "";

  BackpropWriter(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** {@code Outer_InnerBackprop} for {@code Outer.Inner}. */
  static String generatedName(TypeElement record) {
    StringBuilder name = new StringBuilder(record.getSimpleName());
    for (Element e = record.getEnclosingElement();
        e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name + "Backprop";
  }

  /** The package of {@code type}. */
  String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  /** The source of the generated class, or null if errors were reported. */
  String write(TypeElement record) {
    if (!checkTarget(record)) {
      return null;
    }
    if (elements.getTypeElement(BACKPROP) == null || elements.getTypeElement(LENS) == null) {
      reporter.error(
          Messages.BACKPROP_CLASSPATH,
          "@BackpropRecord needs dev.shapetorch.backprop.Backprop and Lens on the compile"
              + " classpath (the backprop artifact)",
          record);
      return null;
    }
    String pkg = packageOf(record);
    currentPackage = pkg;
    String generated = generatedName(record);
    String recordName = relativeName(record, pkg);
    Set<String> reserved = new HashSet<>();
    reserved.add(generated);
    reserved.add(
        recordName.contains(".") ? recordName.substring(0, recordName.indexOf('.')) : recordName);
    ImportSet imports =
        new ImportSet(
            reserved,
            simple -> elements.getTypeElement(pkg.isEmpty() ? simple : pkg + "." + simple) != null);
    String backprop = imports.use(BACKPROP);
    String lens = imports.use(LENS);

    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<String> algebras = new ArrayList<>();
    List<String> boxed = new ArrayList<>();
    boolean ok = true;
    for (RecordComponentElement c : components) {
      String algebra = algebra(c.asType(), imports, record);
      if (algebra == null) {
        reporter.error(
            Messages.BACKPROP_COMPONENT,
            "component "
                + c.getSimpleName()
                + " of @BackpropRecord "
                + record.getSimpleName()
                + " has type "
                + c.asType()
                + ", which has no gradient algebra; use double, float, double[], float[],"
                + " Tensor, List of those, a tuple (T0..T3, TN) or another @BackpropRecord"
                + " record",
            RecordComponents.declarationOf(c));
        ok = false;
        algebras.add(null);
        boxed.add(null);
        continue;
      }
      if (algebra.startsWith("!")) {
        reporter.error(
            Messages.BACKPROP_CLASSPATH, algebra.substring(1), RecordComponents.declarationOf(c));
        ok = false;
      }
      algebras.add(algebra);
      boxed.add(typeText(c.asType(), imports));
    }
    if (!ok) {
      return null;
    }
    String generatedAnnotation =
        elements.getTypeElement("javax.annotation.processing.Generated") != null
            ? imports.use("javax.annotation.processing.Generated")
            : null;

    List<String> constants = constantNames(components);
    StringBuilder body = new StringBuilder();
    body.append("/**\n")
        .append(" * The gradient algebra ({@link ")
        .append(backprop)
        .append("}) and the lenses of {@link ")
        .append(recordName)
        .append("}:\n")
        .append(" * {@code zero}, {@code add} and {@code one} work component by component.\n")
        .append(" */\n");
    if (generatedAnnotation != null) {
      body.append('@')
          .append(generatedAnnotation)
          .append("(\"dev.shapetorch.processor.BackpropRecordProcessor\")\n");
    }
    body.append(record.getModifiers().contains(Modifier.PUBLIC) ? "public " : "")
        .append("final class ")
        .append(generated)
        .append(" implements ")
        .append(backprop)
        .append('<')
        .append(recordName)
        .append("> {\n");
    body.append("  /** The one instance. */\n")
        .append("  public static final ")
        .append(generated)
        .append(" INSTANCE = new ")
        .append(generated)
        .append("();\n");
    for (int i = 0; i < components.size(); i++) {
      String name = components.get(i).getSimpleName().toString();
      String algebraDeclaration =
          "  private static final "
              + backprop
              + "<"
              + boxed.get(i)
              + "> "
              + constants.get(i)
              + "_ALGEBRA =";
      body.append('\n').append(fit(algebraDeclaration, "      ", algebras.get(i) + ";"));
      String lensDeclaration =
          "  private static final "
              + lens
              + "<"
              + recordName
              + ", "
              + boxed.get(i)
              + "> "
              + constants.get(i)
              + "_LENS =";
      String oneLine =
          lens
              + ".of("
              + recordName
              + "::"
              + name
              + ", (whole, part) -> new "
              + recordName
              + "("
              + arguments(components, i, "whole.%s()", "part", ", ")
              + "));";
      if (6 + oneLine.length() <= 100) {
        body.append(fit(lensDeclaration, "      ", oneLine));
      } else {
        body.append(lensDeclaration)
            .append("\n      ")
            .append(lens)
            .append(".of(\n          ")
            .append(recordName)
            .append("::")
            .append(name)
            .append(",\n          (whole, part) ->\n              new ")
            .append(recordName)
            .append("(\n                  ")
            .append(arguments(components, i, "whole.%s()", "part", ",\n                  "))
            .append("));\n");
      }
    }
    body.append('\n').append("  private ").append(generated).append("() {}\n");
    for (int i = 0; i < components.size(); i++) {
      String name = components.get(i).getSimpleName().toString();
      body.append('\n')
          .append("  /** The lens onto component {@code ")
          .append(name)
          .append("}. */\n")
          .append("  public static ")
          .append(lens)
          .append('<')
          .append(recordName)
          .append(", ")
          .append(boxed.get(i))
          .append("> ")
          .append(name)
          .append("() {\n")
          .append("    return ")
          .append(constants.get(i))
          .append("_LENS;\n")
          .append("  }\n");
    }
    appendOperation(body, "zero", recordName, constants, components, false);
    appendOperation(body, "add", recordName, constants, components, true);
    appendOperation(body, "one", recordName, constants, components, false);
    body.append("}\n");

    StringBuilder out = new StringBuilder();
    out.append("// Generated by ShapeTorch's BackpropRecordProcessor from ")
        .append(outermost(record).getSimpleName())
        .append(".java.\n// Do not edit: change the record and recompile.\n");
    if (!pkg.isEmpty()) {
      out.append("package ").append(pkg).append(";\n");
    }
    out.append('\n').append(imports.lines()).append('\n').append(body);
    return out.toString();
  }

  private static void appendOperation(
      StringBuilder body,
      String op,
      String recordName,
      List<String> constants,
      List<? extends RecordComponentElement> components,
      boolean binary) {
    body.append('\n')
        .append("  @Override\n")
        .append("  public ")
        .append(recordName)
        .append(' ')
        .append(op)
        .append('(')
        .append(recordName)
        .append(binary ? " x, " + recordName + " y) {\n" : " x) {\n");
    body.append("    return new ").append(recordName).append('(');
    for (int i = 0; i < components.size(); i++) {
      String name = components.get(i).getSimpleName().toString();
      body.append(i == 0 ? "\n        " : ",\n        ")
          .append(constants.get(i))
          .append("_ALGEBRA.")
          .append(op)
          .append("(x.")
          .append(name)
          .append("()")
          .append(binary ? ", y." + name + "()" : "")
          .append(')');
    }
    body.append(");\n").append("  }\n");
  }

  /** {@code head} and {@code tail} on one line if it fits in 100 columns, else on two. */
  private static String fit(String head, String indent, String tail) {
    return head.length() + 1 + tail.length() <= 100
        ? head + " " + tail + "\n"
        : head + "\n" + indent + tail + "\n";
  }

  private static String arguments(
      List<? extends RecordComponentElement> components,
      int replaced,
      String read,
      String part,
      String separator) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < components.size(); i++) {
      b.append(i == 0 ? "" : separator)
          .append(
              i == replaced
                  ? part
                  : String.format(Locale.ROOT, read, components.get(i).getSimpleName()));
    }
    return b.toString();
  }

  /** UPPER_SNAKE names for the components' constants, made unique. */
  private static List<String> constantNames(List<? extends RecordComponentElement> components) {
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < components.size(); i++) {
      String name = components.get(i).getSimpleName().toString();
      String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      String unique = used.add(snake) ? snake : snake + "_" + i;
      used.add(unique);
      out.add(unique);
    }
    return out;
  }

  private boolean checkTarget(TypeElement record) {
    String why = null;
    if (record.getKind() != ElementKind.RECORD) {
      why = "a record (it is " + record.getKind().toString().toLowerCase(Locale.ROOT) + ")";
    } else if (!record.getTypeParameters().isEmpty()) {
      why = "a record without type parameters (write one record per concrete type)";
    } else if (record.getNestingKind() == NestingKind.LOCAL) {
      why = "a top-level or member record (the generated class cannot name a local one)";
    } else {
      for (Element e = record; e instanceof TypeElement; e = e.getEnclosingElement()) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          why = "reachable from its package (" + e.getSimpleName() + " is private)";
        }
      }
    }
    if (why != null) {
      reporter.error(
          Messages.BACKPROP_TARGET,
          "@BackpropRecord on " + record.getSimpleName() + ": it must be " + why,
          record);
      return false;
    }
    return true;
  }

  /**
   * The algebra expression for {@code type}; null if it has none; a string starting with {@code
   * '!'} (the error message) when the algebra exists but is not on the classpath.
   */
  private String algebra(TypeMirror type, ImportSet imports, TypeElement self) {
    switch (type.getKind()) {
      case DOUBLE:
        return imports.use(BACKPROP) + ".DOUBLE";
      case FLOAT:
        return imports.use(BACKPROP) + ".FLOAT";
      case ARRAY:
        TypeKind component = ((ArrayType) type).getComponentType().getKind();
        if (component == TypeKind.DOUBLE) {
          return imports.use(BACKPROP) + ".DOUBLE_ARRAY";
        }
        return component == TypeKind.FLOAT ? imports.use(BACKPROP) + ".FLOAT_ARRAY" : null;
      case DECLARED:
        break;
      default:
        return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> args = declared.getTypeArguments();
    switch (name) {
      case "java.lang.Double":
        return imports.use(BACKPROP) + ".DOUBLE";
      case "java.lang.Float":
        return imports.use(BACKPROP) + ".FLOAT";
      case TENSOR:
        if (elements.getTypeElement(TENSOR_BACKPROP) == null) {
          return "!a Tensor component needs " + TENSOR_BACKPROP + " on the compile classpath";
        }
        return imports.use(TENSOR_BACKPROP) + ".INSTANCE";
      case "java.util.List":
        return args.size() == 1 ? call(imports, "list", args, self) : null;
      case PACKAGE + ".T0":
        return imports.use(BACKPROP) + ".t0()";
      case PACKAGE + ".T1":
        return call(imports, "t1", args, self);
      case PACKAGE + ".T2":
        return call(imports, "t2", args, self);
      case PACKAGE + ".T3":
        return call(imports, "t3", args, self);
      case PACKAGE + ".TN":
        return call(imports, "tn", args, self);
      default:
        break;
    }
    if (element.getKind() == ElementKind.RECORD && isBackpropRecord(element)) {
      String pkg = packageOf(element);
      String generated = generatedName(element);
      String reference =
          pkg.equals(packageOf(self)) ? generated : imports.use(pkg + "." + generated);
      return reference + ".INSTANCE";
    }
    return null;
  }

  private String call(
      ImportSet imports, String factory, List<? extends TypeMirror> args, TypeElement self) {
    List<String> inner = new ArrayList<>();
    for (TypeMirror a : args) {
      String algebra = a.getKind() == TypeKind.WILDCARD ? null : algebra(a, imports, self);
      if (algebra == null || algebra.startsWith("!")) {
        return algebra;
      }
      inner.add(algebra);
    }
    return imports.use(BACKPROP) + "." + factory + "(" + String.join(", ", inner) + ")";
  }

  private boolean isBackpropRecord(TypeElement element) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(
            a ->
                ((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(ANNOTATION));
  }

  /** The type as source text without annotations, boxed, importing what it can. */
  private String typeText(TypeMirror type, ImportSet imports) {
    if (type.getKind().isPrimitive()) {
      return imports.use(
          types.boxedClass(types.getPrimitiveType(type.getKind())).getQualifiedName().toString());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      String inner =
          component.getKind().isPrimitive()
              ? component.getKind().toString().toLowerCase(Locale.ROOT)
              : typeText(component, imports);
      return inner + "[]";
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String pkg = packageOf(element);
    StringBuilder b =
        new StringBuilder(
            pkg.equals(currentPackage) && element.getNestingKind() == NestingKind.MEMBER
                ? relativeName(element, pkg)
                : imports.use(element.getQualifiedName().toString()));
    List<? extends TypeMirror> args = declared.getTypeArguments();
    if (!args.isEmpty()) {
      b.append('<');
      for (int i = 0; i < args.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(typeText(args.get(i), imports));
      }
      b.append('>');
    }
    return b.toString();
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement top = type;
    while (top.getEnclosingElement() instanceof TypeElement) {
      top = (TypeElement) top.getEnclosingElement();
    }
    return top;
  }

  private static String relativeName(TypeElement type, String pkg) {
    String qualified = type.getQualifiedName().toString();
    return pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
  }
}
