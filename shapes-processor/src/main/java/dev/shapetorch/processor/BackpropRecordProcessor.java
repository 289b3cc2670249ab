package dev.shapetorch.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code <Name>Backprop} (the gradient algebra and the lenses) for every record annotated
 * {@code @dev.shapetorch.backprop.BackpropRecord}, as that annotation documents; {@link
 * BackpropWriter} says which component types are supported. Errors use the {@code backprop.*} keys
 * of {@link Messages}. It never throws into javac.
 *
 * <pre>{@code
 * @BackpropRecord
 * public record Layer(Tensor weight, Tensor bias) {}
 * // generated: LayerBackprop.INSTANCE, LayerBackprop.weight(), LayerBackprop.bias()
 * }</pre>
 */
@AutoService(Processor.class)
public final class BackpropRecordProcessor extends AbstractProcessor {
  private Reporter reporter;
  private final Set<String> written = new HashSet<>();

  /** Created by javac's service loader. */
  public BackpropRecordProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager(), null);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(BackpropWriter.ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      TypeElement annotation =
          processingEnv.getElementUtils().getTypeElement(BackpropWriter.ANNOTATION);
      if (annotation == null) {
        return false;
      }
      BackpropWriter writer =
          new BackpropWriter(
              processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof TypeElement) {
          generate((TypeElement) e, writer);
        }
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      reporter.internal(getClass().getSimpleName(), e, null);
    }
    return !annotations.isEmpty(); // claims its one annotation type
  }

  private void generate(TypeElement record, BackpropWriter writer) {
    try {
      String source = writer.write(record);
      if (source == null) {
        return;
      }
      String pkg = writer.packageOf(record);
      String simple = BackpropWriter.generatedName(record);
      String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
      if (!written.add(qualified)) {
        return;
      }
      try (Writer out = processingEnv.getFiler().createSourceFile(qualified, record).openWriter()) {
        out.write(source);
      }
    } catch (IOException e) {
      reporter.error(
          Messages.BACKPROP_TARGET,
          "could not write " + BackpropWriter.generatedName(record) + ": " + e.getMessage(),
          record);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      reporter.internal(getClass().getSimpleName(), e, record);
    }
  }
}
