package dev.shapetorch.release;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCompareTest {
  @TempDir Path dir;

  @Test
  void identicalBuilds_haveNoDifference() throws Exception {
    for (String build : List.of("a", "b")) {
      Fixtures.jar(dir.resolve(build + "/x/x-1.jar"), "x", Map.of("x/X.class", new byte[] {1}));
      Files.writeString(dir.resolve(build + "/x/x-1.pom"), "<project/>");
    }
    assertThat(JarCompare.compare(dir.resolve("a"), dir.resolve("b"))).isEmpty();
  }

  @Test
  void aDifferingEntry_isNamed_andAMissingArtifactToo() throws Exception {
    Fixtures.jar(dir.resolve("a/x/x-1.jar"), "x",
        Map.of("x/X.class", new byte[] {1}, "x/Y.class", new byte[] {2}));
    Fixtures.jar(dir.resolve("b/x/x-1.jar"), "x",
        Map.of("x/X.class", new byte[] {1}, "x/Y.class", new byte[] {3}));
    Files.createDirectories(dir.resolve("a/y"));
    Files.writeString(dir.resolve("a/y/y-1.pom"), "<project/>");

    List<String> differences = JarCompare.compare(dir.resolve("a"), dir.resolve("b"));
    assertThat(differences).hasSize(2);
    assertThat(differences.get(0)).contains("x/x-1.jar differs");
    assertThat(differences.get(0)).contains("1 entries differ: x/Y.class");
    assertThat(differences.get(1)).isEqualTo("y/y-1.pom is only in " + dir.resolve("a"));
  }
}
