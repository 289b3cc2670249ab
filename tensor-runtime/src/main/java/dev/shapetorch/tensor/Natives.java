package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptions;

/** Small helpers shared by the op families: errors, scalars, options. Package-private. */
final class Natives {

  /** An absent memory format, for overloads that take one. */
  static final org.bytedeco.pytorch.MemoryFormatOptional NO_MEMORY_FORMAT;

  private static final TensorOptions[] CPU_OPTIONS = new TensorOptions[DType.values().length];

  static {
    NativeLibrary.ensureLoaded();
    NO_MEMORY_FORMAT = new org.bytedeco.pytorch.MemoryFormatOptional();
    for (DType d : DType.values()) {
      CPU_OPTIONS[d.ordinal()] = new TensorOptions(d.scalarType());
    }
  }

  private Natives() {}

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
