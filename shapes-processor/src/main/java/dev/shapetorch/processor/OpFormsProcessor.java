package dev.shapetorch.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Generates the public forms of every op declared once with {@code @dev.shapetorch.shapes.Variants}
 * (as torchgen derives PyTorch's bindings from {@code native_functions.yaml}): for each {@code
 * @Surface(name = N, variant = V)} class, a {@code public final class N} in its package that
 * extends it and holds one method per declaration of variant {@code V}. Each method repeats the
 * declaration's annotations (so the checker reads the same contract), its Javadoc, checks the
 * call with the same shape contract ({@link GuardWriter}) and calls the kernel. Errors use the
 * {@code op.declaration} key and never crash javac.
 */
@AutoService(Processor.class)
public final class OpFormsProcessor extends AbstractProcessor {
  static final String VARIANTS = "dev.shapetorch.shapes.Variants";
  static final String SURFACE = "dev.shapetorch.shapes.Surface";

  private Reporter reporter;
  private Elements elements;
  private Trees trees;
  private boolean done;

  /** Created by javac's service loader. */
  public OpFormsProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      trees = null;
    }
    reporter = new Reporter(env.getMessager(), trees);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(VARIANTS, SURFACE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done || annotations.isEmpty()) {
      return false;
    }
    done = true;
    try {
      generate(round);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      reporter.internal(getClass().getSimpleName(), e, null);
    }
    return false;
  }

  private void generate(RoundEnvironment round) {
    Map<String, TypeElement> surfaces = new LinkedHashMap<>();
    TypeElement surfaceType = elements.getTypeElement(SURFACE);
    if (surfaceType != null) {
      for (Element e : round.getElementsAnnotatedWith(surfaceType)) {
        AnnotationMirror m = mirror(e, SURFACE);
        String variant = enumValue(m, "variant");
        if (surfaces.put(variant, (TypeElement) e) != null) {
          reporter.error(Messages.OP_DECLARATION,
              "two @Surface classes for " + variant + ": " + surfaces.get(variant) + " and " + e,
              e);
        }
      }
    }
    Map<String, List<OpDeclaration>> byVariant = new LinkedHashMap<>();
    TypeElement variantsType = elements.getTypeElement(VARIANTS);
    if (variantsType != null) {
      for (Element e : round.getElementsAnnotatedWith(variantsType)) {
        OpDeclaration d = declaration(e, surfaces);
        if (d != null) {
          for (String v : d.variants()) {
            byVariant.computeIfAbsent(v, k -> new ArrayList<>()).add(d);
          }
        }
      }
    }
    if (reporter.errorCount() > 0) {
      return;
    }
    Set<String> functionNames = functionNames(surfaces.get("FUNCTION"),
        byVariant.getOrDefault("FUNCTION", List.of()));
    for (Map.Entry<String, TypeElement> s : surfaces.entrySet()) {
      List<OpDeclaration> ops = byVariant.getOrDefault(s.getKey(), List.of());
      FormWriter writer = new FormWriter(elements, trees, reporter,
          s.getValue(), s.getKey(), surfaces, functionNames);
      String source = writer.write(ops);
      if (source == null) {
        continue;
      }
      String name = writer.qualifiedName();
      try (Writer w = processingEnv.getFiler().createSourceFile(name, s.getValue()).openWriter()) {
        w.write(source);
      } catch (IOException e) {
        reporter.error(Messages.OP_DECLARATION, "cannot write " + name + ": " + e, s.getValue());
      }
    }
  }

  /**
   * What {@code {@link #x}} in a declaration's Javadoc may name once it is rewritten to the
   * function surface ({@code Torch#x}): the function forms generated, and the members the
   * surface's base class declares or inherits.
   */
  private Set<String> functionNames(TypeElement functionSurface, List<OpDeclaration> functions) {
    Set<String> names = new HashSet<>();
    if (functionSurface == null) {
      return names;
    }
    for (OpDeclaration d : functions) {
      names.add(d.name());
    }
    for (Element member : elements.getAllMembers(functionSurface)) {
      names.add(member.getSimpleName().toString());
    }
    return names;
  }

  private OpDeclaration declaration(Element e, Map<String, TypeElement> surfaces) {
    if (e.getKind() != ElementKind.METHOD) {
      reporter.error(Messages.OP_DECLARATION, "@Variants belongs on a static method", e);
      return null;
    }
    ExecutableElement kernel = (ExecutableElement) e;
    if (!kernel.getModifiers().contains(Modifier.STATIC)
        || kernel.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(Messages.OP_DECLARATION, "an op declaration is a static, non-private method"
          + " (its forms call it); make " + kernel.getSimpleName() + " static and not private", e);
      return null;
    }
    List<String> variants = new ArrayList<>();
    AnnotationMirror m = mirror(e, VARIANTS);
    Object value = value(m, "value");
    if (value instanceof List<?>) {
      for (Object v : (List<?>) value) {
        variants.add(((AnnotationValue) v).getValue().toString());
      }
    }
    for (String v : variants) {
      if (!surfaces.containsKey(v)) {
        reporter.error(Messages.OP_DECLARATION, "no @Surface class for variant " + v
            + " in this compilation; declare one or drop " + v + " from @Variants", e);
        return null;
      }
    }
    if (variants.contains("METHOD")) {
      String methodSurface = surfaceName(surfaces.get("METHOD"));
      List<? extends VariableElement> ps = kernel.getParameters();
      TypeElement surface = surfaces.get("METHOD");
      String qualified = elements.getPackageOf(surface).getQualifiedName() + "." + methodSurface;
      if (ps.isEmpty() || !TypeNames.isNamed(ps.get(0).asType(), qualified)) {
        reporter.error(Messages.OP_DECLARATION, "a METHOD form needs a " + methodSurface
            + " as the declaration's first parameter (it becomes the receiver)", e);
        return null;
      }
    }
    String doc = elements.getDocComment(kernel);
    if (doc == null || doc.isBlank()) {
      reporter.error(Messages.OP_DECLARATION, "an op declaration needs Javadoc (every form"
          + " repeats it), with a Shape: section", e);
      return null;
    }
    CompilationUnitTree unit = null;
    if (trees != null) {
      TreePath path = trees.getPath(kernel);
      unit = path == null ? null : path.getCompilationUnit();
    }
    return new OpDeclaration(kernel, List.copyOf(variants), doc, unit);
  }

  static String surfaceName(TypeElement surface) {
    return String.valueOf(value(mirror(surface, SURFACE), "name"));
  }

  static AnnotationMirror mirror(Element e, String type) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(type)) {
        return m;
      }
    }
    return null;
  }

  static Object value(AnnotationMirror m, String name) {
    if (m == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v
        : m.getElementValues().entrySet()) {
      if (v.getKey().getSimpleName().contentEquals(name)) {
        return v.getValue().getValue();
      }
    }
    return null;
  }

  private static String enumValue(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v == null ? "" : v.toString();
  }
}
