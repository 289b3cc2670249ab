package dev.shapetorch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;

/**
 * The settings libtorch needs to run fast, applied by {@link NativeLibrary} before the native
 * libraries load, so that {@code java -cp ... Main} is as fast as a tuned command line. A setting
 * the user made (in the environment or with {@code -D}) is kept.
 *
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE} in the process environment: with OpenMP's default (idle
 *       workers spin), a 2-thread training epoch on a loaded 2-core machine took 58-79 s instead
 *       of under 1 s. libgomp reads it once, when it loads.
 *   <li>{@code OPENBLAS_NUM_THREADS=1}: OpenBLAS would start a worker thread of its own beside
 *       OpenMP's in each of its two loaded copies; libtorch parallelises around it. Read when
 *       OpenBLAS loads.
 *   <li>{@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}: JavaCPP's physical-memory accounting
 *       costs about 1.8 µs per new tensor; ShapeTorch frees memory through scopes instead. Read
 *       once, when JavaCPP's {@code Pointer} class initialises.
 * </ul>
 *
 * <p>Where a setting cannot take effect any more (JavaCPP or libtorch was initialised before
 * ShapeTorch, e.g. by user code calling the presets directly) or the environment cannot be
 * reached, one line on standard error says which settings to give the JVM at start.
 */
final class RuntimeDefaults {

  /** The system property JavaCPP reads (its lower-case spelling is read too). */
  static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  /** Environment variables and the value ShapeTorch gives each unless the user set it. */
  static final Map<String, String> ENVIRONMENT = environment();

  /** The start of the warning line, for tests and for users searching their logs. */
  static final String WARNING_PREFIX = "ShapeTorch warning:";

  /** Why settings were missed: something initialised JavaCPP or libtorch first. */
  static final String TOO_LATE = "JavaCPP or libtorch was initialised before ShapeTorch";

  /** Why settings were missed: the C environment is out of JavaCPP's reach on this platform. */
  static final String UNREACHABLE = "this platform's environment cannot be changed from Java";

  private RuntimeDefaults() {}

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OMP_WAIT_POLICY", "PASSIVE");
    env.put("OPENBLAS_NUM_THREADS", "1");
    return env;
  }

  /** The native library that reads each variable when it loads, as named in /proc/self/maps. */
  private static String readerOf(String variable) {
    return variable.startsWith("OMP_") ? "/libgomp" : "/libopenblas";
  }

  /**
   * Applies the defaults; must run before anything initialises a JavaCPP class or loads libtorch.
   * Prints the warning line where needed.
   */
  static void apply() {
    String warning = applyAndReport();
    if (warning != null) {
      System.err.println(warning);
    }
  }

  /** Applies the defaults; returns the warning line, or null if every default took effect. */
  private static String applyAndReport() {
    List<String> missed = new ArrayList<>();
    boolean propertyIsOurs =
        System.getProperty(MAX_PHYSICAL_BYTES) == null
            && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT)) == null;
    if (propertyIsOurs) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
    // Initialises Pointer, which reads the property now unless something initialised it earlier.
    if (propertyIsOurs && Pointer.maxPhysicalBytes() != 0) {
      missed.add("-D" + MAX_PHYSICAL_BYTES + "=0");
    }
    List<String> loaded = loadedLibraries();
    ProcessEnvironment env = ProcessEnvironment.find();
    Map<String, String> present = env == null ? System.getenv() : env.read();
    Map<String, String> toAdd = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
      if (present.containsKey(e.getKey())) {
        continue;
      }
      boolean tooLate = loaded.stream().anyMatch(lib -> lib.contains(readerOf(e.getKey())));
      if (env == null || tooLate) {
        missed.add(e.getKey() + "=" + e.getValue());
      } else {
        toAdd.put(e.getKey(), e.getValue());
      }
    }
    if (env != null) {
      env.addIfAbsent(toAdd);
    }
    boolean onlyUnreachable = env == null && missed.stream().noneMatch(m -> m.startsWith("-D"));
    return warning(missed, onlyUnreachable ? UNREACHABLE : TOO_LATE);
  }

  /**
   * The warning line for settings that could not take effect, or null if there are none: it
   * names each setting and where it goes ({@code NAME=value} in the environment, {@code -D...} on
   * the command line).
   */
  static String warning(List<String> missed, String reason) {
    if (missed.isEmpty()) {
      return null;
    }
    List<String> envVars = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (String m : missed) {
      (m.startsWith("-D") ? flags : envVars).add(m);
    }
    StringBuilder fix = new StringBuilder();
    if (!envVars.isEmpty()) {
      fix.append(String.join(" ", envVars)).append(" in the environment");
    }
    if (!flags.isEmpty()) {
      fix.append(fix.length() > 0 ? " and " : "")
          .append(String.join(" ", flags))
          .append(" on the java command line");
    }
    return WARNING_PREFIX
        + " the runtime defaults were not applied ("
        + reason
        + "), so libtorch may run many times slower on a busy machine; start the JVM with "
        + fix
        + " (see docs/runtime.md, \"Runtime settings\")";
  }

  /** Paths of the shared libraries mapped into this process; empty where that is unknown. */
  private static List<String> loadedLibraries() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(maps)) {
      return lines.filter(l -> l.contains(".so")).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }
}
