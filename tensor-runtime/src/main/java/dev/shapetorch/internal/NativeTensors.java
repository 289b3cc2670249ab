package dev.shapetorch.internal;

import dev.shapetorch.tensor.Tensor;

/**
 * The door from ShapeTorch's packages outside {@code dev.shapetorch.tensor} to what {@link
 * Tensor} keeps package-private: its native handle, wrapping a native tensor into the current
 * {@code TensorScope}, and the error translation every op uses (libtorch's refusal as a {@code
 * TorchException} naming the op and its inputs' shapes, a freed tensor or a null named under the
 * op). Not API.
 *
 * <p>{@code dev.shapetorch.tensor} implements {@link Access} and {@linkplain #install installs}
 * it when {@code Tensor}'s class initialises, before any tensor can exist. A method here that
 * finds nothing installed yet initialises {@code Tensor}'s class first (which installs it), so no
 * order of class initialisation can leave it unset: a thread that arrives while another thread
 * initialises {@code Tensor} waits for it.
 *
 * <pre>{@code
 * org.bytedeco.pytorch.Tensor h = NativeTensors.handle(t, "Archives.save", "tensors");
 * Tensor loaded = NativeTensors.wrap(nativeTensor);   // freed with the current scope
 * }</pre>
 */
public final class NativeTensors {

  /**
   * What {@code dev.shapetorch.tensor} gives the other packages; implemented there only. The
   * methods are those of {@link NativeTensors}, which documents them.
   */
  public interface Access {
    /** As {@link NativeTensors#handle}. */
    org.bytedeco.pytorch.Tensor handle(Tensor t, String op, String param);

    /** As {@link NativeTensors#wrap}. */
    Tensor wrap(org.bytedeco.pytorch.Tensor handle);

    /** As {@link NativeTensors#fail}. */
    RuntimeException fail(String op, RuntimeException e, Tensor... inputs);

    /** As {@link NativeTensors#describe}. */
    String describe(Tensor t);

    /** As {@link NativeTensors#attribute}. */
    String attribute(String op);
  }

  private static final String TENSOR_PACKAGE = "dev.shapetorch.tensor";

  /** Set once, by {@code Tensor}'s static initialiser; no initialiser of its own. */
  private static volatile Access access;

  private NativeTensors() {}

  /**
   * Installs {@code dev.shapetorch.tensor}'s access; called once, from {@code Tensor}'s static
   * initialiser.
   *
   * @throws IllegalStateException if one is installed already or {@code a} is not {@code
   *     dev.shapetorch.tensor}'s
   */
  public static void install(Access a) {
    if (a == null || !a.getClass().getPackageName().equals(TENSOR_PACKAGE)
        || a.getClass().getClassLoader() != NativeTensors.class.getClassLoader()) {
      throw new IllegalStateException("NativeTensors.install: only " + TENSOR_PACKAGE
          + " installs the access to tensors' native handles");
    }
    synchronized (NativeTensors.class) {
      if (access != null) {
        throw new IllegalStateException("NativeTensors.install: the access is installed already");
      }
      access = a;
    }
  }

  private static Access access() {
    Access a = access;
    return a != null ? a : installed();
  }

  /** Initialises {@code Tensor}'s class, whose static initialiser installs the access. */
  private static Access installed() {
    try {
      Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("NativeTensors: " + Tensor.class.getName()
          + " is not on the class path", e);
    }
    Access a = access;
    if (a == null) {
      throw new IllegalStateException("NativeTensors: " + TENSOR_PACKAGE + " installed no access"
          + " while Tensor's class initialised; nothing in that initialiser may use this class");
    }
    return a;
  }

  /**
   * The native tensor of {@code t}, an argument {@code param} of the op {@code op}. The result
   * still belongs to {@code t}: do not close it.
   *
   * @param op the op as the user would call it ({@code "FusedOptimizerKernels.sgd_"}); messages
   *     start with it, or with the user's op that ran it
   * @param param the argument's name in messages ({@code "grads[3]"})
   * @throws IllegalArgumentException naming {@code op} and {@code param} if {@code t} is null
   * @throws IllegalStateException naming {@code op} if {@code t} has been freed
   */
  public static org.bytedeco.pytorch.Tensor handle(Tensor t, String op, String param) {
    return access().handle(t, op, param);
  }

  /**
   * A new {@link Tensor} owning {@code handle}, adopted by the current thread's innermost open
   * {@code TensorScope} (if any), as every op's result is. {@code handle} must be a tensor of its
   * own, not a reference into a native container that frees it (copy such a one with {@code new
   * org.bytedeco.pytorch.Tensor(element)} first).
   */
  public static Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    return access().wrap(handle);
  }

  /**
   * Turns an exception thrown by a native call of {@code op} into what the user sees, as every
   * op does: libtorch's error becomes a {@code TorchException} naming the op and the inputs'
   * shapes, without the C++ backtrace (which stays its cause); a {@link NullPointerException}
   * becomes an {@link IllegalArgumentException} naming the op and, where known, the parameter;
   * ShapeTorch's own exceptions pass through.
   *
   * @return the exception to throw
   */
  public static RuntimeException fail(String op, RuntimeException e, Tensor... inputs) {
    return access().fail(op, e, inputs);
  }

  /** {@code float32[2, 3]}, for messages; {@code <freed>} for a freed tensor, null for null. */
  public static String describe(Tensor t) {
    return access().describe(t);
  }

  /**
   * {@code op} as the user called it, for the start of a message: {@code op} itself when the
   * user called it (or nothing public is on the stack), {@code "Checkpoints.read: Archives.load"}
   * when a public op of the user's ran it.
   */
  public static String attribute(String op) {
    return access().attribute(op);
  }

  /**
   * libtorch's reason, the first line of its message, without the "Exception raised from ..."
   * backtrace that follows; {@code "libtorch error"} for none.
   */
  public static String firstLine(String message) {
    if (message == null) {
      return "libtorch error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
