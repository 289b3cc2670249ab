package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link ShapeDeclarationProcessor} over every source under {@code
 * processor/declarations/} and compares its diagnostics with the {@code // :: error: (key)}
 * comments written in the source, by kind, key, file and line: every expected diagnostic must
 * appear, and nothing else may.
 */
class DeclarationDiagnosticsTest {
  private static final String ROOT = "processor/declarations";

  @TestFactory
  Stream<DynamicTest> eachSourceReportsExactlyItsExpectedDiagnostics() {
    return TestSources.javaFiles(ROOT).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    TestSources.directory(ROOT).relativize(file).toString(), () -> check(file)));
  }

  private static void check(Path file) {
    String name = file.getFileName().toString();
    List<ExpectedDiagnostics.Expected> expected =
        ExpectedDiagnostics.parse(name, TestSources.read(file));
    for (ExpectedDiagnostics.Expected e : expected) {
      assertWithMessage("key in %s", e).that(Messages.ALL).contains(e.key());
    }
    Compilation compilation = compile(file);
    List<ExpectedDiagnostics.Expected> actual = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR
          || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        actual.add(ExpectedDiagnostics.of(d));
      }
    }
    assertWithMessage("diagnostics of %s", name)
        .that(actual)
        .containsExactlyElementsIn(expected);
  }

  private static Compilation compile(Path file) {
    List<JavaFileObject> sources = new ArrayList<>(TestSources.support());
    sources.add(TestSources.source(file));
    return Compiler.javac()
        .withProcessors(new ShapeDeclarationProcessor())
        .withOptions("-Xlint:-processing", "-proc:only")
        .compile(sources);
  }

  @Test
  void theSuiteCoversAtLeastFortyMalformedDeclarations() {
    long errors =
        TestSources.javaFiles(ROOT).stream()
            .flatMap(
                f ->
                    ExpectedDiagnostics.parse(f.getFileName().toString(), TestSources.read(f))
                        .stream())
            .filter(e -> e.kind().equals("error"))
            .count();
    assertThat(errors).isAtLeast(40L);
  }
}
