package dev.shapetorch.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Two builds' artifacts, byte for byte: every {@code .jar} and {@code .pom} under one
 * directory must be under the other, with the same SHA-256. When a jar differs, it says which
 * entries do (their content, time or order), which is where a build stops being reproducible.
 *
 * <pre>
 * JarCompare DIR_A DIR_B
 * </pre>
 */
public final class JarCompare {
  private JarCompare() {}

  /**
   * Compares; exit status 1 and one line per difference when the builds differ.
   *
   * @param args {@code DIR_A DIR_B}
   * @throws IOException if a directory cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: JarCompare DIR_A DIR_B");
      System.exit(2);
    }
    Path a = Path.of(args[0]);
    Path b = Path.of(args[1]);
    List<String> differences = compare(a, b);
    if (!differences.isEmpty()) {
      differences.forEach(d -> System.err.println("reproducible: " + d));
      System.err.println("reproducible: FAIL: two builds of the same sources differ (above);"
          + " an archive entry or POM depends on when or where it was built"
          + " (project.build.outputTimestamp, docs/releasing.md)");
      System.exit(1);
    }
    System.out.println("reproducible: OK: " + artifacts(a).size() + " jars and POMs are"
        + " byte-identical in " + a + " and " + b);
  }

  /** The differences between the artifacts under {@code a} and {@code b}; empty if none. */
  static List<String> compare(Path a, Path b) throws IOException {
    Map<String, String> left = artifacts(a);
    Map<String, String> right = artifacts(b);
    List<String> differences = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String name : names) {
      String l = left.get(name);
      String r = right.get(name);
      if (l == null || r == null) {
        differences.add(name + " is only in " + (l == null ? b : a));
      } else if (!l.equals(r)) {
        differences.add(name + " differs (sha256 " + l + " vs " + r + ")"
            + (name.endsWith(".jar") ? ": " + entryDifferences(a.resolve(name), b.resolve(name))
            : ""));
      }
    }
    return differences;
  }

  /** SHA-256 of every .jar and .pom under {@code root}, by relative path. */
  static Map<String, String> artifacts(Path root) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString();
        if (name.endsWith(".jar") || name.endsWith(".pom")) {
          sums.put(name,
              HexFormat.of().formatHex(StagingCheck.digest("SHA-256", Files.readAllBytes(file))));
        }
      }
    }
    return sums;
  }

  private static String entryDifferences(Path a, Path b) throws IOException {
    Map<String, String> left = entries(a);
    Map<String, String> right = entries(b);
    List<String> differing = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String name : names) {
      if (!String.valueOf(left.get(name)).equals(String.valueOf(right.get(name)))) {
        differing.add(name + " [" + left.get(name) + " | " + right.get(name) + "]");
      }
    }
    if (differing.isEmpty()) {
      return "same entries and contents, in another order or with other zip metadata";
    }
    return differing.size() + " entries differ: "
        + String.join(", ", differing.subList(0, Math.min(10, differing.size())));
  }

  /** Each entry's time and content hash, by name. */
  private static Map<String, String> entries(Path jar) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (var entry : (Iterable<java.util.jar.JarEntry>) file.stream()::iterator) {
        byte[] bytes = file.getInputStream(entry).readAllBytes();
        entries.put(entry.getName(), "time " + entry.getTime() + ", sha256 "
            + HexFormat.of().formatHex(Arrays.copyOf(StagingCheck.digest("SHA-256", bytes), 6)));
      }
    }
    return entries;
  }
}
