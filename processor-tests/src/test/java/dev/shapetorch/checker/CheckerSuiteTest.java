package dev.shapetorch.checker;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Shape Checker's specification: every {@code .java} file under {@code
 * src/test/resources/checker/<feature>/} is a test case, whose expected diagnostics are written
 * in it as {@code // :: error: (key)} comments. All folders are compiled together in one javac
 * run (so the suite stays fast; class names are unique across folders), and each file is then
 * checked on its own: its diagnostics, by file and line.
 *
 * <p>The optional folder {@code _lib} holds annotated stand-ins (package {@code lib}) for ops
 * that the runtime does not provide yet; when present, it is compiled with every feature and
 * must itself compile without diagnostics. A folder whose name ends in {@code -warnunknown} is compiled with {@code
 * -Ashape.warnUnknown}.
 */
class CheckerSuiteTest {
  private static final String LIB = "_lib";

  @TestFactory
  Stream<DynamicNode> features() throws IOException {
    Path root = resourceRoot("checker");
    Path libDir = root.resolve(LIB);
    List<JavaFileObject> lib =
        Files.isDirectory(libDir) ? sources(javaFiles(libDir)) : List.of();
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory)
          .filter(d -> !d.getFileName().toString().equals(LIB))
          .sorted()
          .toList();
    }
    // One javac run per set of options: the checker's start-up cost is paid once, not per folder.
    Map<Boolean, List<JavaFileObject>> groups = new HashMap<>();
    Map<Path, List<JavaFileObject>> byDir = new LinkedHashMap<>();
    for (Path dir : dirs) {
      List<JavaFileObject> sources = sources(javaFiles(dir));
      byDir.put(dir, sources);
      groups.computeIfAbsent(warnsUnknown(dir), k -> new ArrayList<>(lib)).addAll(sources);
    }
    Map<Boolean, Supplier<Compilation>> compilations = new HashMap<>();
    groups.forEach((warn, all) -> compilations.put(warn, memoize(() ->
        CheckerHarness.compile(all, warn ? new String[] {"-Ashape.warnUnknown"} : new String[0]))));
    List<DynamicNode> features = new ArrayList<>();
    for (Map.Entry<Path, List<JavaFileObject>> e : byDir.entrySet()) {
      features.add(feature(e.getKey(), e.getValue(), compilations.get(warnsUnknown(e.getKey())),
          lib));
    }
    return features.stream();
  }

  private static boolean warnsUnknown(Path dir) {
    return dir.getFileName().toString().endsWith("-warnunknown");
  }

  static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  static List<JavaFileObject> sources(List<Path> files) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(JavaFileObjects.forResource(f.toUri().toURL()));
    }
    return sources;
  }

  private static DynamicContainer feature(Path dir, List<JavaFileObject> sources,
      Supplier<Compilation> compilation, List<JavaFileObject> lib) throws IOException {
    List<Path> files = javaFiles(dir);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      JavaFileObject source = sources.get(i);
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () ->
          CheckerHarness.assertDiagnostics(
              compilation.get(), source, Files.readString(file, StandardCharsets.UTF_8), lib)));
    }
    return DynamicContainer.dynamicContainer(dir.getFileName().toString(), dir.toUri(),
        tests.stream());
  }

  static Path resourceRoot(String name) {
    URL url = CheckerSuiteTest.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resources at " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
