package dev.shapetorch.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The C environment of this process (POSIX {@code environ}), which native libraries read with
 * {@code getenv} when they load. Java's {@link System#getenv()} is a copy taken at JVM start and
 * cannot be changed; this class reads and extends the real one, through JavaCPP's own small
 * native library only, so that libtorch and its OpenMP runtime need not be loaded for it.
 *
 * <p>Variables are added the way POSIX allows: a new {@code NAME=value} array, holding the old
 * entries and the new ones, is assigned to {@code environ}. The old array and strings stay valid
 * (threads reading them meanwhile see a consistent environment); the new ones are allocated with
 * {@code malloc} and never freed, since the C library may keep pointing at them. Not safe against
 * a concurrent {@code setenv} from native code, which nothing in a JVM does while ShapeTorch loads.
 */
final class ProcessEnvironment {

  private final PointerPointer<BytePointer> environVariable;
  private final Charset charset = Charset.defaultCharset();

  private ProcessEnvironment(PointerPointer<BytePointer> environVariable) {
    this.environVariable = environVariable;
  }

  /**
   * The process's environment, or null where the C library does not export {@code environ}
   * (JavaCPP then cannot reach it: the caller must tell the user to set variables before start).
   */
  static ProcessEnvironment find() {
    Pointer address;
    try {
      address = Loader.addressof("environ");
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return null;
    }
    if (address == null || address.isNull() || Pointer.sizeof(PointerPointer.class) < 4) {
      return null;
    }
    return new ProcessEnvironment(new PointerPointer<>(address));
  }

  /** The variables as they are now, in order; an entry without {@code '='} maps to "". */
  Map<String, String> read() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (BytePointer entry : entries()) {
      String s = entry.getString(charset);
      int eq = s.indexOf('=');
      vars.putIfAbsent(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
    }
    return vars;
  }

  /**
   * Adds each variable of {@code additions} whose name is not set yet, as {@code setenv(name,
   * value, 0)} would; returns the names it added.
   */
  List<String> addIfAbsent(Map<String, String> additions) {
    List<BytePointer> entries = entries();
    Map<String, String> present = read();
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, String> e : additions.entrySet()) {
      if (!present.containsKey(e.getKey())) {
        entries.add(cString(e.getKey() + "=" + e.getValue()));
        added.add(e.getKey());
      }
    }
    if (added.isEmpty()) {
      return added;
    }
    long slots = entries.size() + 1L;
    PointerPointer<BytePointer> array =
        new PointerPointer<BytePointer>(Pointer.malloc(slots * Pointer.sizeof(PointerPointer.class)))
            .capacity(slots);
    for (int i = 0; i < entries.size(); i++) {
      array.put(i, entries.get(i));
    }
    array.put(entries.size(), (Pointer) null);
    environVariable.put(0, array);
    return added;
  }

  private List<BytePointer> entries() {
    List<BytePointer> list = new ArrayList<>();
    PointerPointer<BytePointer> array = new PointerPointer<>(environVariable.get(0));
    if (array.isNull()) {
      return list;
    }
    for (long i = 0; ; i++) {
      BytePointer entry = array.get(BytePointer.class, i);
      if (entry == null || entry.isNull()) {
        return list;
      }
      list.add(entry);
    }
  }

  /** A NUL-terminated copy of {@code s} in memory that is never freed. */
  private BytePointer cString(String s) {
    byte[] bytes = s.getBytes(charset);
    BytePointer p = new BytePointer(Pointer.malloc(bytes.length + 1L)).capacity(bytes.length + 1L);
    p.put(bytes, 0, bytes.length).put(bytes.length, (byte) 0);
    return p;
  }
}
