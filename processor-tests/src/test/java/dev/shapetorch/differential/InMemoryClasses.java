package dev.shapetorch.differential;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * javac's class output kept in memory, and a class loader over it (on top of the test's class
 * path), so that the runtime runs exactly the classes the checker checked.
 */
final class InMemoryClasses extends ForwardingJavaFileManager<JavaFileManager> {
  private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

  InMemoryClasses(JavaFileManager standard) {
    super(standard);
  }

  @Override
  public JavaFileObject getJavaFileForOutput(Location location, String className,
      JavaFileObject.Kind kind, FileObject sibling) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classes.put(className, bytes);
    return new SimpleJavaFileObject(
        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
      @Override
      public OutputStream openOutputStream() {
        return bytes;
      }
    };
  }

  /** Whether javac wrote class {@code binaryName}. */
  boolean has(String binaryName) {
    return classes.containsKey(binaryName);
  }

  /** A loader of the written classes, whose parent is the test's own loader. */
  ClassLoader loader() {
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return new ClassLoader(InMemoryClasses.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
