package dev.shapetorch.release;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingCheckTest {
  @TempDir Path staging;
  private Path parentPom;
  private Path libDir;

  private static final String PARENT = """
      <project child.project.url.inherit.append.path="false">
        <groupId>g.x</groupId><artifactId>parent</artifactId><version>1.0</version>
        <packaging>pom</packaging>
        <name>Parent</name><description>The parent.</description>
        <url>https://example.org</url>
        <licenses><license><name>Apache-2.0</name><url>https://example.org/l</url></license></licenses>
        <developers><developer><name>Dev</name><email>dev@example.org</email></developer></developers>
        <scm child.scm.connection.inherit.append.path="false" child.scm.url.inherit.append.path="false">
          <connection>scm:git:https://example.org/x.git</connection><url>https://example.org/x</url>
        </scm>
        <properties><native>linux</native></properties>
        <dependencyManagement><dependencies>
          <dependency><groupId>o.b</groupId><artifactId>natives</artifactId><version>2</version></dependency>
        </dependencies></dependencyManagement>
      </project>
      """;

  private static final String LIB = """
      <project>
        <parent><groupId>g.x</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
        <artifactId>lib</artifactId><name>Lib</name><description>A library.</description>
        <dependencies>
          <dependency><groupId>o.b</groupId><artifactId>natives</artifactId><classifier>${native}</classifier></dependency>
        </dependencies>
      </project>
      """;

  @BeforeEach
  void stage() throws IOException {
    parentPom = write("parent", "parent-1.0.pom", PARENT);
    libDir = write("lib", "lib-1.0.pom", LIB).getParent();
    Fixtures.jar(libDir.resolve("lib-1.0.jar"), "g.x.lib", Map.of(
        "g/x/lib/Lib.class", new byte[] {1}, "META-INF/LICENSE", new byte[] {2},
        "META-INF/NOTICE", new byte[] {3}));
    Fixtures.jar(libDir.resolve("lib-1.0-sources.jar"), null,
        Map.of("g/x/lib/Lib.java", new byte[] {4}));
    Fixtures.jar(libDir.resolve("lib-1.0-javadoc.jar"), null,
        Map.of("index.html", new byte[] {5}));
    signAndChecksumAll();
  }

  private Path write(String artifact, String name, String text) throws IOException {
    Path file = staging.resolve("g/x/" + artifact + "/1.0/" + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Fake .asc files (the check runs without --gpg here) and real .md5/.sha1 for all. */
  private void signAndChecksumAll() throws IOException {
    try (Stream<Path> walk = Files.walk(staging)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        if (f.toString().matches(".*\\.(asc|md5|sha1)")) {
          continue;
        }
        Files.writeString(f.resolveSibling(f.getFileName() + ".asc"), "signature");
      }
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        if (!f.toString().matches(".*\\.(md5|sha1)")) {
          checksum(f);
        }
      }
    }
  }

  private static void checksum(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    Files.writeString(f.resolveSibling(f.getFileName() + ".md5"),
        HexFormat.of().formatHex(StagingCheck.digest("MD5", bytes)));
    Files.writeString(f.resolveSibling(f.getFileName() + ".sha1"),
        HexFormat.of().formatHex(StagingCheck.digest("SHA-1", bytes)));
  }

  private List<String> check(String moduleName) throws IOException {
    Map<String, String> published = new LinkedHashMap<>();
    published.put("parent", null);
    published.put("lib", moduleName);
    return new StagingCheck(staging, "g.x", "1.0", published, false).run();
  }

  @Test
  void aCompleteStaging_hasNoProblem() throws IOException {
    assertThat(check("g.x.lib")).isEmpty();
  }

  @Test
  void aMissingSignatureOrSourcesJar_isReported() throws IOException {
    Files.delete(libDir.resolve("lib-1.0.jar.asc"));
    Files.delete(libDir.resolve("lib-1.0-sources.jar"));
    assertThat(check("g.x.lib")).containsExactly(
        "g.x:lib:1.0: lib-1.0-sources.jar is missing",
        "g.x:lib:1.0: lib-1.0.jar has no .asc signature");
  }

  @Test
  void signatures_needNoChecksums_butOthersDo() throws IOException {
    Files.delete(libDir.resolve("lib-1.0.jar.asc.md5"));
    Files.delete(libDir.resolve("lib-1.0.jar.asc.sha1"));
    assertThat(check("g.x.lib")).isEmpty();
    Files.delete(libDir.resolve("lib-1.0.jar.md5"));
    assertThat(check("g.x.lib")).containsExactly("g.x:lib:1.0: lib-1.0.jar has no .md5 checksum");
  }

  @Test
  void aDependencyManagedByAnImportedBom_needsNoVersion() throws IOException {
    Files.writeString(libDir.resolve("lib-1.0.pom"), LIB.replace("</dependencies>", """
          <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
            <scope>test</scope></dependency>
        </dependencies>"""));
    signAndChecksumAll();
    assertThat(check("g.x.lib")).containsExactly("g.x:lib:1.0: dependency"
        + " org.junit.jupiter:junit-jupiter has no version, and no staged parent manages one");
    Files.writeString(parentPom, PARENT.replace("</dependencies></dependencyManagement>", """
          <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId>
            <version>5</version><type>pom</type><scope>import</scope></dependency>
        </dependencies></dependencyManagement>"""));
    signAndChecksumAll();
    assertThat(check("g.x.lib")).isEmpty();
  }

  @Test
  void aChecksumThatDoesNotMatch_isReported() throws IOException {
    Files.writeString(libDir.resolve("lib-1.0.pom.sha1"), "0000");
    assertThat(check("g.x.lib")).containsExactly("g.x:lib:1.0: lib-1.0.pom.sha1 says 0000 but"
        + " the file's sha1 is " + HexFormat.of().formatHex(StagingCheck.digest("SHA-1",
        Files.readAllBytes(libDir.resolve("lib-1.0.pom")))));
  }

  @Test
  void missingMetadata_isReported_ownOrInherited() throws IOException {
    Files.writeString(parentPom, PARENT.replace("<email>dev@example.org</email>", "")
        .replace("<url>https://example.org</url>", ""));
    signAndChecksumAll();
    List<String> problems = check("g.x.lib");
    assertThat(problems).contains("g.x:lib:1.0: no <url>, own or inherited (Central requires it)");
    assertThat(problems).contains("g.x:parent:1.0: a <developer> without name or email: {name=Dev}");
  }

  @Test
  void urlInheritedWithoutTheAppendAttribute_isReported() throws IOException {
    Files.writeString(parentPom,
        PARENT.replace(" child.project.url.inherit.append.path=\"false\"", ""));
    signAndChecksumAll();
    assertThat(check("g.x.lib")).containsExactly("g.x:lib:1.0: inherits <url> from an ancestor"
        + " without child.project.url.inherit.append.path=\"false\", so Maven appends the"
        + " artifactId to it");
  }

  @Test
  void anUndefinedProperty_andAnUnmanagedVersion_areReported() throws IOException {
    Files.writeString(parentPom, PARENT.replace("<native>linux</native>", "")
        .replace("<artifactId>natives</artifactId>", "<artifactId>other</artifactId>"));
    signAndChecksumAll();
    assertThat(check("g.x.lib")).containsExactly(
        "g.x:lib:1.0: dependency o.b:natives has no version, and no staged parent manages one",
        "g.x:lib:1.0: dependency o.b:natives uses ${native}, which neither the POM nor a staged"
            + " parent defines");
  }

  @Test
  void aWrongModuleName_isReported() throws IOException {
    assertThat(check("g.x.library"))
        .containsExactly("g.x:lib:1.0: Automatic-Module-Name is g.x.lib, not g.x.library");
  }

  @Test
  void anUnpublishedArtifact_andASplitPackage_areReported() throws IOException {
    Path other = write("samples", "samples-1.0.pom", LIB.replace(">lib<", ">samples<"))
        .getParent();
    Fixtures.jar(other.resolve("samples-1.0.jar"), "g.x.samples",
        Map.of("g/x/lib/Sample.class", new byte[] {1}));
    signAndChecksumAll();
    Map<String, String> published = new LinkedHashMap<>();
    published.put("parent", null);
    published.put("lib", "g.x.lib");
    List<String> problems = new StagingCheck(staging, "g.x", "1.0", published, false).run();
    assertThat(problems.get(0)).startsWith("g.x:samples is staged but not published");

    published.put("samples", "g.x.samples");
    assertThat(new StagingCheck(staging, "g.x", "1.0", published, false).run()).contains(
        "package g.x.lib is in g.x:lib:1.0 and in g.x:samples:1.0: a split package, which the"
            + " module path refuses");
  }

  @Test
  void aSnapshot_isNotForCentral() throws IOException {
    assertThat(new StagingCheck(staging, "g.x", "1.0-SNAPSHOT", Map.of("parent", "x"), false)
        .run()).contains("g.x:parent:1.0-SNAPSHOT: a SNAPSHOT version; Central takes releases only");
  }
}
