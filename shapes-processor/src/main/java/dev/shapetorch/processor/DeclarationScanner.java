package dev.shapetorch.processor;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.shapetorch.shapes.rules.ShapeSyntaxError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Walks one compilation unit and checks every ShapeTorch annotation in it: declarations, and the
 * type uses inside method bodies (local variables, casts, lambda parameters) that the element API
 * cannot see. Per annotation: {@code @Shape} strings parse, their dependent names resolve to
 * integral values in scope, no two qualifiers share a type use, and qualifiers sit on types that
 * can have a shape. Per parameter: {@code @Dim}'s type and name. Per method: {@link
 * SignatureChecks}.
 */
final class DeclarationScanner extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final Elements elements;
  private final Reporter reporter;
  private final AnnotationResolver resolver;
  private final SignatureChecks signatures;
  private final Deque<NameScope> scopes = new ArrayDeque<>();
  private CompilationUnitTree unit;

  DeclarationScanner(
      Trees trees, Elements elements, Reporter reporter, SignatureChecks signatures) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.resolver = new AnnotationResolver(trees, elements);
    this.signatures = signatures;
  }

  /** Checks every declaration and type use in {@code compilationUnit}. */
  void scanUnit(CompilationUnitTree compilationUnit) {
    this.unit = compilationUnit;
    scopes.clear();
    scan(compilationUnit, null);
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    scopes.push(classScope(tree));
    try {
      return super.visitClass(tree, unused);
    } finally {
      scopes.pop();
    }
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    NameScope parameters = new NameScope();
    Map<String, VariableTree> sizeNames = new HashMap<>();
    for (VariableTree p : tree.getParameters()) {
      NameScope.Binding own = NameScope.fromTree(p, NameScope.Role.PARAMETER);
      parameters.add(own);
      AnnotationTree dim = find(p.getModifiers().getAnnotations(), ShapeAnnotationKind.DIM);
      String bound = own.integral() ? own.name() : null;
      if (dim != null) {
        List<AnnotationValues.StringValue> values = AnnotationValues.strings(dim, "value");
        String given = values.isEmpty() ? "" : values.get(0).value();
        if (given != null && !given.isEmpty()) {
          parameters.add(
              new NameScope.Binding(
                  given, NameScope.Role.PARAMETER, own.type(), own.integral(), true));
          bound = given;
        }
      }
      if (bound != null) {
        VariableTree earlier = sizeNames.putIfAbsent(bound, p);
        if (earlier != null) {
          reporter.error(
              Messages.DIM_NAME,
              "parameters "
                  + earlier.getName()
                  + " and "
                  + p.getName()
                  + " both bind the size '"
                  + bound
                  + "'; a call can give it only one value, so name them apart (write @Dim(\"X\")"
                  + " on one, or rename it)",
              dim != null ? dim : p,
              unit);
        }
      }
    }
    scopes.push(parameters);
    try {
      signatures.check(getCurrentPath(), this);
      return super.visitMethod(tree, unused);
    } finally {
      scopes.pop();
    }
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    NameScope parameters = new NameScope();
    for (VariableTree p : tree.getParameters()) {
      parameters.add(NameScope.fromTree(p, NameScope.Role.PARAMETER));
    }
    return inScope(parameters, () -> super.visitLambdaExpression(tree, unused));
  }

  @Override
  public Void visitBlock(BlockTree tree, Void unused) {
    return inScope(new NameScope(), () -> super.visitBlock(tree, unused));
  }

  @Override
  public Void visitForLoop(ForLoopTree tree, Void unused) {
    return inScope(new NameScope(), () -> super.visitForLoop(tree, unused));
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
    return inScope(new NameScope(), () -> super.visitEnhancedForLoop(tree, unused));
  }

  @Override
  public Void visitTry(TryTree tree, Void unused) {
    return inScope(new NameScope(), () -> super.visitTry(tree, unused));
  }

  @Override
  public Void visitCatch(CatchTree tree, Void unused) {
    return inScope(new NameScope(), () -> super.visitCatch(tree, unused));
  }

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    super.visitVariable(tree, unused);
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    boolean member = parent instanceof ClassTree;
    boolean parameter = parent instanceof MethodTree || parent instanceof LambdaExpressionTree;
    if (parameter) {
      AnnotationTree dim = find(tree.getModifiers().getAnnotations(), ShapeAnnotationKind.DIM);
      if (dim != null) {
        checkDim(tree, dim);
      }
    } else if (!member && !scopes.isEmpty()) {
      scopes.peek().add(NameScope.fromTree(tree, NameScope.Role.LOCAL));
    }
    return null;
  }

  @Override
  public Void visitModifiers(ModifiersTree tree, Void unused) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    Tree annotated = null;
    if (parent instanceof VariableTree) {
      annotated = elementType(((VariableTree) parent).getType());
    } else if (parent instanceof MethodTree) {
      annotated = elementType(((MethodTree) parent).getReturnType());
    }
    checkQualifiers(tree.getAnnotations(), annotated, false);
    return super.visitModifiers(tree, unused);
  }

  @Override
  public Void visitAnnotatedType(AnnotatedTypeTree tree, Void unused) {
    checkQualifiers(tree.getAnnotations(), tree.getUnderlyingType(), true);
    return super.visitAnnotatedType(tree, unused);
  }

  @Override
  public Void visitAnnotation(AnnotationTree tree, Void unused) {
    if (resolver.resolve(getCurrentPath()) == ShapeAnnotationKind.SHAPE) {
      checkShapeStrings(tree);
    }
    return super.visitAnnotation(tree, unused);
  }

  // ---- queries used by SignatureChecks -------------------------------------------------------

  /** The compilation unit being scanned. */
  CompilationUnitTree unit() {
    return unit;
  }

  /** The annotation of {@code kind} among {@code annotations} (resolved here), or null. */
  AnnotationTree find(List<? extends AnnotationTree> annotations, ShapeAnnotationKind kind) {
    for (AnnotationTree a : annotations) {
      if (resolver.resolve(new TreePath(getCurrentPath(), a)) == kind) {
        return a;
      }
    }
    return null;
  }

  /**
   * Every annotation of {@code kind} in {@code subtree} (a type, a parameter), which lies under the
   * tree being visited.
   */
  List<AnnotationTree> findAll(Tree subtree, ShapeAnnotationKind kind) {
    List<AnnotationTree> out = new ArrayList<>();
    if (subtree == null) {
      return out;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAnnotation(AnnotationTree tree, Void unused) {
        if (resolver.resolve(getCurrentPath()) == kind) {
          out.add(tree);
        }
        return super.visitAnnotation(tree, unused);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitBlock(BlockTree tree, Void unused) {
        return null;
      }
    }.scan(new TreePath(getCurrentPath(), subtree), null);
    return out;
  }

  // ---- checks --------------------------------------------------------------------------------

  private void checkShapeStrings(AnnotationTree annotation) {
    List<AnnotationValues.StringValue> values = AnnotationValues.strings(annotation, "value");
    List<String> texts = new ArrayList<>();
    for (AnnotationValues.StringValue v : values) {
      texts.add(v.value());
    }
    Set<Integer> bad = new HashSet<>();
    for (ShapeSyntaxError error : ShapeSyntax.errors(texts)) {
      int at = error.element();
      Tree where = at >= 0 && at < values.size() ? values.get(at).tree() : annotation;
      bad.add(at);
      reporter.error(Messages.SYNTAX, ShapeSyntax.message(error), where, unit);
    }
    for (int i = 0; i < values.size(); i++) {
      AnnotationValues.StringValue v = values.get(i);
      if (!v.known() || bad.contains(i) || ShapeNames.variadicName(v.value()) != null) {
        continue;
      }
      for (String name : ShapeNames.namesIn(v.value())) {
        checkName(name, v);
      }
    }
  }

  private void checkName(String name, AnnotationValues.StringValue where) {
    NameScope.Binding binding = lookup(name);
    if (binding != null && binding.usableAsDimension()) {
      return; // a dependent dimension
    }
    if (ShapeNames.isShapeVariable(name)) {
      return; // a shape variable
    }
    if (binding == null) {
      reporter.error(
          Messages.DEPENDENT,
          "'"
              + name
              + "' in \""
              + where.value()
              + "\" names no int parameter, @Dim or final int variable in scope (a lower-case"
              + " name is a dependent dimension; shape variables start with an upper-case"
              + " letter)",
          where.tree(),
          unit);
      return;
    }
    String why =
        binding.type() != null && !binding.integral()
            ? "is a " + binding.type() + " " + binding.role().word() + ", not an int or long"
            : "is a " + binding.role().word() + " that is not final";
    reporter.error(
        Messages.DEPENDENT_TYPE,
        "'"
            + name
            + "' in \""
            + where.value()
            + "\" "
            + why
            + "; a dependent dimension names an int or long parameter, or a final int or long"
            + " variable",
        where.tree(),
        unit);
  }

  /**
   * True if {@code name} is a dependent dimension where the scanner stands: it names an integral
   * parameter, {@code @Dim}, or final integral variable in scope.
   */
  boolean isDependent(String name) {
    NameScope.Binding binding = lookup(name);
    return binding != null && binding.usableAsDimension();
  }

  private void checkQualifiers(
      List<? extends AnnotationTree> annotations, Tree annotatedType, boolean typeLevel) {
    List<AnnotationTree> qualifiers = new ArrayList<>();
    List<ShapeAnnotationKind> kinds = new ArrayList<>();
    for (AnnotationTree a : annotations) {
      ShapeAnnotationKind kind = resolver.resolve(new TreePath(getCurrentPath(), a));
      if (kind != null && kind.isQualifier()) {
        qualifiers.add(a);
        kinds.add(kind);
      }
    }
    if (qualifiers.isEmpty()) {
      return;
    }
    if (qualifiers.size() > 1) {
      reporter.error(
          Messages.CONFLICT,
          "@"
              + kinds.get(1).simpleName()
              + " and @"
              + kinds.get(0).simpleName()
              + " on the same type: a type has one shape qualifier; keep one",
          qualifiers.get(1),
          unit);
    }
    if (annotatedType instanceof PrimitiveTypeTree) {
      reporter.error(
          Messages.TARGET,
          "@"
              + kinds.get(0).simpleName()
              + " on the primitive type "
              + annotatedType
              + ": shapes belong to tensors and modules (use @Dim for an int that is a size)",
          qualifiers.get(0),
          unit);
    } else if (typeLevel && annotatedType instanceof ArrayTypeTree) {
      reporter.error(
          Messages.TARGET,
          "@"
              + kinds.get(0).simpleName()
              + " on an array type: an array has no shape; annotate its element type"
              + " (@Shape({...}) Tensor[] xs)",
          qualifiers.get(0),
          unit);
    }
  }

  private void checkDim(VariableTree parameter, AnnotationTree dim) {
    Tree type = parameter.getType();
    boolean typeOk =
        type == null
            || NameScope.isIntegralOrArray(type)
            || isBoxedIntegral(type.toString())
            || (type instanceof PrimitiveTypeTree
                && ((PrimitiveTypeTree) type).getPrimitiveTypeKind() == TypeKind.BOOLEAN);
    if (!typeOk) {
      reporter.error(
          Messages.DIM_TYPE,
          "@Dim on parameter "
              + parameter.getName()
              + " of type "
              + type
              + ": a size is an int or long (or an int[]/long[] of sizes, or a boolean that"
              + " stands for 1 or 0)",
          dim,
          unit);
    }
    List<AnnotationValues.StringValue> values = AnnotationValues.strings(dim, "value");
    String given = values.isEmpty() ? "" : values.get(0).value();
    if (given != null && !given.isEmpty() && !ShapeNames.isIdentifier(given)) {
      reporter.error(
          Messages.DIM_NAME,
          "@Dim(\""
              + given
              + "\") on parameter "
              + parameter.getName()
              + ": the value names the size in shapes, so it must be an identifier ('B',"
              + " 'in'); leave it empty to use the parameter's own name",
          values.get(0).tree(),
          unit);
    }
  }

  private static boolean isBoxedIntegral(String type) {
    String simple = type.startsWith("java.lang.") ? type.substring("java.lang.".length()) : type;
    return simple.equals("Integer")
        || simple.equals("Long")
        || simple.equals("Short")
        || simple.equals("Byte");
  }

  // ---- scopes --------------------------------------------------------------------------------

  private NameScope.Binding lookup(String name) {
    for (NameScope scope : scopes) {
      NameScope.Binding b = scope.lookup(name);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  private Void inScope(NameScope scope, java.util.function.Supplier<Void> body) {
    scopes.push(scope);
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  private NameScope classScope(ClassTree tree) {
    NameScope scope = new NameScope();
    Element element = trees.getElement(getCurrentPath());
    if (element instanceof TypeElement) {
      for (Element member : elements.getAllMembers((TypeElement) element)) {
        if (member.getKind() == ElementKind.FIELD) {
          scope.add(
              NameScope.fromType(
                  member.getSimpleName().toString(),
                  NameScope.Role.FIELD,
                  member.asType(),
                  member.getModifiers().contains(Modifier.FINAL)));
        }
      }
      return scope;
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree) {
        NameScope.Binding b = NameScope.fromTree((VariableTree) member, NameScope.Role.FIELD);
        scope.add(b);
      }
    }
    return scope;
  }

  /** The innermost element type of an array type tree (what a declaration annotation is on). */
  private static Tree elementType(Tree type) {
    Tree t = type;
    while (t instanceof ArrayTypeTree) {
      t = ((ArrayTypeTree) t).getType();
    }
    return t;
  }
}
