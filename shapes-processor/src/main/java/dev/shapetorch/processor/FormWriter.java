package dev.shapetorch.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Writes the public class of one {@code @Surface}: its Javadoc, its constructors (repeating the
 * surface's), and one method per op declaration of its variant, each with the declaration's
 * annotations as written (for a method form the first parameter's become the receiver's, and a
 * rule's {@code args} say {@code "this"} for it), the declaration's Javadoc, the runtime guard
 * ({@link GuardWriter}) and the call to the kernel. Annotations and types are copied as source,
 * so the generated file imports what the declarations' files import.
 */
final class FormWriter {
  private final Elements elements;
  private final Trees trees;
  private final Reporter reporter;
  private final TypeElement surface;
  private final String variant;
  private final Map<String, TypeElement> surfaces;
  private final Set<String> functionNames;
  private final String pkg;
  private final String name;

  FormWriter(Elements elements, Trees trees, Reporter reporter, TypeElement surface,
      String variant, Map<String, TypeElement> surfaces, Set<String> functionNames) {
    this.elements = elements;
    this.trees = trees;
    this.reporter = reporter;
    this.surface = surface;
    this.variant = variant;
    this.surfaces = surfaces;
    this.functionNames = functionNames;
    this.pkg = elements.getPackageOf(surface).getQualifiedName().toString();
    this.name = OpFormsProcessor.surfaceName(surface);
  }

  String qualifiedName() {
    return pkg.isEmpty() ? name : pkg + "." + name;
  }

  private String qualifiedNameOf(String v) {
    TypeElement s = surfaces.get(v);
    String p = elements.getPackageOf(s).getQualifiedName().toString();
    return p + "." + OpFormsProcessor.surfaceName(s);
  }

  /** The source of the class, or null after reporting why it cannot be written. */
  String write(List<OpDeclaration> ops) {
    if (trees == null) {
      reporter.error(Messages.OP_DECLARATION, "generating op forms needs javac's tree API",
          surface);
      return null;
    }
    String tensorType = surfaces.containsKey("METHOD") ? qualifiedNameOf("METHOD")
        : "dev.shapetorch.tensor.Tensor";
    GuardWriter guards = new GuardWriter(tensorType);
    Map<String, String> imports = new TreeMap<>();
    List<String> fields = new ArrayList<>();
    StringBuilder methods = new StringBuilder();
    Map<String, OpDeclaration> signatures = new HashMap<>();
    List<OpDeclaration> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing(OpDeclaration::name)
        .thenComparing(d -> d.parameters().size())
        .thenComparing(d -> d.kernel().getParameters().toString()));
    int counter = 0;
    for (OpDeclaration d : sorted) {
      boolean method = variant.equals("METHOD");
      String key = d.name() + erasure(d, method ? 1 : 0);
      OpDeclaration clash = signatures.put(key, d);
      if (clash != null) {
        reporter.error(Messages.OP_DECLARATION, "two declarations give " + name + "." + key
            + ": this one and " + clash.family().getSimpleName() + "." + clash.name(),
            d.kernel());
        return null;
      }
      boolean foreign = !elements.getPackageOf(d.family()).getQualifiedName().contentEquals(pkg);
      if (!addImports(d, imports, foreign)) {
        return null;
      }
      boolean viaFunction = variant.equals("FUNCTIONAL") && foreign;
      if (viaFunction && !d.variants().contains("FUNCTION")) {
        reporter.error(Messages.OP_DECLARATION, "a FUNCTIONAL form of a declaration outside "
            + pkg + " calls its FUNCTION form: add Variant.FUNCTION, or declare the op in " + pkg,
            d.kernel());
        return null;
      }
      if (viaFunction) {
        String fn = qualifiedNameOf("FUNCTION");
        String line = "import " + fn + ";";
        String had = imports.putIfAbsent(fn.substring(fn.lastIndexOf('.') + 1), line);
        if (had != null && !had.equals(line)) {
          reporter.error(Messages.OP_DECLARATION, "the declarations import another type named "
              + fn.substring(fn.lastIndexOf('.') + 1) + " (" + had + ") than the function"
              + " surface its FUNCTIONAL form calls", d.kernel());
          return null;
        }
      }
      try {
        methods.append(form(d, method, viaFunction, guards, "SIGNATURE_" + (counter++), fields));
      } catch (GuardWriter.Unsupported e) {
        reporter.error(Messages.OP_DECLARATION, d.name() + ": " + e.getMessage(), d.kernel());
        return null;
      }
    }
    for (String q : guards.imports()) {
      String simple = q.substring(q.lastIndexOf('.') + 1);
      String line = "import " + q + ";";
      String had = imports.putIfAbsent(simple, line);
      if (had != null && !had.equals(line)) {
        reporter.error(Messages.OP_DECLARATION, "the declarations import another type named "
            + simple + " (" + had + ") than the guard class the generated forms call (" + q
            + ")", surface);
        return null;
      }
    }
    StringBuilder out = new StringBuilder();
    if (!pkg.isEmpty()) {
      out.append("package ").append(pkg).append(";\n\n");
    }
    for (String line : imports.values()) {
      out.append(line).append('\n');
    }
    out.append('\n');
    out.append(javadoc(elements.getDocComment(surface), "", null));
    out.append("@javax.annotation.processing.Generated(\"")
        .append(OpFormsProcessor.class.getName()).append("\")\n");
    out.append("public final class ").append(name).append(" extends ")
        .append(surface.getSimpleName()).append(" {\n");
    for (String f : fields) {
      out.append("  ").append(f).append("\n\n");
    }
    out.append(constructors());
    out.append(methods);
    out.append("}\n");
    return out.toString();
  }

  private String constructors() {
    StringBuilder out = new StringBuilder();
    boolean any = false;
    for (Element e : surface.getEnclosedElements()) {
      if (e.getKind() != ElementKind.CONSTRUCTOR || e.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      MethodTree t = trees.getTree((ExecutableElement) e);
      if (t == null) {
        continue;
      }
      any = true;
      StringJoiner params = new StringJoiner(", ");
      StringJoiner args = new StringJoiner(", ");
      for (VariableTree p : t.getParameters()) {
        params.add(p.getType() + " " + p.getName());
        args.add(p.getName());
      }
      out.append("  ").append(name).append('(').append(params).append(") {\n")
          .append("    super(").append(args).append(");\n  }\n\n");
    }
    if (!any) {
      out.append("  private ").append(name).append("() {}\n\n");
    }
    return out.toString();
  }

  /**
   * The imports of the declaration's file, under which its annotations, types and Javadoc are
   * copied. For a declaration of another package ({@code foreign}), only those the surface's
   * package may use (public types and members), plus the public types of the declaration's own
   * package that its signature and Javadoc name without an import.
   */
  private boolean addImports(OpDeclaration d, Map<String, String> imports, boolean foreign) {
    if (d.unit() == null) {
      return true;
    }
    for (ImportTree i : d.unit().getImports()) {
      String q = i.getQualifiedIdentifier().toString();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      if (foreign && !accessible(q, i.isStatic())) {
        continue; // the declaration's package's own helpers: never part of a form
      }
      String line = "import " + (i.isStatic() ? "static " : "") + q + ";";
      if (simple.equals("*")) {
        imports.putIfAbsent(line, line);
        continue;
      }
      if (simple.equals(name) || q.startsWith("org.bytedeco.")) {
        continue; // the generated class itself; native types never appear in a form
      }
      String key = (i.isStatic() ? "static " : "") + simple;
      String had = imports.putIfAbsent(key, line);
      if (had != null && !had.equals(line)) {
        reporter.error(Messages.OP_DECLARATION, "the declarations' files import two types named "
            + simple + " (" + had + " and " + line + "); write one of them qualified",
            d.kernel());
        return false;
      }
    }
    return !foreign || importOwnPackage(d, imports);
  }

  /** Whether the surface's package may import {@code q} (a type, a static member, or a star). */
  private boolean accessible(String q, boolean isStatic) {
    String owner = q.substring(0, Math.max(q.lastIndexOf('.'), 0));
    String member = q.substring(q.lastIndexOf('.') + 1);
    if (!isStatic && member.equals("*")) {
      TypeElement t = elements.getTypeElement(owner);
      return t == null || isPublicType(t); // a package, or a type's members
    }
    if (!isStatic) {
      TypeElement t = elements.getTypeElement(q);
      return t == null || isPublicType(t);
    }
    TypeElement t = elements.getTypeElement(owner);
    if (t == null) {
      return true;
    }
    if (!isPublicType(t)) {
      return false;
    }
    if (member.equals("*")) {
      return true;
    }
    for (Element e : t.getEnclosedElements()) {
      if (e.getSimpleName().contentEquals(member) && e.getModifiers().contains(Modifier.PUBLIC)
          && e.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPublicType(TypeElement t) {
    for (Element e = t; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern TYPE_NAME = Pattern.compile("\\b([A-Z][A-Za-z0-9_]*)\\b");
  private static final Pattern DOC_REFERENCE = Pattern.compile(
      "(?:\\{@link(?:plain)?|@throws|@exception|@see)\\s+([A-Z][A-Za-z0-9_]*)");

  /**
   * Imports the public types of a foreign declaration's package that its signature,
   * annotations or Javadoc references name without an import (its file needs none for them).
   */
  private boolean importOwnPackage(OpDeclaration d, Map<String, String> imports) {
    String home = elements.getPackageOf(d.family()).getQualifiedName().toString();
    MethodTree tree = trees.getTree(d.kernel());
    if (tree == null) {
      return true;
    }
    StringBuilder source = new StringBuilder();
    source.append(tree.getModifiers()).append(' ').append(tree.getReturnType()).append(' ');
    tree.getTypeParameters().forEach(t -> source.append(t).append(' '));
    tree.getParameters().forEach(p -> source.append(p.getModifiers()).append(' ')
        .append(p.getType()).append(' '));
    tree.getThrows().forEach(t -> source.append(t).append(' '));
    java.util.Set<String> names = new java.util.TreeSet<>();
    Matcher m = TYPE_NAME.matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    m = DOC_REFERENCE.matcher(d.doc());
    while (m.find()) {
      names.add(m.group(1));
    }
    for (String simple : names) {
      TypeElement t = elements.getTypeElement(home + "." + simple);
      if (t == null || !isPublicType(t) || simple.equals(name)) {
        continue;
      }
      String line = "import " + home + "." + simple + ";";
      if (elements.getTypeElement(pkg + "." + simple) != null) {
        reporter.error(Messages.OP_DECLARATION, "the declaration names " + home + "." + simple
            + ", and " + pkg + " has its own " + simple + "; rename one of them", d.kernel());
        return false;
      }
      String had = imports.putIfAbsent(simple, line);
      if (had != null && !had.equals(line)) {
        reporter.error(Messages.OP_DECLARATION, "the declarations name two types " + simple
            + " (" + had + " and " + line + "); write one of them qualified", d.kernel());
        return false;
      }
    }
    return true;
  }

  private String form(OpDeclaration d, boolean method, boolean viaFunction, GuardWriter guards,
      String fieldName, List<String> fields) throws GuardWriter.Unsupported {
    MethodTree tree = trees.getTree(d.kernel());
    if (tree == null) {
      throw new GuardWriter.Unsupported("no source tree for the declaration");
    }
    List<? extends VariableTree> ps = tree.getParameters();
    String receiver = method ? ps.get(0).getName().toString() : null;
    List<String> callNames = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      callNames.add(method && i == 0 ? "this" : ps.get(i).getName().toString());
    }
    String op = name + "." + d.name();
    StringBuilder out = new StringBuilder();
    out.append(javadoc(localLinksTo(d, method || viaFunction), "  ", receiver));
    StringBuilder typeAnnotations = new StringBuilder();
    for (AnnotationTree a : tree.getModifiers().getAnnotations()) {
      String type = a.getAnnotationType().toString();
      if (type.equals("Variants") || type.endsWith(".Variants")) {
        continue;
      }
      if (isTypeUse(a, d)) {
        typeAnnotations.append(a).append(' ');
        continue;
      }
      out.append("  ").append(method && isRule(type) ? renameArg(a, receiver) : a.toString())
          .append('\n');
    }
    out.append("  public ").append(method ? "" : "static ");
    if (!tree.getTypeParameters().isEmpty()) {
      StringJoiner tp = new StringJoiner(", ", "<", "> ");
      tree.getTypeParameters().forEach(t -> tp.add(t.toString()));
      out.append(tp);
    }
    out.append(typeAnnotations).append(tree.getReturnType()).append(' ').append(d.name())
        .append('(');
    StringJoiner params = new StringJoiner(", ");
    if (method) {
      params.add(annotations(ps.get(0).getModifiers()) + ps.get(0).getType() + " this");
    }
    for (int i = method ? 1 : 0; i < ps.size(); i++) {
      VariableTree p = ps.get(i);
      String type = p.getType().toString();
      if (d.kernel().isVarArgs() && i == ps.size() - 1) {
        Tree t = p.getType();
        type = (t instanceof ArrayTypeTree ? ((ArrayTypeTree) t).getType().toString()
            : type.replaceAll("\\[\\]$", "")) + "...";
      }
      params.add(annotations(p.getModifiers()) + type + " " + p.getName());
    }
    out.append(params).append(')');
    if (!tree.getThrows().isEmpty()) {
      StringJoiner th = new StringJoiner(", ", " throws ", "");
      tree.getThrows().forEach(t -> th.add(t.toString()));
      out.append(th);
    }
    out.append(" {\n");
    // A public declaration checks its own shapes (a hand-written function of a package whose
    // ops are not declared the new way yet, nn.functional's): its forms add no guard.
    boolean checksItself = d.kernel().getModifiers().contains(Modifier.PUBLIC);
    if (!viaFunction && !checksItself) {
      GuardWriter.Guard g = guards.write(d, tree, op, fieldName, callNames);
      fields.addAll(g.fields());
      for (String s : g.statements()) {
        out.append("    ").append(s).append('\n');
      }
    }
    String target = viaFunction
        ? OpFormsProcessor.surfaceName(surfaces.get("FUNCTION"))
        : d.family().getQualifiedName().toString()
            .substring(elements.getPackageOf(d.family()).getQualifiedName().length() + 1);
    out.append("    ").append(d.kernel().getReturnType().getKind() == TypeKind.VOID ? ""
        : "return ").append(target).append('.').append(d.name()).append('(')
        .append(String.join(", ", callNames)).append(");\n  }\n\n");
    return out.toString();
  }

  /** A type annotation (only {@code TYPE_USE}, e.g. {@code @Shape}): it goes after the modifiers. */
  private boolean isTypeUse(AnnotationTree a, OpDeclaration d) {
    if (d.unit() == null) {
      return false;
    }
    TreePath path = TreePath.getPath(d.unit(), a.getAnnotationType());
    Element e = path == null ? null : trees.getElement(path);
    if (e == null) {
      return false;
    }
    Target target = e.getAnnotation(Target.class);
    if (target == null) {
      return false;
    }
    List<ElementType> kinds = List.of(target.value());
    return kinds.contains(ElementType.TYPE_USE) && !kinds.contains(ElementType.METHOD);
  }

  /**
   * The declaration's Javadoc for this form. Its {@code {@link #x(...)}} references name the
   * function forms next to it ({@code Torch#x}); a method form or a form in another package
   * writes them so (the method form {@code Tensor#x} takes one parameter fewer).
   */
  private String methodSurface() {
    TypeElement m = surfaces.get("METHOD");
    return m == null ? "Tensor" : OpFormsProcessor.surfaceName(m);
  }

  /** A {@code {@link #x...}} or {@code {@linkplain #x...}} reference: kind, space, member. */
  private static final Pattern LOCAL_LINK =
      Pattern.compile("\\{@(link|linkplain)(\\s+)#([A-Za-z_$][A-Za-z0-9_$]*)");

  private String localLinksTo(OpDeclaration d, boolean qualify) {
    if (!qualify || !surfaces.containsKey("FUNCTION")) {
      return d.doc();
    }
    String fn = OpFormsProcessor.surfaceName(surfaces.get("FUNCTION"));
    Matcher m = LOCAL_LINK.matcher(d.doc());
    while (m.find()) {
      if (!functionNames.contains(m.group(3))) {
        reporter.error(Messages.OP_DECLARATION, d.name() + ": its Javadoc links {@" + m.group(1)
            + " #" + m.group(3) + "}, which the " + name + " form turns into " + fn + "#"
            + m.group(3) + ", but " + fn + " has no " + m.group(3) + "; link the form that"
            + " exists instead, e.g. {@" + m.group(1) + " " + methodSurface() + "#" + m.group(3)
            + "(...)} (the"
            + " method form takes one parameter fewer)", d.kernel());
      }
    }
    return d.doc().replaceAll("\\{@(link|linkplain)(\\s+)#", "{@$1$2" + fn + "#");
  }

  private static boolean isRule(String type) {
    return type.equals("ShapeRule") || type.endsWith(".ShapeRule")
        || type.equals("DTypeEffect") || type.endsWith(".DTypeEffect");
  }

  /** A method form's {@code @ShapeRule}: the receiver's parameter name becomes {@code "this"}. */
  private static String renameArg(AnnotationTree a, String receiver) {
    StringJoiner parts = new StringJoiner(", ", "@" + a.getAnnotationType() + "(", ")");
    for (ExpressionTree arg : a.getArguments()) {
      if (arg instanceof AssignmentTree
          && ((AssignmentTree) arg).getVariable().toString().equals("args")) {
        String args = ((AssignmentTree) arg).getExpression().toString()
            .replace("\"" + receiver + "\"", "\"this\"");
        parts.add("args = " + args);
      } else {
        parts.add(arg.toString());
      }
    }
    return parts.toString();
  }

  private static String annotations(ModifiersTree m) {
    StringBuilder b = new StringBuilder();
    for (AnnotationTree a : m.getAnnotations()) {
      b.append(a).append(' ');
    }
    return b.toString();
  }

  private static String erasure(OpDeclaration d, int from) {
    StringJoiner j = new StringJoiner(",", "(", ")");
    for (int i = from; i < d.parameters().size(); i++) {
      String t = TypeNames.source(d.parameters().get(i).asType());
      j.add(t.replaceAll("<.*>", ""));
    }
    return j.toString();
  }

  /**
   * Javadoc at {@code indent}; for a method form, without the receiver's {@code @param} (the
   * receiver is {@code this}).
   */
  static String javadoc(String doc, String indent, String dropParam) {
    if (doc == null) {
      return "";
    }
    List<String> lines = new ArrayList<>(List.of(doc.stripTrailing().split("\n", -1)));
    if (dropParam != null) {
      List<String> kept = new ArrayList<>();
      boolean skipping = false;
      for (String l : lines) {
        String s = l.strip();
        if (s.startsWith("@")) {
          skipping = s.matches("@param\\s+" + java.util.regex.Pattern.quote(dropParam) + "\\b.*");
        }
        if (!skipping) {
          kept.add(l);
        }
      }
      lines = kept;
    }
    StringBuilder b = new StringBuilder(indent).append("/**\n");
    for (String l : lines) {
      String t = l.startsWith(" ") ? l.substring(1) : l;
      b.append(indent).append(" *").append(t.isEmpty() ? "" : " " + t).append('\n');
    }
    return b.append(indent).append(" */\n").toString();
  }
}
