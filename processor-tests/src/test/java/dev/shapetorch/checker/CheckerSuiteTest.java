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
 * <p>A folder whose name ends in {@code -warnunknown} is compiled with {@code
 * -Ashape.warnUnknown}.
 */
class CheckerSuiteTest {

  @TestFactory
  Stream<DynamicNode> features() throws IOException {
    Path root = resourceRoot("checker");
    List<DynamicNode> features = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        features.add(feature(dir));
      }
    }
    return features.stream();
  }

  private static DynamicContainer feature(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(JavaFileObjects.forResource(f.toUri().toURL()));
    }
    String[] options = dir.getFileName().toString().endsWith("-warnunknown")
        ? new String[] {"-Ashape.warnUnknown"}
        : new String[0];
    Supplier<Compilation> compilation = memoize(() -> CheckerHarness.compile(sources, options));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      JavaFileObject source = sources.get(i);
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () ->
          CheckerHarness.assertDiagnostics(
              compilation.get(), source, Files.readString(file, StandardCharsets.UTF_8))));
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
