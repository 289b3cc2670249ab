package dev.shapetorch.tensor;

import dev.shapetorch.shapes.ShapeRule;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which public op the user called, read from the call stack when an error is raised (never on
 * the normal path): the outermost frame of tensor-runtime's own code below the first frame of
 * the caller's. Errors found deep inside (a freed tensor, a null, libtorch's refusal, a shape
 * rule an internal op runs) are reported under that name, so every message starts with the op
 * the user wrote ({@code Tensor.add}, {@code F.conv2d}, {@code Linear.forward}, {@code LSTM}).
 *
 * <p>Static ops inherited from the family classes are named after their facade ({@code
 * Torch.add}, not {@code ArithmeticOps.add}); constructors after their class. Package-private.
 */
final class UserCall {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private static final CodeSource LIBRARY = Tensor.class.getProtectionDomain().getCodeSource();

  private static final ClassValue<Boolean> IN_LIBRARY = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> c) {
      if (c.getName().startsWith("dev.shapetorch.") && c.getProtectionDomain() != null) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == LIBRARY || cs != null && LIBRARY != null
            && cs.getLocation().equals(LIBRARY.getLocation());
      }
      return false;
    }
  };

  private UserCall() {}

  /** The library's frames of the current call, innermost first (empty outside any op). */
  private static List<StackFrame> libraryFrames() {
    return WALKER.walk(frames -> {
      List<StackFrame> out = new ArrayList<>();
      for (StackFrame f : (Iterable<StackFrame>) frames::iterator) {
        Class<?> c = f.getDeclaringClass();
        if (c == UserCall.class) {
          continue;
        }
        if (IN_LIBRARY.get(c)) {
          if (named(c)) {
            out.add(f);
          }
        } else if (!isPlatform(c)) {
          break; // the caller's code
        }
      }
      return out;
    });
  }

  /**
   * Whether a frame of {@code c} names the op: not an abstract class or interface other than
   * the facades' families (a method of {@code Optimizer} runs as {@code Adam}'s, a name the
   * stack does not carry), not {@link Arguments} (it checks its caller's parameters).
   */
  private static boolean named(Class<?> c) {
    if (c == Arguments.class) {
      return false;
    }
    if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
      return !facade(c).equals(c.getSimpleName());
    }
    return true;
  }

  private static boolean isPlatform(Class<?> c) {
    String n = c.getName();
    return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.");
  }

  /** The op the user called, e.g. {@code Torch.conv2d}, or null outside any op. */
  static String op() {
    List<StackFrame> frames = libraryFrames();
    return frames.isEmpty() ? null : name(frames.get(frames.size() - 1));
  }

  /**
   * {@code op} as the user called it: the user's op when it is the same op under another
   * facade ({@code Torch.add} called as {@code Tensor.add}, {@code Torch.conv2d} as {@code
   * F.conv2d}) or another method of the same class ({@code GRU.finalHidden} for {@code
   * GRU.forward}); {@code "Linear.forward: Torch.linear"} when the user's op ran it inside;
   * {@code op} itself when no other op is on the stack.
   */
  static String attribute(String op) {
    String user = op();
    if (user == null || op == null || user.equals(op) || op.startsWith(user + ":")) {
      return op == null ? user : op;
    }
    if (method(user).equals(method(op)) || owner(user).equals(owner(op))) {
      return user; // the same op under another facade, or a method of the same class
    }
    return user + ": " + op;
  }

  private static String owner(String op) {
    int colon = op.indexOf(':');
    String head = colon < 0 ? op : op.substring(0, colon);
    int dot = head.lastIndexOf('.');
    return dot < 0 ? head : head.substring(0, dot);
  }

  private static String method(String op) {
    int colon = op.indexOf(':');
    String head = colon < 0 ? op : op.substring(0, colon);
    return head.substring(head.lastIndexOf('.') + 1);
  }

  /**
   * The exception for a null argument: names the op the user called and, where the stack tells
   * it, the parameter.
   *
   * @param ruleInput the index of the null among the rule inputs of the innermost op annotated
   *     with {@link ShapeRule} (-1 if unknown)
   * @param tensorInput the index of the null among the tensors an op passed to its error
   *     handler, in parameter order (-1 if unknown)
   */
  static IllegalArgumentException nullArgument(String fallbackOp, int ruleInput, int tensorInput) {
    List<StackFrame> frames = libraryFrames();
    String user = frames.isEmpty() ? fallbackOp : name(frames.get(frames.size() - 1));
    String param = null;
    for (StackFrame f : frames) {
      Optional<Executable> e = executable(f);
      if (e.isEmpty() || !Modifier.isPublic(e.get().getModifiers())) {
        continue;
      }
      param = ruleInput >= 0 ? ruleParameter(e.get(), ruleInput)
          : tensorParameter(e.get(), tensorInput);
      if (param != null) {
        break;
      }
    }
    if (param != null) {
      param = asCalled(frames, param);
    }
    return new IllegalArgumentException(user + ": "
        + (param == null ? "an argument" : param) + " is null; ShapeTorch's ops take null only"
        + " where a parameter says \"null for none\"");
  }

  /**
   * The parameter that a {@link ShapeRule}'s input {@code i} names, or null: the annotation's
   * {@code args}, else the parameters in order ({@code this} first for an instance method).
   */
  private static String ruleParameter(Executable e, int i) {
    ShapeRule rule = e.getAnnotation(ShapeRule.class);
    if (rule != null && rule.args().length > 0) {
      return i < rule.args().length ? rule.args()[i] : null;
    }
    boolean instance = e instanceof Method m && !Modifier.isStatic(m.getModifiers());
    Parameter[] ps = e.getParameters();
    int at = instance ? i - 1 : i;
    if (at == -1) {
      return "this";
    }
    return at >= 0 && at < ps.length && ps[at].isNamePresent() ? ps[at].getName() : null;
  }

  /**
   * The exception for a null parameter whose name the caller knows ({@code dtype}, {@code
   * reduction}): names the op the user called.
   *
   * @param expected what to pass instead ({@code "a DType such as DType.FLOAT32"})
   */
  static IllegalArgumentException nullParameter(String name, String expected) {
    List<StackFrame> frames = libraryFrames();
    String user = frames.isEmpty() ? null : name(frames.get(frames.size() - 1));
    return new IllegalArgumentException((user == null ? "" : user + ": ")
        + asCalled(frames, name) + " is null; pass " + expected);
  }

  /**
   * The name the user's op gives the parameter an inner op calls {@code inner} ({@code input}
   * of {@code F.softplus} for {@code x} of {@code Torch.softplus}; {@code other} of {@code
   * Tensor.dot} for {@code b} of {@code Torch.dot}): the parameter at the same position, the
   * receiver counted first, when its type is the same; else {@code inner}.
   */
  private static String asCalled(List<StackFrame> frames, String inner) {
    if (frames.size() < 2) {
      return inner;
    }
    Optional<Executable> outer = executable(frames.get(frames.size() - 1));
    if (outer.isEmpty()) {
      return inner;
    }
    for (StackFrame f : frames) {
      Optional<Executable> e = executable(f);
      if (e.isEmpty() || !Modifier.isPublic(e.get().getModifiers())) {
        continue;
      }
      List<Parameter> in = withReceiver(e.get());
      for (int i = 0; i < in.size(); i++) {
        if (in.get(i) != null && in.get(i).getName().equals(inner)) {
          List<Parameter> out = withReceiver(outer.get());
          if (i < out.size() && out.get(i) == null && in.get(i).getType() == Tensor.class) {
            return "this";
          }
          if (i < out.size() && out.get(i) != null && out.get(i).isNamePresent()
              && out.get(i).getType() == in.get(i).getType()) {
            return out.get(i).getName();
          }
          return inner;
        }
      }
    }
    return inner;
  }

  /** The parameters, with null standing for the receiver of an instance method. */
  private static List<Parameter> withReceiver(Executable e) {
    List<Parameter> out = new ArrayList<>();
    if (e instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
      out.add(null);
    }
    out.addAll(java.util.Arrays.asList(e.getParameters()));
    return out;
  }

  /** The local that a helpful {@link NullPointerException} message names, or null. */
  static String nullLocal(NullPointerException e) {
    String m = e.getMessage();
    if (m == null) {
      return null;
    }
    java.util.regex.Matcher x = java.util.regex.Pattern.compile("because \"(\\w+)\" is null")
        .matcher(m);
    return x.find() ? x.group(1) : null;
  }

  /** The exception for a list or array of tensors with a null element. */
  static IllegalArgumentException nullElement(int index) {
    String user = op();
    return new IllegalArgumentException((user == null ? "" : user + ": ")
        + "the list of tensors has null at index " + index + "; pass tensors only");
  }

  /** The {@code i}-th tensor parameter of {@code e}, or null. */
  private static String tensorParameter(Executable e, int i) {
    if (i < 0) {
      return null;
    }
    int seen = 0;
    for (Parameter p : e.getParameters()) {
      if (p.getType() == Tensor.class) {
        if (seen++ == i) {
          return p.isNamePresent() ? p.getName() : null;
        }
      }
    }
    return null;
  }

  private static Optional<Executable> executable(StackFrame f) {
    try {
      Class<?>[] types = f.getMethodType().parameterArray();
      Class<?> c = f.getDeclaringClass();
      if (f.getMethodName().equals("<init>")) {
        return Optional.of(c.getDeclaredConstructor(types));
      }
      return Optional.of(c.getDeclaredMethod(f.getMethodName(), types));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code Torch.add}, {@code F.conv2d}, {@code Tensor.add}, {@code LSTM} (a constructor). */
  private static String name(StackFrame f) {
    Class<?> c = f.getDeclaringClass();
    String method = f.getMethodName();
    String owner = facade(c);
    if (method.equals("<init>")) {
      return owner;
    }
    return owner + "." + method;
  }

  private static String facade(Class<?> c) {
    while (c.getEnclosingClass() != null && c.isAnonymousClass()) {
      c = c.getEnclosingClass();
    }
    if (c.isAssignableFrom(Torch.class)) {
      return "Torch";
    }
    if (c.getPackageName().equals("dev.shapetorch.nn.functional")
        && c.getSimpleName().endsWith("Functions")) {
      return "F";
    }
    return c.getSimpleName();
  }
}
