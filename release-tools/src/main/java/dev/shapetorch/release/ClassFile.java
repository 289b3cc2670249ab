package dev.shapetorch.release;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What of a class file makes up an API: names, access flags, descriptors, generic signatures,
 * thrown exceptions and the annotations that {@code keep} accepts (declaration, parameter and
 * type annotations, rendered as Java source), and which method a bridge method calls. Other
 * method bodies are skipped.
 *
 * <p>A small reader of the class file format (JVMS chapter 4), so that listing an API needs
 * nothing but the JDK and gives the same text on every JDK.
 *
 * @param name the binary name, with dots ({@code a.b.Outer$Inner})
 * @param access the class's access flags ({@code ACC_*})
 * @param superName the superclass's binary name, or null for {@code java.lang.Object}
 * @param interfaces the direct superinterfaces' binary names
 * @param signature the generic signature, or null
 * @param sealed whether the class has a {@code PermittedSubclasses} attribute
 * @param nesting how the class is nested, or null for a top-level class
 * @param annotations the kept annotations on the class and its type use, rendered
 * @param fields the fields
 * @param methods the methods and constructors ({@code <init>})
 */
record ClassFile(
    String name,
    int access,
    String superName,
    List<String> interfaces,
    String signature,
    boolean sealed,
    Nesting nesting,
    List<String> annotations,
    List<Member> fields,
    List<Member> methods) {

  static final int ACC_PUBLIC = 0x0001;
  static final int ACC_PRIVATE = 0x0002;
  static final int ACC_PROTECTED = 0x0004;
  static final int ACC_STATIC = 0x0008;
  static final int ACC_FINAL = 0x0010;
  static final int ACC_BRIDGE = 0x0040;
  static final int ACC_VARARGS = 0x0080;
  static final int ACC_INTERFACE = 0x0200;
  static final int ACC_ABSTRACT = 0x0400;
  static final int ACC_SYNTHETIC = 0x1000;
  static final int ACC_ANNOTATION = 0x2000;
  static final int ACC_ENUM = 0x4000;

  /**
   * A nested class's place: its own entry in its {@code InnerClasses} attribute.
   *
   * @param outer the enclosing class's binary name, or null for a local or anonymous class
   * @param access the access flags as declared in the source (private, protected, static)
   */
  record Nesting(String outer, int access) {}

  /**
   * A field or method.
   *
   * @param access the access flags
   * @param name the name ({@code <init>} for a constructor)
   * @param descriptor the erased descriptor
   * @param signature the generic signature, or null
   * @param exceptions the {@code throws} clause's binary names
   * @param annotations the kept annotations, rendered with their target
   *     ({@code "return @a.B(...)"}, {@code "param 0 @a.B(...)"}, {@code "@a.B"} on the member)
   * @param annotationDefault an annotation element's default value, rendered, or null
   * @param bridgeTarget for a bridge method ({@code ACC_BRIDGE}), the method its body calls
   *     (javac's bridges only pass their arguments on), or null: for any other member, or a
   *     body not shaped like a bridge's
   */
  record Member(
      int access,
      String name,
      String descriptor,
      String signature,
      List<String> exceptions,
      List<String> annotations,
      String annotationDefault,
      MethodRef bridgeTarget) {}

  /**
   * A method that code calls.
   *
   * @param owner the binary name of the class named in the call
   * @param name the method's name
   * @param descriptor its erased descriptor
   * @param special whether the call is {@code invokespecial} (a {@code super.} call), not a
   *     virtual, interface or static one
   */
  record MethodRef(String owner, String name, String descriptor, boolean special) {}

  /** Reads a class file; {@code keep} says which annotation types (binary names) to keep. */
  static ClassFile read(byte[] bytes, Predicate<String> keep) throws IOException {
    return new Reader(bytes, keep).read();
  }

  private static final class Reader {
    private final DataInputStream in;
    private final Predicate<String> keep;
    private Object[] pool;

    Reader(byte[] bytes, Predicate<String> keep) {
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
      this.keep = keep;
    }

    ClassFile read() throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file (no CAFEBABE magic)");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      readPool();
      int access = in.readUnsignedShort();
      String name = className(in.readUnsignedShort());
      int superIndex = in.readUnsignedShort();
      String superName = superIndex == 0 ? null : className(superIndex);
      List<String> interfaces = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        interfaces.add(className(in.readUnsignedShort()));
      }
      List<Member> fields = readMembers();
      List<Member> methods = readMembers();
      String signature = null;
      boolean sealed = false;
      Nesting nesting = null;
      List<String> annotations = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        String attribute = utf8(in.readUnsignedShort());
        int length = in.readInt();
        switch (attribute) {
          case "Signature" -> signature = utf8(in.readUnsignedShort());
          case "PermittedSubclasses" -> {
            sealed = true;
            in.skipNBytes(length);
          }
          case "InnerClasses" -> {
            for (int n = in.readUnsignedShort(); n > 0; n--) {
              int inner = in.readUnsignedShort();
              int outer = in.readUnsignedShort();
              in.readUnsignedShort();
              int innerAccess = in.readUnsignedShort();
              if (className(inner).equals(name)) {
                nesting = new Nesting(outer == 0 ? null : className(outer), innerAccess);
              }
            }
          }
          case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" ->
              readAnnotations("", annotations);
          case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" ->
              readTypeAnnotations(annotations);
          default -> in.skipNBytes(length);
        }
      }
      return new ClassFile(name, access, superName, List.copyOf(interfaces), signature, sealed,
          nesting, List.copyOf(annotations), fields, methods);
    }

    private List<Member> readMembers() throws IOException {
      List<Member> members = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        int access = in.readUnsignedShort();
        String name = utf8(in.readUnsignedShort());
        String descriptor = utf8(in.readUnsignedShort());
        String signature = null;
        String annotationDefault = null;
        MethodRef bridgeTarget = null;
        List<String> exceptions = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        for (int a = in.readUnsignedShort(); a > 0; a--) {
          String attribute = utf8(in.readUnsignedShort());
          int length = in.readInt();
          switch (attribute) {
            case "Signature" -> signature = utf8(in.readUnsignedShort());
            case "Exceptions" -> {
              for (int n = in.readUnsignedShort(); n > 0; n--) {
                exceptions.add(className(in.readUnsignedShort()));
              }
            }
            case "AnnotationDefault" -> annotationDefault = elementValue();
            case "Code" -> {
              byte[] code = in.readNBytes(length);
              if ((access & ACC_BRIDGE) != 0) {
                bridgeTarget = bridgeTarget(code);
              }
            }
            case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" ->
                readAnnotations("", annotations);
            case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
              int parameters = in.readUnsignedByte();
              for (int p = 0; p < parameters; p++) {
                readAnnotations("param " + p + " ", annotations);
              }
            }
            case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" ->
                readTypeAnnotations(annotations);
            default -> in.skipNBytes(length);
          }
        }
        members.add(new Member(access, name, descriptor, signature, List.copyOf(exceptions),
            List.copyOf(annotations), annotationDefault, bridgeTarget));
      }
      return List.copyOf(members);
    }

    /**
     * The method a bridge's {@code Code} attribute calls: javac's bridges load their arguments
     * (casting them where the bridge widens a generic type), make one call and return. Null
     * for a body with any other instruction before the call.
     */
    private MethodRef bridgeTarget(byte[] attribute) {
      // max_stack u2, max_locals u2, code_length u4, then the code.
      int end = 8 + (((attribute[4] & 0xff) << 24) | ((attribute[5] & 0xff) << 16)
          | ((attribute[6] & 0xff) << 8) | (attribute[7] & 0xff));
      int pc = 8;
      while (pc < end) {
        int opcode = attribute[pc] & 0xff;
        if (opcode >= 0xb6 && opcode <= 0xb9) { // invokevirtual, special, static, interface
          int[] ref = (int[]) pool[((attribute[pc + 1] & 0xff) << 8) | (attribute[pc + 2] & 0xff)];
          int[] nameAndType = (int[]) pool[ref[1]];
          return new MethodRef(className(ref[0]), utf8(nameAndType[0]), utf8(nameAndType[1]),
              opcode == 0xb7);
        }
        if (opcode >= 0x1a && opcode <= 0x2d) { // iload_0 ... aload_3
          pc += 1;
        } else if (opcode >= 0x15 && opcode <= 0x19) { // iload ... aload with an index
          pc += 2;
        } else if (opcode == 0xc0) { // checkcast
          pc += 3;
        } else if (opcode == 0xc4) { // wide iload ... aload
          pc += 4;
        } else {
          return null;
        }
      }
      return null;
    }

    private void readAnnotations(String target, List<String> into) throws IOException {
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        String annotation = annotation();
        if (annotation != null) {
          into.add(target + annotation);
        }
      }
    }

    /** Type annotations of a class, field or method (never those inside a method's code). */
    private void readTypeAnnotations(List<String> into) throws IOException {
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        int targetType = in.readUnsignedByte();
        String target = switch (targetType) {
          case 0x00, 0x01 -> "type parameter " + in.readUnsignedByte();
          case 0x10 -> "supertype " + in.readUnsignedShort();
          case 0x11, 0x12 -> "bound " + in.readUnsignedByte() + "." + in.readUnsignedByte();
          case 0x13 -> "type";
          case 0x14 -> "return";
          case 0x15 -> "receiver";
          case 0x16 -> "param " + in.readUnsignedByte();
          case 0x17 -> "throws " + in.readUnsignedShort();
          default -> throw new IOException("type annotation target 0x"
              + Integer.toHexString(targetType) + " outside a method body");
        };
        StringBuilder path = new StringBuilder();
        for (int steps = in.readUnsignedByte(); steps > 0; steps--) {
          int kind = in.readUnsignedByte();
          int argument = in.readUnsignedByte();
          path.append(switch (kind) {
            case 0 -> "[]";
            case 1 -> ".nested";
            case 2 -> ".bound";
            default -> "<" + argument + ">";
          });
        }
        String annotation = annotation();
        if (annotation != null) {
          into.add(target + path + " " + annotation);
        }
      }
    }

    /** One annotation, rendered; null (after reading it) when {@code keep} rejects its type. */
    private String annotation() throws IOException {
      String type = Descriptors.javaName(utf8(in.readUnsignedShort()));
      List<String> values = new ArrayList<>();
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        String element = utf8(in.readUnsignedShort());
        values.add(element + "=" + elementValue());
      }
      if (!keep.test(type)) {
        return null;
      }
      if (values.size() == 1 && values.get(0).startsWith("value=")) {
        values.set(0, values.get(0).substring("value=".length()));
      }
      return "@" + Descriptors.shortName(type)
          + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
    }

    private String elementValue() throws IOException {
      int tag = in.readUnsignedByte();
      return switch (tag) {
        case 'B', 'C', 'I', 'S' -> String.valueOf(pool[in.readUnsignedShort()]);
        case 'Z' -> ((Integer) pool[in.readUnsignedShort()]) != 0 ? "true" : "false";
        case 'J' -> pool[in.readUnsignedShort()] + "L";
        case 'F' -> pool[in.readUnsignedShort()] + "f";
        case 'D' -> String.valueOf(pool[in.readUnsignedShort()]);
        case 's' -> Descriptors.quote(utf8(in.readUnsignedShort()));
        case 'e' -> {
          String type = Descriptors.javaName(utf8(in.readUnsignedShort()));
          yield Descriptors.shortName(type) + "." + utf8(in.readUnsignedShort());
        }
        case 'c' -> Descriptors.javaName(utf8(in.readUnsignedShort())) + ".class";
        case '@' -> {
          String nested = annotation();
          yield nested == null ? "@?" : nested;
        }
        case '[' -> {
          List<String> items = new ArrayList<>();
          for (int n = in.readUnsignedShort(); n > 0; n--) {
            items.add(elementValue());
          }
          yield "{" + String.join(", ", items) + "}";
        }
        default -> throw new IOException("unknown annotation element tag '" + (char) tag + "'");
      };
    }

    private void readPool() throws IOException {
      int count = in.readUnsignedShort();
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3 -> pool[i] = in.readInt();
          case 4 -> pool[i] = in.readFloat();
          case 5 -> {
            pool[i] = in.readLong();
            i++;
          }
          case 6 -> {
            pool[i] = in.readDouble();
            i++;
          }
          case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
          // Field, method and interface method refs (class, name and type), name and type.
          case 9, 10, 11, 12 ->
              pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
        }
      }
    }

    private String utf8(int index) {
      return (String) pool[index];
    }

    private String className(int index) {
      return utf8(((int[]) pool[index])[0]).replace('/', '.');
    }
  }
}
