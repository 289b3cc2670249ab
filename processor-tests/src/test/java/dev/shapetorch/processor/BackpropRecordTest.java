package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link BackpropRecordProcessor}: the generated sources equal the golden files, the generated
 * algebra and lenses compute componentwise, and misuse is reported with its key and line.
 */
class BackpropRecordTest {
  private static final String ROOT = "processor/backprop";

  private static Compilation compileGolden() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (var f : TestSources.javaFiles(ROOT + "/golden")) {
      sources.add(TestSources.source(f));
    }
    for (var f : TestSources.javaFiles(ROOT + "/exercise")) {
      sources.add(TestSources.source(f));
    }
    return Compiler.javac().withProcessors(new BackpropRecordProcessor()).compile(sources);
  }

  @Test
  void generatedSources_equalTheGoldenFiles() {
    Compilation compilation = compileGolden();
    assertThat(compilation).succeededWithoutWarnings();
    for (String name : List.of("ParamsBackprop", "Params_InnerBackprop")) {
      String expected =
          TestSources.read(TestSources.directory(ROOT + "/expected").resolve(name + ".java"));
      assertThat(compilation)
          .generatedSourceFile("bgolden." + name)
          .contentsAsUtf8String()
          .isEqualTo(expected);
    }
  }

  @Test
  @SuppressWarnings("unchecked") // Exercise implements Supplier<List<String>>
  void generatedAlgebra_addsZeroesAndOnesComponentwise_andLensesReplaceOneComponent() {
    Compilation compilation = compileGolden();
    assertThat(compilation).succeeded();
    Supplier<List<String>> exercise =
        new CompiledClasses(compilation).instantiate("bgolden.Exercise", Supplier.class);
    List<String> results = exercise.get();
    assertThat(results)
        .containsExactly(
            "scale=0.0 shift=0.0 weights=[0.0, 0.0] xs=[0.0, 0.0] pair=(0.0, 0.0) inner=(0.0, 0.0)",
            "scale=4.0 shift=2.0 weights=[2.0, 4.0] xs=[6.0, 8.0] pair=(2.0, 4.0) inner=(10.0,"
                + " 12.0)",
            "scale=1.0 shift=1.0 weights=[1.0, 1.0] xs=[1.0, 1.0] pair=(1.0, 1.0) inner=(1.0, 1.0)",
            "scale=9.0 shift=1.0 weights=[1.0, 2.0] xs=[3.0, 4.0] pair=(1.0, 2.0) inner=(5.0, 6.0)",
            "scale=2.0 shift=1.0 weights=[1.0, 2.0] xs=[3.0, 4.0] pair=(1.0, 2.0) inner=(7.0, 6.0)",
            "6.0")
        .inOrder();
  }

  @TestFactory
  Stream<DynamicTest> misuse_isReportedWithItsKeyAndLine() {
    return DiagnosticsDriver.eachSource(
        ROOT + "/errors", () -> List.of(new BackpropRecordProcessor()), List.of());
  }
}
