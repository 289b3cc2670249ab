package dev.shapetorch.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public API of a jar as sorted text, one line per element: what a user's code can compile
 * against and link to. The format, which {@link ApiDiff} reads back:
 *
 * <pre>
 * class dev.shapetorch.tensor.Tensor: public final class; implements java.lang.AutoCloseable
 *   method matmul(dev.shapetorch.tensor.Tensor) dev.shapetorch.tensor.Tensor: public; param 0 &#64;...
 *   constructor (int): protected
 *   field SIZE: public static final; type int
 *   constant CPU: public static final
 * </pre>
 *
 * <p>A line is a key, then after {@code ": "} its fields, separated by {@code "; "}: first the
 * modifiers and kind, then {@code extends}, {@code implements}, {@code type}, {@code generic}
 * (the generic signature as source), {@code throws}, {@code default}, and the ShapeTorch and
 * {@code @Deprecated} annotations with their targets ({@code return}, {@code param N},
 * {@code receiver}, ...): the shape contracts the Shape Checker reads. Member keys carry the
 * erased parameter and return types, as the JVM links them.
 *
 * <p>What is listed: public types and their public members (and protected ones, in types
 * that can be extended), except those in packages named {@code internal}, and nested types
 * of types that are not listed. Synthetic and bridge methods are not API.
 *
 * <p>A jar of annotation processors (one with {@code META-INF/services/
 * javax.annotation.processing.Processor}, here shapes-processor) is used through javac, not
 * called: its API is its processors, their options and its diagnostics' message keys (those a
 * user names in {@code @SuppressWarnings}), listed as {@code processor NAME: public; options
 * ...} and {@code message KEY} lines.
 */
final class ApiListing {
  private static final String PROCESSOR_SERVICES =
      "META-INF/services/javax.annotation.processing.Processor";
  private static final String SUPPORTED_OPTIONS = "javax.annotation.processing.SupportedOptions";
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private ApiListing() {}

