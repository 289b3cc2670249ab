package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.internal.UserCall;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.TensorOptions;

/**
 * Small helpers shared by the op families: the body most ops repeat ({@link #unary}, {@link
 * #binary}, {@link #withScalar}, {@link #withLong}, {@link #withSizes}, {@link #reduce}, {@link
 * #valuesAndIndices}, {@link #call}, {@link #run}), errors, scalars, options. Package-private.
 *
 * <p>The body of an op is its native handles, one libtorch call, the result wrapped in the
 * current {@link TensorScope}, and libtorch's error translated ({@link #fail}) under the op's
 * name; the helpers take the call as a method reference ({@code torch::neg}) or a lambda that
 * captures nothing, which the JVM makes once, so that they allocate nothing the written-out body
 * did not. {@link #call} and {@link #run} take any body, whose lambda captures the op's
 * arguments.
 */
final class Natives {

  /** An absent memory format, for overloads that take one. */
  static final org.bytedeco.pytorch.MemoryFormatOptional NO_MEMORY_FORMAT;

  /**
   * An absent dtype, for reductions that take one (libtorch copies it: one shared, never
   * closed, instead of a native object per call left for the garbage collector).
   */
  static final org.bytedeco.pytorch.ScalarTypeOptional NO_DTYPE;

  private static final TensorOptions[] CPU_OPTIONS = new TensorOptions[DType.values().length];

  static {
    NativeLibrary.ensureLoaded();
    NO_MEMORY_FORMAT = new org.bytedeco.pytorch.MemoryFormatOptional();
    NO_DTYPE = new org.bytedeco.pytorch.ScalarTypeOptional();
    for (DType d : DType.values()) {
      CPU_OPTIONS[d.ordinal()] = new TensorOptions(d.scalarType());
    }
  }

  private Natives() {}

  // ---------------------------------------------------------------- the op bodies

