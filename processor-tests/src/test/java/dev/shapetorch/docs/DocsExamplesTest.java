package dev.shapetorch.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.shapetorch.checker.ShapeChecker;
import dev.shapetorch.processor.BackpropRecordProcessor;
import dev.shapetorch.processor.ModelProcessor;
import dev.shapetorch.processor.ShapeDeclarationProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of the manual ({@code docs/*.md}) and of the top-level {@code
 * README.md} is compiled with the Shape Checker and the project's annotation processors (the
 * declaration checks, {@code @Model}, {@code @BackpropRecord}) against the test classpath
 * (tensor-runtime, backprop, the processors), and must report exactly the diagnostics written in
 * it ({@link #expectations}): {@code // :: error: (key)} on the line before the code, or {@code
 * // error: [key] message} after it. Blocks in other languages are not compiled.
 *
 * <p>The convention, also stated at the top of {@code docs/README.md}: a block that has a {@code
 * package} or {@code import} line or a top-level type declaration is a compilation unit as it
 * stands; any other block is a method body, compiled inside {@code void run() throws Exception}
 * of a class that imports {@link #SNIPPET_IMPORTS}. Each block gets a package of its own (added
 * at the start of its first line, so that line numbers are the block's own), so two blocks may
 * declare the same class name. A block right after a {@code <!-- fragment -->} line is an
 * excerpt (a signature without its body) and is not compiled; use it sparingly. After a {@code
 * <!-- shape-errors -->} line, the errors are listed in the {@code ```text} block that follows
 * the example instead ({@link #listedErrors}).
 */
class DocsExamplesTest {
  /** What a method-body block sees without importing it. */
  static final String SNIPPET_IMPORTS = "import dev.shapetorch.tensor.*; import dev.shapetorch.nn.*;"
      + " import dev.shapetorch.nn.activation.*; import dev.shapetorch.nn.attention.*;"
      + " import dev.shapetorch.nn.containers.*; import dev.shapetorch.nn.conv.*;"
      + " import dev.shapetorch.nn.dropout.*; import dev.shapetorch.nn.embedding.*;"
      + " import dev.shapetorch.nn.linear.*; import dev.shapetorch.nn.loss.*;"
      + " import dev.shapetorch.nn.normalization.*; import dev.shapetorch.nn.pooling.*;"
      + " import dev.shapetorch.nn.recurrent.*; import dev.shapetorch.nn.utils.*;"
      + " import dev.shapetorch.nn.functional.F; import dev.shapetorch.optim.*;"
      + " import dev.shapetorch.shapes.Shape; import dev.shapetorch.shapes.Dim;"
      + " import java.util.List; import java.util.Map;";

  /** The line that, right before a {@code ```java} fence, marks a block not to compile. */
  static final String FRAGMENT = "<!-- fragment -->";

  /**
   * The line that, right before a {@code ```java} fence, says that the {@code ```text} block
   * after the example lists its errors, one per line: {@code line N: [key] message}.
   */
  static final String SHAPE_ERRORS = "<!-- shape-errors -->";

  /**
   * The line that, right before a {@code ```java} fence, says that the block goes on from the
   * page's previous block: it is compiled in that block's package, so it may use its classes.
   */
  static final String CONTINUES = "<!-- continued -->";

  private static final Pattern LISTED =
      Pattern.compile("^line (\\d+): \\[([A-Za-z0-9_.]+)\\] (.*)$");
  private static final Pattern FENCE_OPEN = Pattern.compile("^```java\\s*$");
  private static final Pattern FENCE_CLOSE = Pattern.compile("^```\\s*$");
  private static final Pattern UNIT_LINE = Pattern.compile(
      "^(package|import)\\s.*|^((public|final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s.*");
  private static final Pattern EXPECT =
      Pattern.compile("^\\s*//\\s*::\\s*(error|warning):\\s*\\(([A-Za-z0-9_.]+)\\)\\s*(.*)$");
  private static final Pattern SHOWN =
      Pattern.compile("^\\s*//\\s*(error|warning):\\s*\\[([A-Za-z0-9_.]+)\\]\\s*(.*)$");
  private static final Pattern CONTINUED = Pattern.compile("^\\s*//\\s{2,}(\\S.*)$");
  private static final Pattern KEYED = Pattern.compile("^\\[([A-Za-z0-9_.:]+)\\] ");

  /** One {@code ```java} block: where it is, and the Java source made of it. */
  record Block(String page, int firstLine, String text, JavaFileObject source, String compiled,
      List<Expected> listed) {
    String where(long line) {
      return page + ":" + (firstLine + line - 1);
    }

    Block withListed(List<Expected> newListed) {
      return new Block(page, firstLine, text, source, compiled, newListed);
    }

    /** The package the block is compiled in. */
    String packageName() {
      Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(compiled);
      if (!m.find()) {
        throw new IllegalStateException(where(1) + ": no package in " + compiled);
      }
      return m.group(1);
    }
  }

  /** One expected diagnostic, on a 1-based line of the block. */
  record Expected(long line, String kind, String key, String fragment) {}

  /** One diagnostic javac reported about a block. */
  record Reported(long line, String kind, String key, String message) {}

  private static List<Block> blocks;
  private static Map<Block, Compilation> compilations;

  @TestFactory
  Stream<DynamicNode> everyJavaBlockCompilesWithExactlyItsExpectedDiagnostics() throws IOException {
    Map<Block, Compilation> compiled = compilations();
    List<DynamicNode> tests = new ArrayList<>();
    for (Block b : blocks()) {
      tests.add(DynamicTest.dynamicTest(b.where(1), () -> assertBlock(compiled.get(b), b)));
    }
    return tests.stream();
  }

  @Test
  void theManualHasJavaBlocksOnEveryPageThatTeachesCode() throws IOException {
    List<String> pages = blocks().stream().map(Block::page).distinct().toList();
    assertWithMessage("pages with compiled examples").that(pages)
        .containsAtLeast("README.md", "docs/getting-started.md", "docs/shape-language.md",
            "docs/runtime.md", "docs/nn.md", "docs/training.md");
  }

  @Test
  void aContinuedBlockSharesThePreviousBlocksPackage() {
    List<Block> page = blocksOf("x.md", List.of("```java", "record A() {}", "```",
        CONTINUES, "```java", "class B { A a; }", "```", "```java", "class C {}", "```"));
    assertThat(page).hasSize(3);
    assertThat(page.get(1).packageName()).isEqualTo(page.get(0).packageName());
    assertThat(page.get(2).packageName()).isNotEqualTo(page.get(0).packageName());
  }

  @Test
  void unitsAndSnippetsAreToldApart() {
    Block unit = block("x.md", 1, "import java.util.List;\nclass A {}\n");
    Block snippet = block("x.md", 1, "var t = Torch.zeros(2);\n");
    assertWithMessage("unit").that(unit.compiled()).startsWith("package docs_blocks.x_md_1; import");
    assertWithMessage("snippet").that(snippet.compiled()).contains("void run() throws Exception {");
    assertWithMessage("snippet keeps its lines").that(snippet.compiled().split("\n")[1])
        .isEqualTo("}}");
  }

  @Test
  void expectationsAreReadInBothForms() {
    List<Expected> found = expectations(String.join("\n",
        "// :: error: (shape.rank) rank",
        "f(x);",
        "g(y);",
        "// error: [shape.broadcast] Tensor.add: cannot",
        "//        broadcast [2] with [3]",
        ""));
    assertWithMessage("expectations").that(found).containsExactly(
        new Expected(2, "error", "shape.rank", "rank"),
        new Expected(3, "error", "shape.broadcast", "Tensor.add: cannot broadcast [2] with [3]"));
  }

  @Test
  void aBlockMarkedAsAFragmentIsNotCompiled() {
    List<Block> found = blocksOf("x.md", List.of(
        "```java", "class A {}", "```", FRAGMENT, "```java", "void f()", "```"));
    assertWithMessage("blocks").that(found.stream().map(Block::text).toList())
        .containsExactly("class A {}\n");
    assertWithMessage("first line").that(found.get(0).firstLine()).isEqualTo(2);
  }

  /**
   * The errors listed, one per line as {@code line N: [key] message}, in the {@code ```text}
   * block that follows a {@code <!-- shape-errors -->} example (the first non-blank line after
   * the example's closing fence, at index {@code from}).
   */
  static List<Expected> listedErrors(String page, List<String> lines, int from) {
    int k = from;
    while (k < lines.size() && lines.get(k).isBlank()) {
      k++;
    }
    if (k == lines.size() || !lines.get(k).strip().equals("```text")) {
      throw new IllegalStateException(page + ":" + (from + 1) + ": a " + SHAPE_ERRORS
          + " example must be followed by a ```text block listing its errors");
    }
    List<Expected> out = new ArrayList<>();
    for (k++; k < lines.size() && !FENCE_CLOSE.matcher(lines.get(k)).matches(); k++) {
      Matcher m = LISTED.matcher(lines.get(k));
      if (!m.matches()) {
        throw new IllegalStateException(page + ":" + (k + 1) + ": not 'line N: [key] message'");
      }
      out.add(new Expected(Long.parseLong(m.group(1)), "error", m.group(2), m.group(3).strip()));
    }
    return out;
  }

  private static void assertBlock(Compilation c, Block b) {
    List<Expected> expected = new ArrayList<>(expectations(b.text()));
    expected.addAll(b.listed());
    List<Reported> reported = reported(c, b.source());
    List<String> missing = new ArrayList<>();
    for (Expected e : expected) {
      boolean found = false;
      for (Iterator<Reported> it = reported.iterator(); it.hasNext(); ) {
        Reported r = it.next();
        if (r.line() == e.line() && r.kind().equals(e.kind()) && r.key().equals(e.key())
            && r.message().replaceAll("\\s+", " ").contains(e.fragment())) {
          it.remove();
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(b.where(e.line()) + ": " + e.kind() + ": (" + e.key() + ") " + e.fragment());
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (Reported r : reported) {
      unexpected.add(b.where(r.line()) + ": " + r.kind() + ": " + r.message());
    }
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getSource() == null && d.getKind() == Diagnostic.Kind.ERROR
          && !d.getMessage(Locale.ROOT).contains("Compilation unit: docs_blocks/")) {
        unexpected.add("(no file): " + d.getMessage(Locale.ROOT));
      }
    }
    assertWithMessage("%s\nexpected but not reported:\n  %s\nreported but not expected:\n  %s",
            b.where(1), String.join("\n  ", missing), String.join("\n  ", unexpected))
        .that(missing.isEmpty() && unexpected.isEmpty())
        .isTrue();
  }

  private static synchronized List<Block> blocks() throws IOException {
    if (blocks == null) {
      Path root = repositoryRoot();
      List<Path> pages = new ArrayList<>();
      pages.add(root.resolve("README.md"));
      try (Stream<Path> s = Files.list(root.resolve("docs"))) {
        s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      }
      List<Block> out = new ArrayList<>();
      for (Path page : pages) {
        out.addAll(blocksOf(root.relativize(page).toString().replace('\\', '/'),
            Files.readAllLines(page, StandardCharsets.UTF_8)));
      }
      blocks = out;
    }
    return blocks;
  }

  /**
   * The compilation each block is judged by. All blocks are compiled together, and those that are
   * clean there are judged by that compilation. An error anywhere can stop javac before the
   * checker or a later processing round runs on the other files (a processor's error ends
   * processing; a syntax error ends everything), so each block with an error is compiled again
   * alone and judged by that, and the rest together once more, until no block has an error.
   */
  private static synchronized Map<Block, Compilation> compilations() throws IOException {
    if (compilations == null) {
      Map<Block, Compilation> out = new HashMap<>();
      List<Block> pending = new ArrayList<>(blocks());
      while (!pending.isEmpty()) {
        Compilation c = compile(pending.stream().map(Block::source).toList());
        List<Block> failing = pending.stream().filter(b -> hasError(c, b)).toList();
        if (failing.isEmpty() || pending.size() == 1) {
          pending.forEach(b -> out.put(b, c));
          break;
        }
        for (Block b : failing) {
          out.put(b, compile(List.of(b.source())));
        }
        pending.removeAll(failing);
      }
      compilations = out;
    }
    return compilations;
  }

  private static boolean hasError(Compilation c, Block b) {
    return reported(c, b.source()).stream().anyMatch(r -> r.kind().equals("error"));
  }

  private static Compilation compile(List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(new ShapeChecker(), new ShapeDeclarationProcessor(), new ModelProcessor(),
            new BackpropRecordProcessor())
        // No slow.typechecking warning: the Checker Framework warns when a class takes longer
        // than 45 s, which a loaded machine made the backprop page's example do.
        .withOptions("-Xlint:-options,-processing", "-AslowTypecheckingSeconds=100000")
        .compile(sources);
  }

  static List<Block> blocksOf(String page, List<String> lines) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!FENCE_OPEN.matcher(lines.get(i)).matches()) {
        continue;
      }
      boolean fragment = i > 0 && lines.get(i - 1).strip().equals(FRAGMENT);
      boolean listsErrors = i > 0 && lines.get(i - 1).strip().equals(SHAPE_ERRORS);
      boolean continued = i > 0 && lines.get(i - 1).strip().equals(CONTINUES);
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      int j = start;
      while (j < lines.size() && !FENCE_CLOSE.matcher(lines.get(j)).matches()) {
        text.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException(page + ":" + i + ": a ```java block is never closed");
      }
      if (!fragment) {
        if (continued && out.isEmpty()) {
          throw new IllegalStateException(page + ":" + i + ": " + CONTINUES
              + " marks the page's first compiled block; it has no block to go on from");
        }
        Block b = continued
            ? block(page, start + 1, text.toString(), out.get(out.size() - 1).packageName())
            : block(page, start + 1, text.toString());
        out.add(listsErrors ? b.withListed(listedErrors(page, lines, j + 1)) : b);
      }
      i = j;
    }
    return out;
  }

  static Block block(String page, int firstLine, String text) {
    return block(page, firstLine, text, "docs_blocks."
        + page.replaceAll("^docs/", "").replaceAll("[^A-Za-z0-9]", "_") + "_" + firstLine);
  }

  /** A block compiled in package {@code pkg} (unless it names its own). */
  static Block block(String page, int firstLine, String text, String pkg) {
    boolean unit = text.lines().anyMatch(l -> UNIT_LINE.matcher(l).matches());
    String compiled;
    String className;
    if (unit) {
      if (text.lines().anyMatch(l -> l.startsWith("package "))) {
        compiled = text;
        Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(text);
        pkg = m.find() ? m.group(1) : pkg;
      } else {
        compiled = "package " + pkg + "; " + text;
      }
      Matcher pub = Pattern.compile(
          "(?m)^public\\s+(?:(?:final|abstract|sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)")
          .matcher(text);
      Matcher type = Pattern.compile(
          "(?m)^(?:(?:public|final|abstract|sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)")
          .matcher(text);
      className = pub.find() ? pub.group(1) : type.find() ? type.group(1) : "package-info";
    } else {
      className = "Snippet";
      compiled = "package " + pkg + "; " + SNIPPET_IMPORTS + " class Snippet {"
          + " void run() throws Exception { " + text + "}}\n";
    }
    JavaFileObject source = JavaFileObjects.forSourceString(pkg + "." + className, compiled);
    return new Block(page, firstLine, text, source, compiled, List.of());
  }

  /**
   * The diagnostics a block expects, in either form: {@code // :: error: (key) fragment} on the
   * line(s) before the code (as in the checker's tests), or {@code // error: [key] message}
   * right after the code, showing the message as javac prints it (continued on {@code //} lines
   * indented by two or more spaces; the whole text, whitespace collapsed, must occur in it).
   */
  static List<Expected> expectations(String text) {
    String[] lines = text.split("\n", -1);
    List<Expected> out = new ArrayList<>();
    List<Matcher> pending = new ArrayList<>();
    int lastCode = 0;
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.matches()) {
        pending.add(m);
        continue;
      }
      Matcher shown = SHOWN.matcher(lines[i]);
      if (shown.matches() && lastCode > 0) {
        StringBuilder message = new StringBuilder(shown.group(3).strip());
        while (i + 1 < lines.length && CONTINUED.matcher(lines[i + 1]).matches()) {
          Matcher more = CONTINUED.matcher(lines[++i]);
          more.matches();
          message.append(' ').append(more.group(1).strip());
        }
        out.add(new Expected(lastCode, shown.group(1), shown.group(2), message.toString()));
        continue;
      }
      for (Matcher p : pending) {
        out.add(new Expected(i + 1, p.group(1), p.group(2), p.group(3).strip()));
      }
      pending.clear();
      if (!lines[i].isBlank()) {
        lastCode = i + 1;
      }
    }
    return out;
  }

  private static List<Reported> reported(Compilation c, JavaFileObject file) {
    List<Reported> out = new ArrayList<>();
    String unit = "Compilation unit: " + file.toUri().getPath().replaceFirst("^/", "");
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getSource() == null && d.getKind() == Diagnostic.Kind.ERROR
          && d.getMessage(Locale.ROOT).contains(unit)) {
        out.add(new Reported(0, "error", "crash", d.getMessage(Locale.ROOT)));
        continue;
      }
      if (d.getSource() == null || !d.getSource().toUri().equals(file.toUri())) {
        continue;
      }
      String kind = switch (d.getKind()) {
        case ERROR -> "error";
        case WARNING, MANDATORY_WARNING -> "warning";
        default -> null;
      };
      if (kind == null) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      Matcher m = KEYED.matcher(message);
      out.add(new Reported(d.getLineNumber(), kind, m.find() ? m.group(1) : "javac", message));
    }
    return out;
  }

  /** The directory holding {@code docs/} and the parent {@code pom.xml}, above the module's. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new UncheckedIOException(
        new IOException("no repository root (docs/, README.md, pom.xml) above the working dir"));
  }
}