  /** The listing of the jar at {@code jar}, without a header. */
  static List<String> of(Path jar) throws IOException {
    Map<String, ClassFile> classes = new TreeMap<>();
    List<String> processorNames = null;
    Map<String, String> messageFiles = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")
            && !name.endsWith("module-info.class") && !name.endsWith("package-info.class")) {
          ClassFile cf = ClassFile.read(read(file, entry), ApiListing::keptAnnotation);
          classes.put(cf.name(), cf);
        } else if (name.equals(PROCESSOR_SERVICES)) {
          processorNames = new ArrayList<>();
          for (String line : new String(read(file, entry), StandardCharsets.UTF_8).split("\n")) {
            String processor = line.replaceAll("#.*", "").trim();
            if (!processor.isEmpty()) {
              processorNames.add(processor);
            }
          }
        } else if (name.endsWith("/messages.properties")) {
          messageFiles.put(name, new String(read(file, entry), StandardCharsets.UTF_8));
        }
      }
    }
    return processorNames == null
        ? classes(classes)
        : processors(classes, processorNames, messageFiles);
  }

  private static boolean keptAnnotation(String type) {
    return type.startsWith("dev.shapetorch.") || type.equals("java.lang.Deprecated")
        || type.equals(SUPPORTED_OPTIONS);
  }

  private static byte[] read(JarFile file, JarEntry entry) throws IOException {
    try (InputStream in = file.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  // --- a library jar -------------------------------------------------------------------------

  private static List<String> classes(Map<String, ClassFile> classes) {
    List<String> lines = new ArrayList<>();
    for (ClassFile cf : classes.values()) {
      if (!listed(cf, classes)) {
        continue;
      }
      lines.add("class " + cf.name() + ": " + String.join("; ", classFields(cf)));
      boolean extendable = !has(cf.access(), ClassFile.ACC_FINAL) && !cf.sealed();
      TreeMap<String, String> members = new TreeMap<>();
      for (ClassFile.Member f : cf.fields()) {
        if (memberListed(f, extendable)) {
          String kind = has(f.access(), ClassFile.ACC_ENUM) ? "constant " : "field ";
          members.put(kind + f.name(), String.join("; ", fieldFields(f)));
        }
      }
      for (ClassFile.Member m : cf.methods()) {
        if (memberListed(m, extendable) && !m.name().equals("<clinit>")
            && !has(m.access(), ClassFile.ACC_BRIDGE)) {
          String parameters = "(" + String.join(", ", Descriptors.parameters(m.descriptor())) + ")";
          String key = m.name().equals("<init>")
              ? "constructor " + parameters
              : "method " + m.name() + parameters + " " + Descriptors.returnType(m.descriptor());
          members.put(key, String.join("; ", methodFields(cf, m)));
        }
      }
      members.forEach((key, fields) -> lines.add("  " + key + ": " + fields));
    }
    return lines;
  }

  /** Whether user code outside the jar's packages can name {@code cf}. */
  static boolean listed(ClassFile cf, Map<String, ClassFile> classes) {
    String name = cf.name();
    String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
    if (("." + pkg + ".").contains(".internal.") || has(cf.access(), ClassFile.ACC_SYNTHETIC)) {
      return false;
    }
    if (cf.nesting() == null) {
      return has(cf.access(), ClassFile.ACC_PUBLIC);
    }
    ClassFile outer = cf.nesting().outer() == null ? null : classes.get(cf.nesting().outer());
    int access = cf.nesting().access();
    return outer != null
        && (has(access, ClassFile.ACC_PUBLIC) || has(access, ClassFile.ACC_PROTECTED))
        && listed(outer, classes);
  }

  private static boolean memberListed(ClassFile.Member m, boolean extendable) {
    if (has(m.access(), ClassFile.ACC_SYNTHETIC)) {
      return false;
    }
    return has(m.access(), ClassFile.ACC_PUBLIC)
        || (extendable && has(m.access(), ClassFile.ACC_PROTECTED));
  }

  private static List<String> classFields(ClassFile cf) {
    // A nested class's own flags say public for protected: its InnerClasses entry is exact.
    int access = cf.nesting() == null ? cf.access() : cf.nesting().access();
    boolean isInterface = has(cf.access(), ClassFile.ACC_INTERFACE);
    String kind;
    if (has(cf.access(), ClassFile.ACC_ANNOTATION)) {
      kind = "annotation";
    } else if (isInterface) {
      kind = "interface";
    } else if (has(cf.access(), ClassFile.ACC_ENUM)) {
      kind = "enum";
    } else if ("java.lang.Record".equals(cf.superName())) {
      kind = "record";
    } else {
      kind = "class";
    }
    List<String> words = new ArrayList<>();
    words.add(has(access, ClassFile.ACC_PUBLIC) ? "public" : "protected");
    if (cf.nesting() != null && has(cf.nesting().access(), ClassFile.ACC_STATIC)) {
      words.add("static");
    }
    if (!isInterface && has(access, ClassFile.ACC_ABSTRACT)) {
      words.add("abstract");
    }
    if (has(access, ClassFile.ACC_FINAL)) {
      words.add("final");
    }
    if (cf.sealed()) {
      words.add("sealed");
    }
    words.add(kind);
    List<String> fields = new ArrayList<>();
    fields.add(String.join(" ", words));
    if (kind.equals("class") && cf.superName() != null
        && !cf.superName().equals("java.lang.Object")) {
      fields.add("extends " + cf.superName());
    }
    TreeSet<String> interfaces = new TreeSet<>(cf.interfaces());
    interfaces.remove("java.lang.annotation.Annotation");
    if (!interfaces.isEmpty()) {
      fields.add("implements " + String.join(", ", interfaces));
    }
    // An enum's signature says only that it extends Enum<itself>: nothing a listing needs.
    boolean plainEnum = kind.equals("enum")
        && ("Ljava/lang/Enum<L" + cf.name().replace('.', '/') + ";>;").equals(cf.signature());
    if (cf.signature() != null && !plainEnum) {
      fields.add("generic " + Descriptors.classSignature(cf.signature()));
    }
    fields.addAll(sorted(cf.annotations()));
    return fields;
  }

  private static List<String> fieldFields(ClassFile.Member f) {
    List<String> fields = new ArrayList<>();
    fields.add(modifiers(f.access(), false));
    if (!has(f.access(), ClassFile.ACC_ENUM)) {
      fields.add("type " + Descriptors.fieldType(f.descriptor()));
      if (f.signature() != null) {
        fields.add("generic " + Descriptors.fieldType(f.signature()));
      }
    }
    fields.addAll(sorted(f.annotations()));
    return fields;
  }

  private static List<String> methodFields(ClassFile owner, ClassFile.Member m) {
    List<String> fields = new ArrayList<>();
    fields.add(modifiers(m.access(), has(owner.access(), ClassFile.ACC_INTERFACE)));
    if (m.signature() != null) {
      fields.add("generic " + Descriptors.methodSignature(m.signature()));
    }
    if (!m.exceptions().isEmpty()) {
      fields.add("throws " + String.join(", ", new TreeSet<>(m.exceptions())));
    }
    if (m.annotationDefault() != null) {
      fields.add("default " + m.annotationDefault());
    }
    fields.addAll(sorted(m.annotations()));
    return fields;
  }

  private static String modifiers(int access, boolean inInterface) {
    List<String> words = new ArrayList<>();
    words.add(has(access, ClassFile.ACC_PUBLIC) ? "public" : "protected");
    if (has(access, ClassFile.ACC_STATIC)) {
      words.add("static");
    }
    if (has(access, ClassFile.ACC_ABSTRACT)) {
      words.add("abstract");
    } else if (inInterface && !has(access, ClassFile.ACC_STATIC)) {
      words.add("default");
    }
    if (has(access, ClassFile.ACC_FINAL)) {
      words.add("final");
    }
    if (has(access, ClassFile.ACC_VARARGS)) {
      words.add("varargs");
    }
    return String.join(" ", words);
  }

  // --- an annotation processor jar ------------------------------------------------------------

  private static List<String> processors(
      Map<String, ClassFile> classes, List<String> services, Map<String, String> messageFiles)
      throws IOException {
    TreeMap<String, TreeSet<String>> processors = new TreeMap<>();
    for (String service : services) {
      processors.put(service, new TreeSet<>());
    }
    for (ClassFile cf : classes.values()) {
      for (String annotation : cf.annotations()) {
        if (annotation.startsWith("@" + Descriptors.shortName(SUPPORTED_OPTIONS))
            && listed(cf, classes)) {
          TreeSet<String> options = processors.computeIfAbsent(cf.name(), k -> new TreeSet<>());
          Matcher literal = STRING_LITERAL.matcher(annotation);
          while (literal.find()) {
            options.add(literal.group(1));
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    processors.forEach((name, options) -> lines.add("processor " + name + ": public; options "
        + (options.isEmpty() ? "none" : String.join(", ", options))));
    TreeSet<String> keys = new TreeSet<>();
    for (String text : messageFiles.values()) {
      Properties properties = new Properties();
      properties.load(new StringReader(text));
      keys.addAll(properties.stringPropertyNames());
    }
    keys.forEach(key -> lines.add("message " + key));
    return lines;
  }

  /**
   * The annotations, sorted, less the shape defaults: {@code @UnknownShape} (the top, what an
   * unannotated type means) and {@code @ShapeBottom} on a type parameter (its lower bound),
   * which the Shape Checker writes into class files where the source wrote nothing.
   */
  private static List<String> sorted(List<String> annotations) {
    List<String> copy = new ArrayList<>();
    for (String annotation : annotations) {
      boolean isDefault = annotation.endsWith("@UnknownShape")
          || (annotation.startsWith("type parameter ") && annotation.endsWith("@ShapeBottom"));
      if (!isDefault) {
        copy.add(annotation);
      }
    }
    Collections.sort(copy);
    return copy;
  }

  private static boolean has(int access, int flag) {
    return (access & flag) != 0;
  }
}