  /** A libtorch function of one native tensor, as {@code torch::neg}. */
  @FunctionalInterface
  interface Unary {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x);
  }

  /** A libtorch function of two native tensors, as {@code torch::add}. */
  @FunctionalInterface
  interface Binary {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor a, org.bytedeco.pytorch.Tensor b);
  }

  /** A libtorch function of a native tensor and a scalar, as {@code torch::add}. */
  @FunctionalInterface
  interface WithScalar {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, Scalar s);
  }

  /** A libtorch function of two native tensors and a scalar, as {@code torch::add} with alpha. */
  @FunctionalInterface
  interface BinaryWithScalar {
    org.bytedeco.pytorch.Tensor apply(
        org.bytedeco.pytorch.Tensor a, org.bytedeco.pytorch.Tensor b, Scalar s);
  }

  /** A libtorch function of a native tensor and an integer (a dim), as {@code torch::tril}. */
  @FunctionalInterface
  interface WithLong {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, long v);
  }

  /** A libtorch function of a native tensor and two integers, as {@code torch::transpose}. */
  @FunctionalInterface
  interface WithLongs2 {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, long v, long w);
  }

  /** A libtorch function of a native tensor and sizes, as {@code torch::reshape}. */
  @FunctionalInterface
  interface WithSizes {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, long[] sizes);
  }

  /** A libtorch reduction along one dim, as {@code torch::all}: {@code (x, dim, keepdim)}. */
  @FunctionalInterface
  interface AlongDim {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, long dim, boolean keepdim);
  }

  /** A libtorch reduction along several dims, as {@code torch::logsumexp}. */
  @FunctionalInterface
  interface AlongDims {
    org.bytedeco.pytorch.Tensor apply(
        org.bytedeco.pytorch.Tensor x, long[] dims, boolean keepdim);
  }

  /** A libtorch function along a dim that gives values and indices, as {@code torch::sort}. */
  @FunctionalInterface
  interface PairAlongDim {
    T_TensorTensor_T apply(org.bytedeco.pytorch.Tensor x, long dim, boolean flag);
  }

  /** A libtorch call that makes a native tensor, for {@link #call}. */
  @FunctionalInterface
  interface NativeBody {
    org.bytedeco.pytorch.Tensor run();
  }

  /** A libtorch call that makes anything else (a tuple's tensors, a list), for {@link #run}. */
  @FunctionalInterface
  interface Body<R> {
    R run();
  }

  /**
   * The body of an op of one tensor: {@code f} of the native tensor of {@code operand} (the op's
   * tensor parameter {@code operandName}), wrapped in the current scope.
   *
   * @throws IllegalArgumentException naming the op the user called and {@code operandName} if
   *     {@code operand} is null
   * @throws IllegalStateException if {@code operand} has been freed
   * @throws TorchException if libtorch refuses the call, naming {@code op} and the input
   */
  static Tensor unary(String op, Tensor operand, String operandName, Unary f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for an op of two tensors ({@code left}, {@code right}). */
  static Tensor binary(
      String op, Tensor left, String leftName, Tensor right, String rightName, Binary f) {
    org.bytedeco.pytorch.Tensor l = h(left, leftName);
    org.bytedeco.pytorch.Tensor r = h(right, rightName);
    try {
      return Tensor.wrap(f.apply(l, r));
    } catch (RuntimeException e) {
      throw fail(op, e, left, right);
    }
  }

  /** As {@link #binary}, with a floating-point number as a native scalar ({@code alpha}). */
  static Tensor binary(String op, Tensor left, String leftName, Tensor right, String rightName,
      double number, BinaryWithScalar f) {
    org.bytedeco.pytorch.Tensor l = h(left, leftName);
    org.bytedeco.pytorch.Tensor r = h(right, rightName);
    try (Scalar s = scalar(number)) {
      return Tensor.wrap(f.apply(l, r, s));
    } catch (RuntimeException e) {
      throw fail(op, e, left, right);
    }
  }

  /** As {@link #unary}, for an op of a tensor and a floating-point number, as a native scalar. */
  static Tensor withScalar(
      String op, Tensor operand, String operandName, double number, WithScalar f) {
    return withScalar(op, operand, h(operand, operandName), scalar(number), f);
  }

  /** As {@link #unary}, for an op of a tensor and an integer, as a native integer scalar. */
  static Tensor withScalar(
      String op, Tensor operand, String operandName, long number, WithScalar f) {
    return withScalar(op, operand, h(operand, operandName), scalar(number), f);
  }

  /** The body of {@link #withScalar}: {@code f} of the handle {@code h} and {@code s} (closed). */
  private static Tensor withScalar(
      String op, Tensor operand, org.bytedeco.pytorch.Tensor h, Scalar s, WithScalar f) {
    try (s) {
      return Tensor.wrap(f.apply(h, s));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for an op of a tensor and an integer (a dim, a diagonal). */
  static Tensor withLong(String op, Tensor operand, String operandName, long number, WithLong f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h, number));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for an op of a tensor and two integers (two dims). */
  static Tensor withLong(
      String op, Tensor operand, String operandName, long number, long number2, WithLongs2 f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h, number, number2));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for an op of a tensor and sizes (a shape, repeats). */
  static Tensor withSizes(
      String op, Tensor operand, String operandName, long[] numbers, WithSizes f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h, numbers));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for a reduction along {@code dim}, kept as size 1 if {@code keepdim}. */
  static Tensor reduce(
      String op, Tensor operand, String operandName, long dim, boolean keepdim, AlongDim f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h, dim, keepdim));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /** As {@link #unary}, for a reduction along {@code dims}, kept as size 1 if {@code keepdim}. */
  static Tensor reduce(
      String op, Tensor operand, String operandName, long[] dims, boolean keepdim, AlongDims f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try {
      return Tensor.wrap(f.apply(h, dims, keepdim));
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /**
   * As {@link #reduce(String, Tensor, String, long, boolean, AlongDim)}, for an op that gives
   * values and their indices along {@code dim} ({@code flag}: keepdim, descending).
   */
  static ValuesAndIndices valuesAndIndices(
      String op, Tensor operand, String operandName, long dim, boolean flag, PairAlongDim f) {
    org.bytedeco.pytorch.Tensor h = h(operand, operandName);
    try (T_TensorTensor_T r = f.apply(h, dim, flag)) {
      return ValuesAndIndices.copyOf(r);
    } catch (RuntimeException e) {
      throw fail(op, e, operand);
    }
  }

  /**
   * The body of any op that makes one tensor: {@code body}'s native tensor wrapped in the current
   * scope, libtorch's error translated naming {@code op} and {@code in0}. {@code body} reads the
   * native handles itself ({@code x.h()}).
   */
  static Tensor call(String op, NativeBody body, Tensor in0) {
    try {
      return Tensor.wrap(body.run());
    } catch (RuntimeException e) {
      throw fail(op, e, in0);
    }
  }

  /** As {@link #call(String, NativeBody, Tensor)}, naming two inputs. */
  static Tensor call(String op, NativeBody body, Tensor in0, Tensor in1) {
    try {
      return Tensor.wrap(body.run());
    } catch (RuntimeException e) {
      throw fail(op, e, in0, in1);
    }
  }

  /** As {@link #call(String, NativeBody, Tensor)}, naming three inputs. */
  static Tensor call(String op, NativeBody body, Tensor in0, Tensor in1, Tensor in2) {
    try {
      return Tensor.wrap(body.run());
    } catch (RuntimeException e) {
      throw fail(op, e, in0, in1, in2);
    }
  }

  /**
   * The body of an op whose result is not one new tensor (a tuple's tensors, a list): what {@code
   * body} returns, libtorch's error translated naming {@code op} and {@code in0}.
   */
  static <R> R run(String op, Body<R> body, Tensor in0) {
    try {
      return body.run();
    } catch (RuntimeException e) {
      throw fail(op, e, in0);
    }
  }

  /**
   * Turns an exception thrown by a native call into a {@link TorchException} naming the op and
   * its inputs. Exceptions of ShapeTorch's own (closed tensors, shape mismatches) pass through; a
   * {@link NullPointerException} from a null input becomes an {@link IllegalArgumentException}
   * naming the op and the parameter.
   */
  static RuntimeException fail(String op, RuntimeException e, Tensor... inputs) {
    if (e instanceof NullPointerException) {
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] == null) {
          IllegalArgumentException named = UserCall.nullArgument(op, i);
          named.initCause(e);
          return named;
        }
      }
      String local = UserCall.nullLocal((NullPointerException) e);
      IllegalArgumentException named = local != null
          ? UserCall.nullParameter(local, "a value") : UserCall.nullArgument(op, -1);
      named.initCause(e);
      return named;
    }
    if (e.getClass() != RuntimeException.class) {
      return e;
    }
    return new TorchException(
        op, NativeTensors.firstLine(e.getMessage()), describe(inputs), e);
  }

  /** {@code float32[2, 3], int64[3]}; freed tensors show as {@code <freed>}. */
  static String describe(Tensor... inputs) {
    StringBuilder sb = new StringBuilder();
    for (Tensor t : inputs) {
      if (t == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t.describe());
    }
    return sb.toString();
  }

  /**
   * The native tensor of an op's tensor parameter {@code name}.
   *
   * @throws IllegalArgumentException naming the op the user called and {@code name} if {@code t}
   *     is null
   * @throws IllegalStateException if {@code t} has been freed
   */
  static org.bytedeco.pytorch.Tensor h(Tensor t, String name) {
    if (t == null) {
      throw UserCall.nullParameter(name, "a tensor");
    }
    return t.h();
  }

  /**
   * {@code t}, an op's tensor parameter {@code name}, when it is not null.
   *
   * @throws IllegalArgumentException naming the op the user called and {@code name} if {@code t}
   *     is null
   */
  static Tensor nonNull(Tensor t, String name) {
    if (t == null) {
      throw UserCall.nullParameter(name, "a tensor");
    }
    return t;
  }

  /** Options for a new CPU tensor of this dtype (cached; never close them). */
  static TensorOptions options(DType dtype) {
    if (dtype == null) {
      throw UserCall.nullParameter("dtype", "a DType such as DType.FLOAT32");
    }
    return CPU_OPTIONS[dtype.ordinal()];
  }

  /** Options for a new tensor of this dtype on this device; the caller closes non-CPU ones. */
  static TensorOptions options(DType dtype, Device device) {
    if (dtype == null) {
      throw UserCall.nullParameter("dtype", "a DType such as DType.FLOAT32");
    }
    if (device == null) {
      throw UserCall.nullParameter("device", "Device.CPU or a CUDA device");
    }
    if (device.isCpu()) {
      return CPU_OPTIONS[dtype.ordinal()];
    }
    try (org.bytedeco.pytorch.Device d = device.toNative();
        TensorOptions onDevice = new TensorOptions(d);
        org.bytedeco.pytorch.ScalarTypeOptional type =
            new org.bytedeco.pytorch.ScalarTypeOptional(dtype.scalarType())) {
      return onDevice.dtype(type);
    }
  }

  /** Closes options made by {@link #options(DType, Device)} unless they are cached. */
  static void release(TensorOptions o) {
    for (TensorOptions cached : CPU_OPTIONS) {
      if (cached == o) {
        return;
      }
    }
    o.close();
  }

  /** A native scalar; the caller closes it. */
  static Scalar scalar(double v) {
    return new Scalar(v);
  }

  /** A native integer scalar; the caller closes it. */
  static Scalar scalar(long v) {
    return new Scalar(v);
  }

  /** A native boolean scalar (libtorch's Scalar(bool)); the caller closes it. */
  static Scalar scalar(boolean v) {
    return new Scalar(v ? 1L : 0L);
  }

  /** Normalises a possibly negative dim, or throws naming the op. */
  static int dim(String op, int dim, int rank) {
    int r = Math.max(rank, 1);
    if (dim < -r || dim >= r) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": dim " + dim + " is out of range for a tensor of rank " + rank
              + " (expected " + (-r) + " to " + (r - 1) + ")");
    }
    return dim < 0 ? dim + r : dim;
  }

  /**
   * A tensor of a libtorch tuple as a tensor of its own: the tuple's getters return references
   * into the tuple, which dangle once it is freed, so each element is copied (a new reference to
   * the same storage) before the tuple closes.
   */
  static Tensor tupleElement(org.bytedeco.pytorch.Tensor element) {
    return Tensor.wrap(new org.bytedeco.pytorch.Tensor(element));
  }

  /** An optional native tensor for a nullable argument; the caller closes it. */
  static org.bytedeco.pytorch.TensorOptional optional(Tensor t) {
    return t == null ? new org.bytedeco.pytorch.TensorOptional()
        : new org.bytedeco.pytorch.TensorOptional(t.h());
  }
}
