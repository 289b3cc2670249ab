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
import javax.tools.Diagnostic;
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
 * main} prints exactly the {@code text} block that follows it; the block marked {@code <!--
 * shape-errors -->} makes the shape checker report exactly the errors the page lists.
 */
class DocsExamplesTest {
  private static final Path PAGE = Path.of("..", "docs", "backprop.md");
  private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

  /** One example: its source, the output the page shows, and whether it shows shape errors. */
  record Example(String className, String source, String expectedOutput, boolean shapeErrors) {}

  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```java")) {
        continue;
      }
      String marker = i > 0 ? lines.get(i - 1) : "";
      boolean fragment = marker.equals("<!-- fragment -->");
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
        out.add(new Example(m.group(1), source.toString(), output.toString(),
            marker.equals("<!-- shape-errors -->")));
      }
    }
    return out;
  }

  @Test
  void everyExample_compilesAndPrintsWhatThePageShows(@TempDir Path dir) throws Exception {
    List<Example> examples = new ArrayList<>();
    for (Example e : examples(Files.readAllLines(PAGE))) {
      if (!e.shapeErrors()) {
        examples.add(e);
      }
    }
    assertThat(examples.size()).isAtLeast(6);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = compile(dir, examples, classes,
        "-processor", "dev.shapetorch.processor.BackpropRecordProcessor");
    assertWithMessage("docs/backprop.md examples compile: %s", diagnostics.getDiagnostics())
        .that(errors(diagnostics)).isEmpty();
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

  @Test
  void guide_quotesTheTestKitsFailures() throws Exception {
    // the guide shows what GradientCheck and BackpropLaws print for a wrong gradient and a
    // broken algebra; the test above checks that the example prints exactly that
    Example broken = null;
    for (Example e : examples(Files.readAllLines(PAGE))) {
      if (e.className().equals("BrokenPieces")) {
        broken = e;
      }
    }
    assertWithMessage("docs/backprop.md has the BrokenPieces example").that(broken).isNotNull();
    List<String> shown = broken.expectedOutput().lines().toList();
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).startsWith("GradientCheck.op: mul: the gradient differs from"
        + " central finite differences at 2 of 4 input coordinates");
    assertThat(shown.get(0)).contains("first[0]: gradient ");
    assertThat(shown.get(0)).doesNotContain("second[");
    assertThat(shown.get(1)).startsWith("BackpropLaws.check: Complex breaks 1 law: one(x) has"
        + " every coordinate 1");
  }

  @Test
  void shapeErrorExample_reportsExactlyTheErrorsThePageShows(@TempDir Path dir)
      throws Exception {
    List<Example> shown = new ArrayList<>();
    for (Example e : examples(Files.readAllLines(PAGE))) {
      if (e.shapeErrors()) {
        shown.add(e);
      }
    }
    assertThat(shown).hasSize(1);
    Example e = shown.get(0);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = compile(dir, List.of(e), classes,
        "-processor", "dev.shapetorch.checker.ShapeChecker");
    StringBuilder reported = new StringBuilder();
    for (String error : errors(diagnostics)) {
      reported.append(error).append('\n');
    }
    assertThat(reported.toString()).isEqualTo(e.expectedOutput());
  }

  /** Compiles the examples into {@code classes} with the given extra options. */
  private static DiagnosticCollector<JavaFileObject> compile(Path dir, List<Example> examples,
      Path classes, String... options) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<Path> files = new ArrayList<>();
    for (Example e : examples) {
      files.add(Files.writeString(src.resolve(e.className() + ".java"), e.source()));
    }
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> opts = new ArrayList<>(List.of("-classpath", classpath, "-d",
        classes.toString(), "-s", generated.toString()));
    opts.addAll(List.of(options));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
      javac.getTask(null, fm, diagnostics, opts, null, fm.getJavaFileObjectsFromPaths(files))
          .call();
    }
    return diagnostics;
  }

  /** The errors, one line each: {@code line N: } and the message's first line. */
  private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        out.add("line " + d.getLineNumber() + ": " + d.getMessage(null).lines().findFirst()
            .orElse(""));
      }
    }
    return out;
  }
}
