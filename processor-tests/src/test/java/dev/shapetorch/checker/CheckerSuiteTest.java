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
import java.util.List;
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
 * in it as {@code // :: error: (key)} comments. The files of one feature folder are compiled
 * together, in one javac run (so the suite stays fast), and each file is then checked on its own.
 *
 * <p>The folder {@code _lib} holds annotated stand-ins (package {@code lib}) for ops that the
 * runtime does not provide yet; it is compiled with every feature and must itself compile
 * without diagnostics. A folder whose name ends in {@code -warnunknown} is compiled with {@code
 * -Ashape.warnUnknown}.
 */
class CheckerSuiteTest {
  private static final String LIB = "_lib";

  @TestFactory
  Stream<DynamicNode> features() throws IOException {
    Path root = resourceRoot("checker");
    List<JavaFileObject> lib = sources(javaFiles(root.resolve(LIB)));
    List<DynamicNode> features = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!dir.getFileName().toString().equals(LIB)) {
          features.add(feature(dir, lib));
        }
      }
    }
    return features.stream();
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

  private static DynamicContainer feature(Path dir, List<JavaFileObject> lib) throws IOException {
    List<Path> files = javaFiles(dir);
    List<JavaFileObject> sources = sources(files);
    List<JavaFileObject> all = new ArrayList<>(lib);
    all.addAll(sources);
    String[] options = dir.getFileName().toString().endsWith("-warnunknown")
        ? new String[] {"-Ashape.warnUnknown"}
        : new String[0];
    Supplier<Compilation> compilation = memoize(() -> CheckerHarness.compile(all, options));
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
