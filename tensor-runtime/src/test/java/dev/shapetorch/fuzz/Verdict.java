package dev.shapetorch.fuzz;

import dev.shapetorch.fuzz.Calls.Call;
import dev.shapetorch.fuzz.Inputs.Arg;
import dev.shapetorch.fuzz.Inputs.Kind;
import dev.shapetorch.tensor.TorchException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The oracle for one call that threw: the exception must be one a user can act on ({@link
 * IllegalArgumentException} and its {@code ShapeException}, {@link TorchException}, {@link
 * IllegalStateException}, {@link UnsupportedOperationException}, an index out of bounds, an
 * iterator's {@code NoSuchElementException}), never an internal one that
 * leaked ({@link NullPointerException}, {@link ArithmeticException}, an array index, a class
 * cast, an {@link Error}); its message must start with the op the user called; a null argument
 * must be named; libtorch's backtrace must not reach the message.
 */
final class Verdict {

  /** The failure classes the fuzzer reports, by their tag in reports. */
  static final String LEAK = "leaked-internal-exception";
  static final String UNNAMED_OP = "message-without-op";
  static final String UNNAMED_NULL = "null-without-parameter";
  static final String VERBOSE = "libtorch-backtrace-in-message";
  static final String CRASH = "jvm-crash";
  static final String HANG = "hang";
  static final String THREAD_LEAK = "leaked-thread";

  /** {@code params[3] is null}: a message that names a null element of a list argument. */
  private static final java.util.regex.Pattern NULL_ELEMENT =
      java.util.regex.Pattern.compile("\\w\\[\\d+\\] is null");

  private Verdict() {}

  /** Null if {@code thrown} is a proper error for {@code call}, else {@code "tag: detail"}. */
  static String judge(Call call, Throwable thrown) {
    String message = thrown.getMessage();
    String what = thrown.getClass().getName() + ": " + oneLine(message);
    if (!acceptable(thrown)) {
      return LEAK + ": " + what + " at " + top(thrown);
    }
    if (message == null || !namesOp(call, stripKey(message))) {
      return UNNAMED_OP + ": " + what;
    }
    if (message.contains("Exception raised from") || message.length() > 1000) {
      return VERBOSE + ": " + message.length() + " characters";
    }
    List<String> nulls = nullParameters(call);
    // An error about a null must name the parameter (errors about other arguments need not).
    // Naming a null element of another argument ("params[0] is null" for SGD([null], null)) is
    // naming a null too: the op checked that argument first, and the message is exact.
    if (!nulls.isEmpty() && message.contains(" is null")
        && nulls.stream().noneMatch(n -> message.contains(n + " is null"))
        && !NULL_ELEMENT.matcher(message).find()) {
      return UNNAMED_NULL + ": " + nulls + " not in: " + oneLine(message);
    }
    return null;
  }

  private static boolean acceptable(Throwable t) {
    if (t instanceof Error || t instanceof NullPointerException
        || t instanceof ArithmeticException || t instanceof ClassCastException
        || t instanceof ArrayIndexOutOfBoundsException
        || t instanceof StringIndexOutOfBoundsException
        || t instanceof NegativeArraySizeException || t instanceof ArrayStoreException) {
      return false;
    }
    // NoSuchElementException: what Iterator.next must throw past the end (BatchIterator).
    return t instanceof IllegalArgumentException || t instanceof IllegalStateException
        || t instanceof UnsupportedOperationException || t instanceof TorchException
        || t instanceof IndexOutOfBoundsException
        || t instanceof java.util.NoSuchElementException;
  }

  /** The message without a leading diagnostic key ({@code [shape.mismatch.matmul] }). */
  static String stripKey(String message) {
    if (message.startsWith("[")) {
      int end = message.indexOf("] ");
      if (end > 0) {
        return message.substring(end + 2);
      }
    }
    return message;
  }

  /** The message starts with the op ({@code Torch.add}, {@code Linear.forward}, {@code LSTM}). */
  static boolean namesOp(Call call, String message) {
    List<String> names = new ArrayList<>();
    names.add(call.op().name());
    if (call.op().target() instanceof Constructor<?> || call.op().receiver() != null
        && call.op().receiver() != dev.shapetorch.tensor.Tensor.class) {
      names.add(call.op().target().getDeclaringClass().getSimpleName());
      if (call.op().receiver() != null) {
        names.add(call.op().receiver().getSimpleName());
      }
    }
    // A layer's, optimizer's or scheduler's own messages may name just the class ("LSTM: ...",
    // "OneCycleLR: ..." from OneCycleLR.Options); Torch, F and Tensor ops must name the op.
    Class<?> owner = call.op().target().getDeclaringClass();
    if (!Set.of("Torch", "F", "Tensor").contains(call.op().name().split("\\.")[0])) {
      for (Class<?> c = owner; c != null; c = c.getEnclosingClass()) {
        String n = c.getSimpleName();
        names.add(n);
        if (n.endsWith("Options")) {
          names.add(n.substring(0, n.length() - "Options".length()));
        }
      }
    }
    for (String n : names) {
      if (message.startsWith(n) && (message.length() == n.length()
          || !Character.isJavaIdentifierPart(message.charAt(n.length())))) {
        return true;
      }
    }
    return false;
  }

  /** The names of the parameters this call passes null for. */
  static List<String> nullParameters(Call call) {
    List<List<Arg>> pools = call.pools();
    Parameter[] params = call.op().parameters();
    int first = call.op().receiver() == null ? 0 : 1;
    List<String> out = new ArrayList<>();
    for (int i = first; i < pools.size(); i++) {
      if (pools.get(i).get(call.choice()[i]).kind() == Kind.NULL && params[i - first].isNamePresent()) {
        out.add(params[i - first].getName());
      }
    }
    return out;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "null";
    }
    String line = s.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static String top(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? "?" : st[0].toString();
  }
}
