package dev.shapetorch.internal;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
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
 * Torch.add}, not {@code ArithmeticOps.add}); constructors after their class; nested classes
 * as the user writes them ({@code OneCycleLR.Options.withEpochs}). Its own frames, and every
 * frame of a package named {@code internal} (this one: {@link Guard}, {@link Arguments}), are
 * plumbing, never the user's op.
 *
 * <p>Internal: public only for ShapeTorch's packages; not API.
 */
public final class UserCall {

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
          out.add(f);
        } else if (!isPlatform(c)) {
          break; // the caller's code
        }
      }
      return out;
    });
  }

  /**
   * Whether a frame names an op a user can call: a public method or constructor of a public
   * class; not of an abstract class other than the facades' families (a method of {@code
   * Optimizer} runs as {@code Adam}'s, a name the stack does not carry); not of an exception,
   * of {@link Arguments} (which checks its caller's parameters) or of a package named {@code
   * internal} (plumbing, public only to ShapeTorch's own packages).
   */
  private static boolean named(StackFrame f) {
    Class<?> c = f.getDeclaringClass();
    if (c == Arguments.class || Throwable.class.isAssignableFrom(c)
        || !Modifier.isPublic(c.getModifiers())
        || ("." + c.getPackageName() + ".").contains(".internal.")) {
      return false;
    }
    if (!c.isInterface() && Modifier.isAbstract(c.getModifiers()) && !isFamily(c)) {
      return false;
    }
    Optional<Executable> e = executable(f);
    return e.isPresent() && Modifier.isPublic(e.get().getModifiers());
  }

  private static boolean isPlatform(Class<?> c) {
    String n = c.getName();
    return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.");
  }

  /** The outermost frame that names an op, if any. */
  private static Optional<StackFrame> entry(List<StackFrame> frames) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (named(frames.get(i))) {
        return Optional.of(frames.get(i));
      }
    }
    return Optional.empty();
  }

  private static String entryName(List<StackFrame> frames, String fallback) {
    return entry(frames).map(UserCall::name).orElse(fallback);
  }

  /** The op the user called, e.g. {@code Torch.conv2d}, or null outside any op. */
  public static String op() {
    List<StackFrame> frames = libraryFrames();
    return entryName(frames, null);
  }

  /**
   * {@code op} as the user called it: the user's op when it is the same op under another
   * facade ({@code Torch.add} called as {@code Tensor.add}, {@code Torch.conv2d} as {@code
   * F.conv2d}) or another method of the same class ({@code GRU.finalHidden} for {@code
   * GRU.forward}); {@code "Linear.forward: Torch.linear"} when the user's op ran it inside;
   * {@code op} itself when no other op is on the stack.
   */
  public static String attribute(String op) {
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
   * The exception for a null argument found by a kernel (libtorch's {@link
   * NullPointerException}): names the op the user called and, where the stack tells it, the
   * parameter.
   *
   * @param tensorInput the index of the null among the tensors an op passed to its error
   *     handler, in parameter order (-1 if unknown)
   */
  public static IllegalArgumentException nullArgument(String fallbackOp, int tensorInput) {
    List<StackFrame> frames = libraryFrames();
    String user = entryName(frames, fallbackOp);
    String param = null;
    for (StackFrame f : frames) {
      Optional<Executable> e = executable(f);
      if (e.isEmpty() || !Modifier.isPublic(e.get().getModifiers())) {
        continue;
      }
      param = tensorParameter(e.get(), tensorInput);
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
   * The exception for a null parameter whose name the caller knows ({@code dtype}, {@code
   * reduction}): names the op the user called.
   *
   * @param expected what to pass instead ({@code "a DType such as DType.FLOAT32"})
   */
  public static IllegalArgumentException nullParameter(String name, String expected) {
    List<StackFrame> frames = libraryFrames();
    String user = entryName(frames, null);
    return new IllegalArgumentException((user == null ? "" : user + ": ")
        + asCalled(frames, name) + " is null; pass " + expected);
  }

  /**
   * The exception for a null element {@code index} of a list or array parameter whose name the
   * caller knows: {@code SGD: params[3] is null; pass a value}.
   */
  public static IllegalArgumentException nullParameter(String name, int index, String expected) {
    List<StackFrame> frames = libraryFrames();
    String user = entryName(frames, null);
    return new IllegalArgumentException((user == null ? "" : user + ": ")
        + asCalled(frames, name) + "[" + index + "] is null; pass " + expected);
  }

  /**
   * The name the user's op gives the parameter an inner op calls {@code inner} ({@code input}
   * of {@code F.softplus} for {@code x} of {@code Torch.softplus}; {@code other} of {@code
   * Tensor.dot} for {@code b} of its helper): the parameter of the same type at the same
   * position among the parameters of that type (a {@code Tensor} receiver counted first); else
   * {@code inner}.
   */
  private static String asCalled(List<StackFrame> frames, String inner) {
    if (frames.size() < 2) {
      return inner;
    }
    Optional<Executable> outer = entry(frames).flatMap(UserCall::executable);
    if (outer.isEmpty()) {
      return inner;
    }
    for (Parameter p : outer.get().getParameters()) {
      if (p.isNamePresent() && p.getName().equals(inner)) {
        return inner; // already the user's op's own name
      }
    }
    for (StackFrame f : frames) {
      Optional<Executable> e = executable(f);
      if (e.isEmpty() || e.get().equals(outer.get())) {
        continue;
      }
      for (Parameter p : e.get().getParameters()) {
        if (p.isNamePresent() && p.getName().equals(inner)) {
          int k = sameType(e.get(), p.getType()).indexOf(inner);
          List<String> out = sameType(outer.get(), p.getType());
          return k >= 0 && k < out.size() ? out.get(k) : inner;
        }
      }
    }
    return inner;
  }

  /** The names of the parameters of {@code type}, {@code "this"} first for a Tensor method. */
  private static List<String> sameType(Executable e, Class<?> type) {
    List<String> out = new ArrayList<>();
    if (type == Tensor.class && e.getDeclaringClass() == Tensor.class && e instanceof Method m
        && !Modifier.isStatic(m.getModifiers())) {
      out.add("this");
    }
    for (Parameter p : e.getParameters()) {
      if (p.getType() == type) {
        out.add(p.isNamePresent() ? p.getName() : "?");
      }
    }
    return out;
  }

  /** The local that a helpful {@link NullPointerException} message names, or null. */
  public static String nullLocal(NullPointerException e) {
    String m = e.getMessage();
    if (m == null) {
      return null;
    }
    java.util.regex.Matcher x = java.util.regex.Pattern.compile("because \"(\\w+)\" is null")
        .matcher(m);
    return x.find() ? x.group(1) : null;
  }

  /** The exception for a list or array of tensors with a null element. */
  public static IllegalArgumentException nullElement(int index) {
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
    if (isFunctionFamily(c)) {
      return "F";
    }
    // A nested class as the user writes it: OneCycleLR.Options, Module.LoadResult.
    StringBuilder name = new StringBuilder(c.getSimpleName());
    for (Class<?> o = c.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
      name.insert(0, o.getSimpleName() + ".");
    }
    return name.toString();
  }

  /** One of the abstract classes whose static ops {@link Torch} or F inherit. */
  private static boolean isFamily(Class<?> c) {
    return c.isAssignableFrom(Torch.class) || isFunctionFamily(c);
  }

  private static boolean isFunctionFamily(Class<?> c) {
    return c.getPackageName().equals("dev.shapetorch.nn.functional")
        && c.getSimpleName().endsWith("Functions");
  }
}
