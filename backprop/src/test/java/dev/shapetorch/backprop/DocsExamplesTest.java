package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of {@code docs/backprop.md} hold: every {@code java} block that is not marked
 * {@code <!-- fragment -->} compiles (with the {@code @BackpropRecord} processor), and its {@code
 * main} prints exactly the {@code text} block that follows it.
 */
class DocsExamplesTest {
  private static final Path PAGE = Path.of("..", "docs", "backprop.md");
  private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

  /** One example: its source and the output the page shows. */
  record Example(String className, String source, String expectedOutput) {}

  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```java")) {
        continue;
      }
      boolean fragment = i > 0 && lines.get(i - 1).equals("<!-- fragment -->");
      StringBuilder source = new StringBuilder();
      int j = i + 1;
      for (; !lines.get(j).equals("```"); j++) {
        source.append(lines.get(j)).append('\n');
      }
      int k = j + 1;
      while (k < lines.size() && lines.get(k).isBlank()) {
        k++;
      }
      StringBuilder output = new StringBuilder();
      if (k < lines.size() && lines.get(k).equals("```text")) {
        for (k = k + 1; !lines.get(k).equals("```"); k++) {
          output.append(lines.get(k)).append('\n');
        }
      }
      i = j;
      if (!fragment) {
        Matcher m = CLASS_NAME.matcher(source);
        assertWithMessage("example at line %s names a public class", i + 1).that(m.find())
            .isTrue();
        out.add(new Example(m.group(1), source.toString(), output.toString()));
      }
    }
    return out;
  }

  @Test
  void everyExample_compilesAndPrintsWhatThePageShows(@TempDir Path dir) throws Exception {
    List<Example> examples = examples(Files.readAllLines(PAGE));
    assertThat(examples.size()).isAtLeast(6);
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<Path> files = new ArrayList<>();
    for (Example e : examples) {
      files.add(Files.writeString(src.resolve(e.className() + ".java"), e.source()));
    }
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
      boolean ok = javac.getTask(null, fm, diagnostics,
          List.of("-classpath", classpath, "-d", classes.toString(), "-s", generated.toString(),
              "-processor", "dev.shapetorch.processor.BackpropRecordProcessor"), null,
          fm.getJavaFileObjectsFromPaths(files)).call();
      assertWithMessage("docs/backprop.md examples compile: %s", diagnostics.getDiagnostics())
          .that(ok).isTrue();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      for (Example e : examples) {
        Method main = loader.loadClass(e.className()).getMethod("main", String[].class);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
          main.invoke(null, (Object) new String[0]);
        } finally {
          System.setOut(original);
        }
        assertWithMessage("output of %s", e.className())
            .that(captured.toString(StandardCharsets.UTF_8)).isEqualTo(e.expectedOutput());
      }
    }
  }
}
