package dev.shapetorch.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Checks a staged Maven repository (what {@code mvn -Prelease deploy} wrote to a file
 * repository) against Maven Central's publishing requirements and ShapeTorch's own:
 *
 * <ul>
 *   <li>exactly the published artifacts are there, at the release version (no SNAPSHOT);
 *   <li>each has its POM, and a jar module its jar, {@code -sources.jar} and {@code
 *       -javadoc.jar};
 *   <li>every file but checksums and signatures has {@code .md5} and {@code .sha1} checksums
 *       that match it, and an {@code .asc} signature, which {@code gpg --verify} accepts when
 *       {@code --gpg} is given;
 *   <li>every POM has, itself or through its staged parents, name, description, url, a
 *       license with name and url, a developer with name and email, and scm connection and
 *       url; url and scm are inherited as written (no artifactId appended), versions and
 *       properties its dependencies use are defined, and it depends on no ShapeTorch module
 *       that is not published;
 *   <li>every jar's manifest has its {@code Automatic-Module-Name}, a valid module name; no
 *       package is in two published jars (the module path would refuse them); the jars carry
 *       {@code META-INF/LICENSE} and {@code META-INF/NOTICE}; a sources jar has sources and a
 *       Javadoc jar an {@code index.html}.
 * </ul>
 *
 * <pre>
 * StagingCheck [--gpg] STAGING GROUP VERSION ARTIFACT...
 *   ARTIFACT: artifactId:pom, or artifactId:jar:Automatic-Module-Name
 * </pre>
 */
public final class StagingCheck {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final Path staging;
  private final String group;
  private final String version;
  private final Map<String, String> published; // artifactId -> module name, or null for a POM
  private final boolean gpg;
  private final List<String> problems = new ArrayList<>();
  private int files;

  StagingCheck(Path staging, String group, String version, Map<String, String> published,
      boolean gpg) {
    this.staging = staging;
    this.group = group;
    this.version = version;
    this.published = published;
    this.gpg = gpg;
  }

