package dev.shapetorch.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test sources under {@code src/test/resources/processor/}. */
final class TestSources {
  private TestSources() {}

  /** The directory of resource {@code name} (tests run from a directory, not a jar). */
  static Path directory(String name) {
    URL url = TestSources.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .java} file under resource directory {@code name}, sorted. */
  static List<Path> javaFiles(String name) {
    try (Stream<Path> files = Files.walk(directory(name))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compile-testing source for {@code file}. */
  static JavaFileObject source(Path file) {
    try {
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code file}. */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stand-ins under {@code processor/support/} that test sources import. */
  static List<JavaFileObject> support() {
    return javaFiles("processor/support").stream()
        .map(TestSources::source)
        .collect(Collectors.toList());
  }
}
