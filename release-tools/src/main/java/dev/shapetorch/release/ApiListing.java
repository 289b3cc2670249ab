package dev.shapetorch.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 *   method shape() long[]: public; inherited from dev.shapetorch.tensor.TensorCore
 * </pre>
 *
 * <p>A line is a key, then after {@code ": "} its fields, separated by {@code "; "}: first the
 * modifiers and kind, then {@code extends}, {@code implements}, {@code type}, {@code generic}
 * (the generic signature as source), {@code throws}, {@code default}, and the ShapeTorch and
 * {@code @Deprecated} annotations with their targets ({@code return}, {@code param N},
 * {@code receiver}, ...): the shape contracts the Shape Checker reads, and last, on an
 * inherited member, {@code inherited from} and the type that declares it. Member keys carry the
 * erased parameter and return types, as the JVM links them.
 *
 * <p>What is listed: public types and their public members (and protected ones, in types
 * that can be extended), except those in packages named {@code internal}, and nested types
 * of types that are not listed. A listed type's members include those it inherits from the
 * types of the jar that are not listed (a package-private base class, say), which user code
 * can only reach through it: the fields and methods, static and instance, of such
 * superclasses up to the first listed one (whose own listing has the rest), and the constants
 * and default methods of such superinterfaces (their abstract methods too in an abstract type);
 * not those the type or a nearer supertype overrides or hides. An inherited member's line is
 * the declaring class file's, under the key a declared one would have, so that moving a member
 * between a type and its hidden base changes no key; its {@code inherited from} field is for
 * the reader ({@link ApiDiff} ignores it). Likewise a type's {@code extends} passes over the
 * jar's unlisted superclasses, and its {@code implements} has, in place of unlisted
 * interfaces, the interfaces it gets through unlisted supertypes (its {@code generic}, javac's
 * text, still names them). Synthetic and bridge methods are not API (javac's visibility
 * bridges, its public copies of a package-private superclass's public methods, are listed as
 * those methods).
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
  /** The start of the field that says which unlisted supertype declares an inherited member. */
  static final String INHERITED = "inherited from ";
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
      lines.add("class " + cf.name() + ": " + String.join("; ", classFields(cf, classes)));
      boolean extendable = !has(cf.access(), ClassFile.ACC_FINAL) && !cf.sealed();
      TreeMap<String, String> members = new TreeMap<>();
      for (ClassFile.Member f : cf.fields()) {
        if (memberListed(f, extendable)) {
          members.put(fieldKey(f), String.join("; ", fieldFields(f)));
        }
      }
      for (ClassFile.Member m : cf.methods()) {
        if (memberListed(m, extendable) && !m.name().equals("<clinit>")
            && !has(m.access(), ClassFile.ACC_BRIDGE)) {
          members.put(methodKey(m), String.join("; ", methodFields(cf, m)));
        }
      }
      inherited(cf, classes, extendable, members);
      members.forEach((key, fields) -> lines.add("  " + key + ": " + fields));
    }
    return lines;
  }

  private static String fieldKey(ClassFile.Member f) {
    return (has(f.access(), ClassFile.ACC_ENUM) ? "constant " : "field ") + f.name();
  }

  private static String methodKey(ClassFile.Member m) {
    String parameters = "(" + String.join(", ", Descriptors.parameters(m.descriptor())) + ")";
    return m.name().equals("<init>")
        ? "constructor " + parameters
        : "method " + m.name() + parameters + " " + Descriptors.returnType(m.descriptor());
  }

  /**
   * Adds to {@code members} the public (and, where {@code extendable}, protected) members that
   * {@code cf} inherits from the supertypes in the jar that are not listed (a package-private
   * base class, say): fields and methods, static and instance, of the superclasses up to the
   * first listed one (whose own listing has the rest), and the constants and instance methods
   * of such superinterfaces (their abstract methods only where {@code cf} is abstract or an
   * interface). A member that {@code cf} or a nearer supertype declares (overrides or hides)
   * is not inherited. Each is listed as its declaring class file has it, with its key as if
   * {@code cf} declared it and an {@code inherited from} field naming where it comes from.
   */
  private static void inherited(ClassFile cf, Map<String, ClassFile> classes, boolean extendable,
      Map<String, String> members) {
    Set<String> methods = new HashSet<>();
    Set<String> fields = new HashSet<>();
    declare(cf, methods, fields);
    List<String> interfaces = new ArrayList<>(cf.interfaces());
    boolean covered = false;
    for (ClassFile s = type(classes, cf.superName()); s != null;
        s = type(classes, s.superName())) {
      covered |= listed(s, classes);
      if (!covered) {
        for (ClassFile.Member f : s.fields()) {
          if (!fields.contains(f.name()) && memberListed(f, extendable)) {
            members.putIfAbsent(fieldKey(f), inheritedFields(fieldFields(f), s));
          }
        }
        for (ClassFile.Member m : s.methods()) {
          if (!m.name().startsWith("<") && !overridden(m, methods) && memberListed(m, extendable)
              && !has(m.access(), ClassFile.ACC_BRIDGE)) {
            members.putIfAbsent(methodKey(m), inheritedFields(methodFields(s, m), s));
          }
        }
        interfaces.addAll(s.interfaces());
      }
      // A listed superclass's methods still override its subclasses' interfaces' defaults.
      declare(s, methods, fields);
    }
    boolean concrete = !has(cf.access(), ClassFile.ACC_ABSTRACT);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < interfaces.size(); i++) {
      ClassFile h = classes.get(interfaces.get(i));
      if (h == null || listed(h, classes) || !seen.add(h.name())) {
        continue;
      }
      for (ClassFile.Member f : h.fields()) {
        if (memberListed(f, false) && fields.add(f.name())) {
          members.putIfAbsent(fieldKey(f), inheritedFields(fieldFields(f), h));
        }
      }
      for (ClassFile.Member m : h.methods()) {
        boolean skip = m.name().startsWith("<") || has(m.access(), ClassFile.ACC_STATIC)
            || (concrete && has(m.access(), ClassFile.ACC_ABSTRACT));
        if (!skip && memberListed(m, false) && !overridden(m, methods)
            && !has(m.access(), ClassFile.ACC_BRIDGE)) {
          members.putIfAbsent(methodKey(m), inheritedFields(methodFields(h, m), h));
        }
      }
      declare(h, methods, fields);
      interfaces.addAll(h.interfaces());
    }
  }

  /**
   * Adds what {@code cf} declares to {@code methods} (name and parameter descriptor) and
   * {@code fields} (names): whatever its access, as any declaration overrides or hides. A
   * visibility bridge (javac's copy, in a public class, of a public method of a package-private
   * superclass: a bridge that calls the same method with {@code super.}) declares nothing.
   */
  private static void declare(ClassFile cf, Set<String> methods, Set<String> fields) {
    for (ClassFile.Member f : cf.fields()) {
      fields.add(f.name());
    }
    for (ClassFile.Member m : cf.methods()) {
      ClassFile.MethodRef target = m.bridgeTarget();
      boolean visibilityBridge = target != null && target.special()
          && target.name().equals(m.name()) && target.descriptor().equals(m.descriptor());
      if (!visibilityBridge) {
        methods.add(parameterKey(m));
      }
    }
  }

  /** Whether a method with {@code m}'s name and erased parameters is in {@code methods}. */
  private static boolean overridden(ClassFile.Member m, Set<String> methods) {
    return methods.contains(parameterKey(m));
  }

  private static String parameterKey(ClassFile.Member m) {
    return m.name() + m.descriptor().substring(0, m.descriptor().indexOf(')') + 1);
  }

  private static String inheritedFields(List<String> fields, ClassFile from) {
    return String.join("; ", fields) + "; " + INHERITED + from.name();
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

  private static List<String> classFields(ClassFile cf, Map<String, ClassFile> classes) {
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
    // The supertypes as user code sees them: through, not at, those that are not listed.
    String superName = cf.superName();
    List<String> todo = new ArrayList<>(cf.interfaces());
    for (ClassFile s = type(classes, superName); s != null && !listed(s, classes);
        s = type(classes, superName)) {
      todo.addAll(s.interfaces());
      superName = s.superName();
    }
    if (kind.equals("class") && superName != null && !superName.equals("java.lang.Object")) {
      fields.add("extends " + superName);
    }
    TreeSet<String> interfaces = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < todo.size(); i++) {
      ClassFile type = classes.get(todo.get(i));
      if (type == null || listed(type, classes)) {
        interfaces.add(todo.get(i));
      } else if (seen.add(type.name())) {
        todo.addAll(type.interfaces());
      }
    }
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
   * which the Shape Checker writes into class files where the source wrote nothing; likewise
   * the dtype hierarchy's {@code @UnknownScalarType} and {@code @ScalarTypeBottom}, which no
   * source writes.
   */
  private static List<String> sorted(List<String> annotations) {
    List<String> copy = new ArrayList<>();
    for (String annotation : annotations) {
      boolean isDefault = annotation.endsWith("@UnknownShape")
          || annotation.endsWith("@UnknownScalarType") || annotation.endsWith("@ScalarTypeBottom")
          || (annotation.startsWith("type parameter ") && annotation.endsWith("@ShapeBottom"));
      if (!isDefault) {
        copy.add(annotation);
      }
    }
    Collections.sort(copy);
    return copy;
  }

  /** The class file of the type named {@code name} in the jar, or null (also for null). */
  private static ClassFile type(Map<String, ClassFile> classes, String name) {
    return name == null ? null : classes.get(name);
  }

  private static boolean has(int access, int flag) {
    return (access & flag) != 0;
  }
}