  /**
   * Runs the check; exit status 1 and one line per problem when there are any.
   *
   * @param args {@code [--gpg] STAGING GROUP VERSION ARTIFACT...}
   * @throws Exception if the staging directory cannot be read
   */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean gpg = rest.remove("--gpg");
    if (rest.size() < 4) {
      System.err.println("usage: StagingCheck [--gpg] STAGING GROUP VERSION"
          + " artifactId:pom|artifactId:jar:ModuleName...");
      System.exit(2);
    }
    Map<String, String> published = new LinkedHashMap<>();
    for (String spec : rest.subList(3, rest.size())) {
      String[] parts = spec.split(":");
      published.put(parts[0], parts[1].equals("jar") ? parts[2] : null);
    }
    StagingCheck check =
        new StagingCheck(Path.of(rest.get(0)), rest.get(1), rest.get(2), published, gpg);
    List<String> problems = check.run();
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("staging-check: " + p));
      System.err.println("staging-check: FAIL: " + problems.size() + " problems in "
          + check.staging + " (Maven Central would refuse the upload; docs/releasing.md)");
      System.exit(1);
    }
    System.out.println("staging-check: OK: " + published.size() + " artifacts, " + check.files
        + " files: POM metadata complete, every file checksummed"
        + (gpg ? " and signed (signatures verified)" : " and signed") + ", jars with"
        + " sources, Javadoc and Automatic-Module-Name, no split package");
  }

  /** All problems found; empty when the staging directory is fit for Central. */
  List<String> run() throws IOException {
    Path groupDir = staging.resolve(group.replace('.', '/'));
    if (!Files.isDirectory(groupDir)) {
      problems.add("no " + groupDir + ": nothing was staged for " + group);
      return problems;
    }
    try (Stream<Path> dirs = Files.list(groupDir)) {
      for (Path dir : dirs.sorted().toList()) {
        String artifact = dir.getFileName().toString();
        if (!published.containsKey(artifact)) {
          problems.add(group + ":" + artifact + " is staged but not published: add it to the"
              + " published list (scripts/release-check.sh, docs/releasing.md) or set"
              + " maven.deploy.skip in its POM");
        }
      }
    }
    Map<String, String> packageOwners = new TreeMap<>();
    for (Map.Entry<String, String> artifact : published.entrySet()) {
      checkArtifact(groupDir, artifact.getKey(), artifact.getValue(), packageOwners);
    }
    return problems;
  }

  private void checkArtifact(Path groupDir, String artifact, String moduleName,
      Map<String, String> packageOwners) throws IOException {
    Path dir = groupDir.resolve(artifact).resolve(version);
    String coordinates = group + ":" + artifact + ":" + version;
    if (version.endsWith("-SNAPSHOT")) {
      problems.add(coordinates + ": a SNAPSHOT version; Central takes releases only");
    }
    if (!Files.isDirectory(dir)) {
      problems.add(coordinates + ": not staged (no " + dir + ")");
      return;
    }
    String base = artifact + "-" + version;
    List<String> required = new ArrayList<>(List.of(base + ".pom"));
    if (moduleName != null) {
      required.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
    }
    for (String name : required) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        problems.add(coordinates + ": " + name + " is missing");
      }
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.sorted().toList()) {
        checkFile(coordinates, file);
      }
    }
    if (Files.isRegularFile(dir.resolve(base + ".pom"))) {
      checkPom(coordinates, dir.resolve(base + ".pom"), moduleName == null ? "pom" : "jar");
    }
    if (moduleName != null && Files.isRegularFile(dir.resolve(base + ".jar"))) {
      checkJars(coordinates, dir, base, moduleName, packageOwners);
    }
  }

  private void checkFile(String coordinates, Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.matches(".*\\.(md5|sha1|sha256|sha512)")) {
      return;
    }
    files++;
    byte[] bytes = Files.readAllBytes(file);
    boolean signature = name.endsWith(".asc");
    for (String[] algorithm : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
      Path sum = file.resolveSibling(name + "." + algorithm[0]);
      if (!Files.isRegularFile(sum)) {
        // Central wants no checksums of signatures (Maven's deploy writes none), but any
        // that are there must match.
        if (!signature) {
          problems.add(coordinates + ": " + name + " has no ." + algorithm[0] + " checksum");
        }
        continue;
      }
      String expected = Files.readString(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
      String actual = HexFormat.of().formatHex(digest(algorithm[1], bytes));
      if (!actual.equalsIgnoreCase(expected)) {
        problems.add(coordinates + ": " + name + "." + algorithm[0] + " says " + expected
            + " but the file's " + algorithm[0] + " is " + actual);
      }
    }
    if (signature) {
      return;
    }
    Path asc = file.resolveSibling(name + ".asc");
    if (!Files.isRegularFile(asc)) {
      problems.add(coordinates + ": " + name + " has no .asc signature");
    } else if (gpg) {
      verifySignature(coordinates, file, asc);
    }
  }

  private void verifySignature(String coordinates, Path file, Path signature)
      throws IOException {
    Process process = new ProcessBuilder("gpg", "--batch", "--verify", signature.toString(),
        file.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        problems.add(coordinates + ": gpg --verify rejects " + signature.getFileName() + ": "
            + output.strip().replace('\n', ' '));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while gpg verified " + signature, e);
    }
  }

  // --- POMs ----------------------------------------------------------------------------------

  private void checkPom(String coordinates, Path file, String packaging) throws IOException {
    List<PomModel> chain = new ArrayList<>();
    PomModel pom = PomModel.read(file);
    chain.add(pom);
    for (PomModel p = pom; p.has("parent"); ) {
      String parentGroup = p.text("parent/groupId");
      String parentArtifact = p.text("parent/artifactId");
      String parentVersion = p.text("parent/version");
      Path parentFile = staging.resolve(parentGroup.replace('.', '/')).resolve(parentArtifact)
          .resolve(parentVersion).resolve(parentArtifact + "-" + parentVersion + ".pom");
      if (!Files.isRegularFile(parentFile)) {
        problems.add(coordinates + ": its parent " + parentGroup + ":" + parentArtifact + ":"
            + parentVersion + " is not staged; publish it too");
        break;
      }
      p = PomModel.read(parentFile);
      chain.add(p);
    }
    String ownGroup = inherited(chain, "groupId", "parent/groupId");
    String ownVersion = inherited(chain, "version", "parent/version");
    if (!group.equals(ownGroup) || !version.equals(ownVersion)) {
      problems.add(coordinates + ": the POM says " + ownGroup + ":" + pom.text("artifactId")
          + ":" + ownVersion);
    }
    String ownPackaging = pom.text("packaging") == null ? "jar" : pom.text("packaging");
    if (!ownPackaging.equals(packaging)) {
      problems.add(coordinates + ": packaging " + ownPackaging + ", published as " + packaging);
    }
    for (String field : List.of("name", "description")) {
      if (blank(pom.text(field))) {
        problems.add(coordinates + ": no <" + field + "> of its own (Central requires one)");
      }
    }
    requireInherited(coordinates, chain, "url", "", "child.project.url.inherit.append.path");
    requireInherited(coordinates, chain, "scm/url", "scm", "child.scm.url.inherit.append.path");
    requireInherited(coordinates, chain, "scm/connection", "scm",
        "child.scm.connection.inherit.append.path");
    PomModel licenses = nearest(chain, "licenses");
    if (licenses == null || licenses.list("licenses", "license").isEmpty()) {
      problems.add(coordinates + ": no <licenses> (Central requires a license)");
    } else {
      for (Map<String, String> license : licenses.list("licenses", "license")) {
        if (blank(license.get("name")) || blank(license.get("url"))) {
          problems.add(coordinates + ": a <license> without name or url: " + license);
        }
      }
    }
    PomModel developers = nearest(chain, "developers");
    if (developers == null || developers.list("developers", "developer").isEmpty()) {
      problems.add(coordinates + ": no <developers> (Central requires one)");
    } else {
      for (Map<String, String> developer : developers.list("developers", "developer")) {
        if (blank(developer.get("name")) || blank(developer.get("email"))) {
          problems.add(coordinates + ": a <developer> without name or email: " + developer);
        }
      }
    }
    checkDependencies(coordinates, chain);
  }

  private void requireInherited(
      String coordinates, List<PomModel> chain, String path, String owner, String attribute) {
    for (int i = 0; i < chain.size(); i++) {
      String value = chain.get(i).text(path);
      if (!blank(value)) {
        if (!value.startsWith("https://") && !value.startsWith("scm:")) {
          problems.add(coordinates + ": <" + path + "> " + value + " is neither https:// nor scm:");
        }
        if (i > 0 && !"false".equals(chain.get(i).attribute(owner, attribute))) {
          problems.add(coordinates + ": inherits <" + path + "> from an ancestor without "
              + attribute + "=\"false\", so Maven appends the artifactId to it");
        }
        return;
      }
    }
    problems.add(coordinates + ": no <" + path + ">, own or inherited (Central requires it)");
  }

  private void checkDependencies(String coordinates, List<PomModel> chain) {
    Map<String, String> properties = new TreeMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      properties.putAll(chain.get(i).properties());
    }
    TreeSet<String> managed = new TreeSet<>();
    List<String> importedGroups = new ArrayList<>();
    for (PomModel p : chain) {
      for (Map<String, String> d : p.list("dependencyManagement/dependencies", "dependency")) {
        managed.add(d.get("groupId") + ":" + d.get("artifactId"));
        if ("import".equals(d.get("scope"))) {
          importedGroups.add(d.get("groupId"));
        }
        checkProperties(coordinates, "managed " + d.get("artifactId"), d, properties);
      }
    }
    for (Map<String, String> d : chain.get(0).list("dependencies", "dependency")) {
      String key = d.get("groupId") + ":" + d.get("artifactId");
      // An imported BOM (junit-bom) manages its own group and the groups under it.
      boolean imported = importedGroups.stream().anyMatch(
          g -> d.get("groupId").equals(g) || d.get("groupId").startsWith(g + "."));
      if (d.get("version") == null && !managed.contains(key) && !imported) {
        problems.add(coordinates + ": dependency " + key + " has no version, and no staged"
            + " parent manages one");
      }
      if (group.equals(d.get("groupId")) && !published.containsKey(d.get("artifactId"))) {
        problems.add(coordinates + ": depends on " + key + ", which is not published");
      }
      checkProperties(coordinates, "dependency " + key, d, properties);
    }
  }

  private void checkProperties(String coordinates, String what, Map<String, String> fields,
      Map<String, String> properties) {
    for (String value : fields.values()) {
      Matcher m = PROPERTY.matcher(value);
      while (m.find()) {
        String name = m.group(1);
        if (!name.startsWith("project.") && !properties.containsKey(name)) {
          problems.add(coordinates + ": " + what + " uses ${" + name + "}, which neither"
              + " the POM nor a staged parent defines");
        }
      }
    }
  }

  private static String inherited(List<PomModel> chain, String own, String fromParent) {
    String value = chain.get(0).text(own);
    return value != null ? value : chain.get(0).text(fromParent);
  }

  private static PomModel nearest(List<PomModel> chain, String path) {
    for (PomModel p : chain) {
      if (p.has(path)) {
        return p;
      }
    }
    return null;
  }

  // --- jars ----------------------------------------------------------------------------------

  private void checkJars(String coordinates, Path dir, String base, String moduleName,
      Map<String, String> packageOwners) throws IOException {
    try (JarFile jar = new JarFile(dir.resolve(base + ".jar").toFile())) {
      String declared = jar.getManifest() == null ? null
          : jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
      if (declared == null) {
        problems.add(coordinates + ": the jar's manifest has no Automatic-Module-Name");
      } else if (!declared.equals(moduleName)) {
        problems.add(coordinates + ": Automatic-Module-Name is " + declared + ", not "
            + moduleName);
      } else if (!SourceVersion.isName(declared)) {
        problems.add(coordinates + ": Automatic-Module-Name " + declared
            + " is not a valid module name");
      }
      for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
        if (jar.getEntry(legal) == null) {
          problems.add(coordinates + ": the jar has no " + legal);
        }
      }
      TreeSet<String> packages = new TreeSet<>();
      for (var entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/")) {
          packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
        }
      }
      if (packages.isEmpty()) {
        problems.add(coordinates + ": the jar holds no class");
      }
      for (String pkg : packages) {
        String owner = packageOwners.putIfAbsent(pkg, coordinates);
        if (owner != null) {
          problems.add("package " + pkg + " is in " + owner + " and in " + coordinates
              + ": a split package, which the module path refuses");
        }
      }
    }
    requireEntry(coordinates, dir.resolve(base + "-sources.jar"), ".java", "a .java file");
    requireEntry(coordinates, dir.resolve(base + "-javadoc.jar"), "index.html", "index.html");
  }

  private void requireEntry(String coordinates, Path file, String suffix, String what)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (JarFile jar = new JarFile(file.toFile())) {
      if (jar.stream().noneMatch(e -> e.getName().endsWith(suffix))) {
        problems.add(coordinates + ": " + file.getFileName() + " holds no " + what);
      }
    }
  }

  static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
