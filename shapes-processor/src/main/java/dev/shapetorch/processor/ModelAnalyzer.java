package dev.shapetorch.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Model} class or record into a {@link ModelPlan}, reporting what cannot be
 * generated: the wrong kind of type, a mutable or unreachable module field, a container the
 * traversal cannot name.
 *
 * <p>Children are the record components, or the instance fields of a class, in declaration order,
 * whose type is a module, {@code Parameter}, {@code Buffer}, or a {@code List} or array of one of
 * those. Other fields (hyperparameters, plain tensors) are not children, as in PyTorch. A
 * {@code @Model} superclass is visited first through its own generated class.
 */
final class ModelAnalyzer {
  /** The base class of nn's layers: its only state is the training flag. */
  private static final String ABSTRACT_MODULE = NnTypes.PACKAGE + ".AbstractModule";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final NnTypes nn;
  private final TypeElement list;

  ModelAnalyzer(Elements elements, Types types, Reporter reporter, NnTypes nn) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.nn = nn;
    this.list = elements.getTypeElement("java.util.List");
  }

  /** The classification of one field's type. */
  private record Kind(ModelPlan.Holds holds, ModelPlan.Container container, boolean badContainer) {
    static final Kind NONE = new Kind(null, null, false);
    static final Kind BAD = new Kind(null, null, true);

    boolean isChild() {
      return holds != null;
    }
  }

  /** True if some field's type is not resolved yet (another processor may generate it). */
  boolean needsLaterRound(TypeElement model) {
    for (Element e : model.getEnclosedElements()) {
      if ((e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.RECORD_COMPONENT)
          && mentionsError(e.asType())) {
        return true;
      }
    }
    return false;
  }

  /** The plan for {@code model}, or null if nothing can be generated (errors reported). */
  ModelPlan analyze(TypeElement model) {
    if (!checkTarget(model)) {
      return null;
    }
    if (!types.isAssignable(types.erasure(model.asType()), types.erasure(nn.module().asType()))) {
      reporter.error(
          Messages.MODEL_NOT_MODULE,
          "@Model "
              + model.getSimpleName()
              + " does not implement dev.shapetorch.nn.Module; add 'implements Module' and the"
              + " one-line visitChildren that calls "
              + generatedName(model)
              + ".visit(this, v)",
          model);
    }
    List<ModelPlan.Child> children =
        model.getKind() == ElementKind.RECORD ? recordChildren(model) : classChildren(model);
    String pkg = elements.getPackageOf(model).getQualifiedName().toString();
    String relative = relativeName(model, pkg);
    return new ModelPlan(
        pkg,
        relative,
        relative + wildcards(model),
        generatedName(model),
        superChildren(model),
        children,
        model.getModifiers().contains(Modifier.PUBLIC),
        outermost(model).getSimpleName() + ".java");
  }

  /** {@code Outer_InnerChildren} for {@code Outer.Inner}. */
  static String generatedName(TypeElement model) {
    StringBuilder name = new StringBuilder(model.getSimpleName());
    for (Element e = model.getEnclosingElement();
        e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name + "Children";
  }

  private boolean checkTarget(TypeElement model) {
    ElementKind kind = model.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      reporter.error(
          Messages.MODEL_TARGET,
          "@Model on "
              + article(kind)
              + " "
              + model.getSimpleName()
              + ": a model is a class or a record whose fields hold its modules",
          model);
      return false;
    }
    NestingKind nesting = model.getNestingKind();
    if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
      reporter.error(
          Messages.MODEL_TARGET,
          "@Model on a local class "
              + model.getSimpleName()
              + ": the generated class cannot name it; move it to a top-level or member class",
          model);
      return false;
    }
    for (Element e = model; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            Messages.MODEL_TARGET,
            "@Model "
                + model.getSimpleName()
                + " is not reachable from its package ("
                + e.getSimpleName()
                + " is private); make it package-private or wider",
            model);
        return false;
      }
      if (e != model
          && !model.getModifiers().contains(Modifier.STATIC)
          && !((TypeElement) e).getTypeParameters().isEmpty()) {
        reporter.error(
            Messages.MODEL_TARGET,
            "@Model "
                + model.getSimpleName()
                + " is an inner class of the generic "
                + e.getSimpleName()
                + "; make it a static nested class",
            model);
        return false;
      }
    }
    return true;
  }

  private List<ModelPlan.Child> recordChildren(TypeElement model) {
    List<ModelPlan.Child> out = new ArrayList<>();
    for (RecordComponentElement c : model.getRecordComponents()) {
      Kind kind = classify(c.asType());
      String name = c.getSimpleName().toString();
      if (kind.badContainer()) {
        reportContainer(RecordComponents.declarationOf(c), name);
      } else if (kind.isChild()) {
        out.add(new ModelPlan.Child(name, kind.holds(), kind.container(), "self." + name + "()"));
      }
    }
    return out;
  }

  private List<ModelPlan.Child> classChildren(TypeElement model) {
    List<ModelPlan.Child> out = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(model.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      Kind kind = classify(field.asType());
      String name = field.getSimpleName().toString();
      if (kind.badContainer()) {
        reportContainer(field, name);
        continue;
      }
      if (!kind.isChild()) {
        continue;
      }
      if (!field.getModifiers().contains(Modifier.FINAL)) {
        reporter.error(
            Messages.MODEL_FIELD_MUTABLE,
            "field "
                + name
                + " of @Model "
                + model.getSimpleName()
                + " holds a "
                + kind.holds().word()
                + " but is not final; make it final (a Parameter's or Buffer's tensor is"
                + " replaced with set(...), so the holder never changes)",
            field);
        continue;
      }
      String access = "self." + name;
      if (field.getModifiers().contains(Modifier.PRIVATE)) {
        ExecutableElement accessor = accessor(model, field);
        if (accessor == null) {
          reporter.error(
              Messages.MODEL_FIELD_PRIVATE,
              "field "
                  + name
                  + " of @Model "
                  + model.getSimpleName()
                  + " is private and has no accessor, so "
                  + generatedName(model)
                  + " cannot read it; make it package-private (final), add a non-private "
                  + name
                  + "() or get"
                  + capitalized(name)
                  + "() method returning it, or make the model a record",
              field);
          continue;
        }
        access = "self." + accessor.getSimpleName() + "()";
      }
      out.add(new ModelPlan.Child(name, kind.holds(), kind.container(), access));
    }
    return out;
  }

  private void reportContainer(Element where, String name) {
    reporter.error(
        Messages.MODEL_FIELD_CONTAINER,
        name
            + " holds modules, parameters or buffers in a "
            + types.erasure(where.asType())
            + ", which the generated traversal cannot name like PyTorch; use a List (children"
            + " \""
            + name
            + ".0\", \""
            + name
            + ".1\", ...), an array, a ModuleList, or write visitChildren by hand",
        where);
  }

  private ExecutableElement accessor(TypeElement model, VariableElement field) {
    String name = field.getSimpleName().toString();
    for (ExecutableElement m : ElementFilter.methodsIn(model.getEnclosedElements())) {
      String mName = m.getSimpleName().toString();
      boolean named = mName.equals(name) || mName.equals("get" + capitalized(name));
      if (named
          && m.getParameters().isEmpty()
          && !m.getModifiers().contains(Modifier.PRIVATE)
          && !m.getModifiers().contains(Modifier.STATIC)
          && types.isAssignable(m.getReturnType(), field.asType())) {
        return m;
      }
    }
    return null;
  }

  private String superChildren(TypeElement model) {
    TypeMirror superType = model.getSuperclass();
    while (superType.getKind() == TypeKind.DECLARED) {
      TypeElement superElement = (TypeElement) ((DeclaredType) superType).asElement();
      String name = superElement.getQualifiedName().toString();
      if (name.equals("java.lang.Object") || name.equals(ABSTRACT_MODULE)) {
        return null;
      }
      if (isModel(superElement)) {
        String pkg = elements.getPackageOf(superElement).getQualifiedName().toString();
        String simple = generatedName(superElement);
        return pkg.isEmpty() ? simple : pkg + "." + simple;
      }
      boolean visitsByHand = false;
      for (ExecutableElement m : ElementFilter.methodsIn(superElement.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals("visitChildren")
            && !m.getModifiers().contains(Modifier.ABSTRACT)) {
          visitsByHand = true;
        }
      }
      if (visitsByHand) {
        return null; // the user's visitChildren calls super.visitChildren(v)
      }
      for (VariableElement f : ElementFilter.fieldsIn(superElement.getEnclosedElements())) {
        Kind kind = f.getModifiers().contains(Modifier.STATIC) ? Kind.NONE : classify(f.asType());
        if (kind.isChild() || kind.badContainer()) {
          reporter.error(
              Messages.MODEL_SUPERCLASS,
              "superclass "
                  + superElement.getSimpleName()
                  + " of @Model "
                  + model.getSimpleName()
                  + " declares "
                  + (kind.isChild() ? "the " + kind.holds().word() : "the container")
                  + " field "
                  + f.getSimpleName()
                  + " that no generated traversal visits; annotate "
                  + superElement.getSimpleName()
                  + " with @Model too",
              model);
          return null;
        }
      }
      superType = superElement.getSuperclass();
    }
    return null;
  }

  private boolean isModel(TypeElement type) {
    return type.getAnnotationMirrors().stream()
        .anyMatch(a -> types.isSameType(a.getAnnotationType(), nn.model().asType()));
  }

  // ---- type classification --------------------------------------------------------------------

  private Kind classify(TypeMirror type) {
    ModelPlan.Holds one = holds(type);
    if (one != null) {
      return new Kind(one, ModelPlan.Container.ONE, false);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      ModelPlan.Holds element = holds(((ArrayType) type).getComponentType());
      if (element != null) {
        return new Kind(element, ModelPlan.Container.ARRAY, false);
      }
      return mentionsChild(type) ? Kind.BAD : Kind.NONE;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Kind.NONE;
    }
    DeclaredType declared = (DeclaredType) type;
    if (list != null
        && types.isSameType(types.erasure(type), types.erasure(list.asType()))
        && declared.getTypeArguments().size() == 1) {
      TypeMirror element = upperBound(declared.getTypeArguments().get(0));
      ModelPlan.Holds holds = element == null ? null : holds(element);
      if (holds != null) {
        return new Kind(holds, ModelPlan.Container.LIST, false);
      }
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      if (mentionsChild(argument)) {
        return Kind.BAD;
      }
    }
    return Kind.NONE;
  }

  private ModelPlan.Holds holds(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.TYPEVAR) {
      return null;
    }
    if (nn.isParameter(type, types)) {
      return ModelPlan.Holds.PARAMETER;
    }
    if (nn.isBuffer(type, types)) {
      return ModelPlan.Holds.BUFFER;
    }
    if (nn.isModule(type, types)) {
      return ModelPlan.Holds.MODULE;
    }
    return null;
  }

  private boolean mentionsChild(TypeMirror type) {
    if (holds(type) != null) {
      return true;
    }
    switch (type.getKind()) {
      case ARRAY:
        return mentionsChild(((ArrayType) type).getComponentType());
      case WILDCARD:
        TypeMirror bound = upperBound(type);
        return bound != null && mentionsChild(bound);
      case DECLARED:
        for (TypeMirror a : ((DeclaredType) type).getTypeArguments()) {
          if (mentionsChild(a)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private boolean mentionsError(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case ARRAY:
        return mentionsError(((ArrayType) type).getComponentType());
      case DECLARED:
        for (TypeMirror a : ((DeclaredType) type).getTypeArguments()) {
          if (mentionsError(a)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private static TypeMirror upperBound(TypeMirror argument) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      return ((WildcardType) argument).getExtendsBound();
    }
    return argument;
  }

  // ---- names ---------------------------------------------------------------------------------

  private static TypeElement outermost(TypeElement model) {
    TypeElement top = model;
    while (top.getEnclosingElement() instanceof TypeElement) {
      top = (TypeElement) top.getEnclosingElement();
    }
    return top;
  }

  private static String relativeName(TypeElement model, String pkg) {
    String qualified = model.getQualifiedName().toString();
    return pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
  }

  private static String wildcards(TypeElement model) {
    int n = model.getTypeParameters().size();
    if (n == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder("<");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "?" : ", ?");
    }
    return b.append('>').toString();
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String article(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      default:
        return "a " + kind.toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
