package dev.shapetorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.ChildJvm;
import dev.shapetorch.tensor.Torch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorch loads from an empty JavaCPP cache, even where a system libtorch is installed (where a
 * plain {@code Loader.load} crashes the JVM on the first run).
 */
class NativeLoadingTest {

  /** Run in a fresh JVM by the test: loads libtorch from whatever cache it is given. */
  public static final class Child {
    public static void main(String[] args) {
      System.out.println("sum=" + Torch.ones(2, 2).add(1.0).sum().item());
    }
  }

  @Test
  void firstLoadFromAnEmptyCache_works(@TempDir Path cache) throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class,
        List.of("-Dorg.bytedeco.javacpp.cachedir=" + cache), 180);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("sum=8.0"), r.output());
    try (Stream<Path> files = Files.list(cache)) {
      assertTrue(files.findAny().isPresent(), "the natives went to the given cache");
    }
    deleteTree(cache);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
