package dev.shapetorch.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Generates {@code <Name>Children} for every class or record annotated {@code
 * @dev.shapetorch.nn.Model}: a static {@code visit(Name self, ModuleVisitor v)} that walks the
 * model's module, {@code Parameter}, {@code Buffer} and list-of-module fields in declaration
 * order, without reflection. Everything else {@code Module} offers (named parameters, state
 * dicts, train/eval, moving to a device) is derived from that visit.
 *
 * <pre>{@code
 * @Model
 * record Mlp(@Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2)
 *     implements Module {
 *   public void visitChildren(ModuleVisitor v) {
 *     MlpChildren.visit(this, v);
 *   }
 * }
 * }</pre>
 *
 * <p>The generated class sits in the model's package, so it reads package-private fields
 * directly; a private field needs a non-private accessor ({@code fc1()} or {@code getFc1()}),
 * or the model can be a record. Errors ({@code model.*} keys, see {@link Messages}) name the
 * field and the fix. The processor refers to the nn types by name and does not depend on the
 * runtime. It never throws into javac.
 */
@AutoService(Processor.class)
public final class ModelProcessor extends AbstractProcessor {
  private Reporter reporter;
  private Elements elements;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> written = new HashSet<>();

  /** Created by javac's service loader. */
  public ModelProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      trees = null;
    }
    reporter = new Reporter(env.getMessager(), trees);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(NnTypes.MODEL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      NnTypes nn = NnTypes.lookUp(elements);
      List<TypeElement> models = new ArrayList<>();
      for (String name : deferred) {
        TypeElement again = elements.getTypeElement(name);
        if (again != null) {
          models.add(again);
        }
      }
      deferred.clear();
      TypeElement annotation = elements.getTypeElement(NnTypes.MODEL);
      if (annotation != null) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          if (e instanceof TypeElement) {
            models.add((TypeElement) e);
          } else {
            reporter.error(Messages.MODEL_TARGET, "@Model belongs on a class or a record", e);
          }
        }
      }
      if (models.isEmpty()) {
        return false;
      }
      if (nn == null) {
        for (TypeElement model : models) {
          reporter.error(
              Messages.MODEL_CLASSPATH,
              "@Model needs dev.shapetorch.nn.Module, ModuleVisitor, Parameter and Buffer on"
                  + " the compile classpath (the tensor-runtime artifact)",
              model);
        }
        return false;
      }
      ModelAnalyzer analyzer =
          new ModelAnalyzer(elements, processingEnv.getTypeUtils(), reporter, nn);
      for (TypeElement model : models) {
        generate(model, analyzer, round.processingOver());
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      reporter.internal(getClass().getSimpleName(), e, null);
    }
    return !annotations.isEmpty(); // claims its one annotation type
  }

  private void generate(TypeElement model, ModelAnalyzer analyzer, boolean lastRound) {
    try {
      if (!lastRound && analyzer.needsLaterRound(model)) {
        deferred.add(model.getQualifiedName().toString());
        return;
      }
      ModelPlan plan = analyzer.analyze(model);
      if (plan == null || !written.add(plan.qualifiedGeneratedName())) {
        return;
      }
      String pkg = plan.packageName();
      ChildrenWriter writer =
          new ChildrenWriter(
              simple ->
                  elements.getTypeElement(pkg.isEmpty() ? simple : pkg + "." + simple) != null,
              elements.getTypeElement("javax.annotation.processing.Generated") != null);
      String source = writer.write(plan);
      Filer filer = processingEnv.getFiler();
      try (Writer out = filer.createSourceFile(plan.qualifiedGeneratedName(), model).openWriter()) {
        out.write(source);
      }
    } catch (IOException e) {
      reporter.error(
          Messages.MODEL_TARGET,
          "could not write " + ModelAnalyzer.generatedName(model) + ": " + e.getMessage(),
          model);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      reporter.internal(getClass().getSimpleName(), e, model);
    }
  }
}
