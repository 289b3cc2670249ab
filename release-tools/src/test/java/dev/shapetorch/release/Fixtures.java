package dev.shapetorch.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test fixtures: jars compiled from Java sources, or made of given entries. */
final class Fixtures {
  private Fixtures() {}

  /** Compiles {@code sources} (file name to text) and jars the classes with {@code extra}. */
  static Path compileJar(Path dir, Map<String, String> sources, Map<String, String> extra)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-parameters"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the fixture's sources do not compile");
    }
    Map<String, byte[]> entries = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        entries.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    extra.forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return jar(dir.resolve("fixture.jar"), null, entries);
  }

  /** A jar with {@code entries}, and a manifest with {@code moduleName} when not null. */
  static Path jar(Path file, String moduleName, Map<String, byte[]> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (moduleName != null) {
      manifest.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
    }
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        JarEntry e = new JarEntry(entry.getKey());
        e.setTime(0);
        jar.putNextEntry(e);
        jar.write(entry.getValue());
        jar.closeEntry();
      }
    }
    return file;
  }
}
