package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.shapetorch.checker.ShapeChecker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ModelProcessor}: the generated {@code <Name>Children} sources equal the golden files,
 * compile (also under the Shape Checker), and misuse is reported with its key and line.
 */
class ModelProcessorTest {
  private static final String ROOT = "processor/models";

  /** The golden models compiled with {@code processors}. */
  static Compilation compileGolden(Processor... processors) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path f : TestSources.javaFiles(ROOT + "/golden")) {
      sources.add(TestSources.source(f));
    }
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions("-Xlint:-options,-processing")
        .compile(sources);
  }

  @Test
  void generatedSources_equalTheGoldenFiles() {
    Compilation compilation = compileGolden(new ModelProcessor(), new ShapeDeclarationProcessor());
    assertThat(compilation).succeededWithoutWarnings();
    for (String name :
        List.of("MlpChildren", "StackChildren", "Stack_BlockChildren", "TowerChildren")) {
      String expected =
          TestSources.read(TestSources.directory(ROOT + "/expected").resolve(name + ".java"));
      assertThat(compilation)
          .generatedSourceFile("golden." + name)
          .contentsAsUtf8String()
          .isEqualTo(expected);
    }
  }

  @Test
  void generatedSources_compileWithTheShapeCheckerOn() {
    Compilation compilation = compileGolden(new ShapeChecker(), new ModelProcessor());
    List<String> errors =
        compilation.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null))
            .collect(Collectors.toList());
    assertThat(errors).isEmpty();
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("golden.LeNetChildren").isNotNull();
  }

  @TestFactory
  Stream<DynamicTest> misuse_isReportedWithItsKeyAndLine() {
    return DiagnosticsDriver.eachSource(
        ROOT + "/errors", () -> List.of(new ModelProcessor()), List.of());
  }
}
