package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;

/**
 * Compiles each source of a resource folder with fresh processors and compares javac's diagnostics
 * with the {@code // :: error: (key)} comments written in the source, by kind, key, file and line:
 * every expected diagnostic must appear, and nothing else may (javac's own untagged errors
 * included).
 */
final class DiagnosticsDriver {
  private DiagnosticsDriver() {}

  /** One dynamic test per {@code .java} file under {@code root}. */
  static Stream<DynamicTest> eachSource(
      String root, Supplier<List<Processor>> processors, List<JavaFileObject> extraSources) {
    return TestSources.javaFiles(root).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    TestSources.directory(root).relativize(file).toString(),
                    () -> check(file, processors.get(), extraSources)));
  }

  /** The number of expected errors written in the sources under {@code root}. */
  static long expectedErrors(String root) {
    return TestSources.javaFiles(root).stream()
        .flatMap(
            f ->
                ExpectedDiagnostics.parse(f.getFileName().toString(), TestSources.read(f)).stream())
        .filter(e -> e.kind().equals("error"))
        .count();
  }

  private static void check(
      Path file, List<Processor> processors, List<JavaFileObject> extraSources) {
    String name = file.getFileName().toString();
    List<ExpectedDiagnostics.Expected> expected =
        ExpectedDiagnostics.parse(name, TestSources.read(file));
    for (ExpectedDiagnostics.Expected e : expected) {
      assertWithMessage("key in %s", e).that(Messages.ALL).contains(e.key());
    }
    List<JavaFileObject> sources = new ArrayList<>(extraSources);
    sources.add(TestSources.source(file));
    Compilation compilation =
        Compiler.javac()
            .withProcessors(processors)
            .withOptions("-Xlint:-processing", "-proc:only")
            .compile(sources);
    List<ExpectedDiagnostics.Expected> actual = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR
          || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        actual.add(ExpectedDiagnostics.of(d));
      }
    }
    assertWithMessage("diagnostics of %s", name).that(actual).containsExactlyElementsIn(expected);
  }
}
