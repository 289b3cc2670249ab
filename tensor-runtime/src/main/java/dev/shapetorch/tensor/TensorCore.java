package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Surface;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.rules.TensorShape;

/**
 * A multi-dimensional array in libtorch's memory: ShapeTorch's {@code torch.Tensor}.
 *
 * <p>Ops mirror PyTorch in camelCase ({@code a.add(b)}, {@code x.view(-1, 784)}, {@code
 * a.sum(1, true)}) and delegate to the static ops of {@link Torch}; in-place ops keep PyTorch's
 * trailing underscore ({@code add_}, {@code zero_}) and return {@code this}. Every op checks its
 * inputs' shapes with the same rule the compile-time checker uses and throws {@link
 * ShapeException} on a mismatch; errors libtorch raises arrive as {@link TorchException}.
 *
 * <p>Memory: a tensor belongs to the {@link TensorScope} open when it was made and is freed when
 * that scope closes, unless {@linkplain TensorScope#keep(Tensor) kept} or {@linkplain #retain()
 * retained}; outside any scope, {@link #close()} or the garbage collector frees it. A freed
 * tensor raises {@link IllegalStateException} on every use and never reaches native code.
 *
 * <p>Shape, dtype and device of a tensor never change, so they are read from libtorch once and
 * cached. Instances are not thread-safe for {@link #close()} against concurrent use.
 */
@Surface(name = "Tensor", variant = Variant.METHOD)
abstract class TensorCore implements AutoCloseable {

  static final byte FREED_BY_CLOSE = 1;
  static final byte FREED_BY_SCOPE = 2;

  static {
    // First: NativeTensors waits for this initialiser when it finds no access installed.
    NativeTensors.install(new NativeAccess());
    NativeLibrary.ensureLoaded();
  }

  private org.bytedeco.pytorch.Tensor handle;
  private byte freedBy;
  /** What to do when this tensor is freed, or null ({@link #onFree}). */
  private Runnable onFree;
  /** The scope that frees this tensor, or null. Maintained by {@link TensorScope}. */
  TensorScope owner;

  private long[] sizes;
  private TensorShape shape;
  private DType dtype;
  private Device device;

  TensorCore(org.bytedeco.pytorch.Tensor handle) {
    this.handle = handle;
  }

  /** Wraps a new native tensor and hands it to the current scope. */
  static Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    Tensor t = new Tensor(handle);
    TensorScope.adopt(t);
    return t;
  }

  /**
   * Wraps a tensor that belongs to a native container (an element of a tuple or vector, which
   * dies with its container): takes a handle of its own on the same tensor first.
   */
  static Tensor wrapBorrowed(org.bytedeco.pytorch.Tensor borrowed) {
    return wrap(new org.bytedeco.pytorch.Tensor(borrowed));
  }

  /** This tensor as what it always is: the generated {@link Tensor}. */
  private Tensor self() {
    return (Tensor) this;
  }

  /** The native tensor; throws if this tensor has been freed. */
  org.bytedeco.pytorch.Tensor h() {
    org.bytedeco.pytorch.Tensor x = handle;
    if (x == null) {
      throw freed();
    }
    return x;
  }

  /**
   * The native tensor of an argument of {@code op}, which names the op in the error when the
   * stack does not ({@link NativeTensors#handle}); throws if this tensor has been freed.
   */
  org.bytedeco.pytorch.Tensor h(String op) {
    org.bytedeco.pytorch.Tensor x = handle;
    if (x == null) {
      throw freed(UserCall.attribute(op));
    }
    return x;
  }

  void checkNotFreed() {
    if (handle == null) {
      throw freed();
    }
  }

  private IllegalStateException freed() {
    return freed(UserCall.op());
  }

  /** The error for a use after free, under {@code op} (or none if null). */
  private IllegalStateException freed(String op) {
    String why =
        freedBy == FREED_BY_SCOPE
            ? "the TensorScope it was created in has closed; keep it with scope.keep(t) or"
                + " t.retain() to use it after the scope"
            : "it was closed with close()";
    return new IllegalStateException(
        (op == null ? "" : op + ": ") + "a tensor it was given has been freed: " + why);
  }

  /** True once the tensor's native memory has been released. */
  public boolean isFreed() {
    return handle == null;
  }

  void free(byte reason) {
    org.bytedeco.pytorch.Tensor x = handle;
    if (x != null) {
      handle = null;
      freedBy = reason;
      Runnable actions = onFree;
      onFree = null;
      try {
        if (actions != null) {
          actions.run();
        }
      } finally {
        x.close();
      }
    }
  }

  /**
   * Runs {@code action} when this tensor is freed (by its scope or {@link #close()}), before its
   * handle is released: a gradient hook is removed from the graph with the tensor it was
   * registered on ({@link GradientHook}).
   */
  void onFree(Runnable action) {
    Runnable earlier = onFree;
    onFree = earlier == null ? action : () -> {
      try {
        earlier.run();
      } finally {
        action.run();
      }
    };
  }

  /**
   * Releases this tensor's reference to its native memory now (views and autograd may keep the
   * memory itself alive). Calling it again does nothing; any other use afterwards raises {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    free(FREED_BY_CLOSE);
  }

  /**
   * Takes this tensor out of every {@link TensorScope}: no scope will free it, {@link #close()} or
   * the garbage collector will. For long-lived tensors such as parameters and optimizer state.
   *
   * @return this
   */
  public Tensor retain() {
    checkNotFreed();
    owner = null;
    return self();
  }

  /**
   * The escape hatch to JavaCPP's {@code org.bytedeco.pytorch.Tensor}, for libtorch functions
   * ShapeTorch does not wrap. The returned object still belongs to this tensor: do not close it,
   * and do not change its shape in place ({@code resize_}, {@code set_}), since the shape is
   * cached here. Wrap results of your own calls with {@link Torch#wrap}.
   */
  public org.bytedeco.pytorch.Tensor unwrap() {
    return h();
  }

  // ---------------------------------------------------------------- shape, dtype, device

  private long[] sizes() {
    long[] s = sizes;
    if (s == null) {
      org.bytedeco.pytorch.Tensor x = h();
      s = new long[(int) x.dim()];
      for (int i = 0; i < s.length; i++) {
        s[i] = x.size(i);
      }
      sizes = s;
    }
    return s;
  }

  /** The sizes, outermost first (a copy), as PyTorch's {@code x.shape}. */
  public long[] shape() {
    return sizes().clone();
  }

  /** The shape as the shape algebra's value, for shape rules and {@link Shapes}. */
  public TensorShape shapeOf() {
    TensorShape s = shape;
    if (s == null) {
      s = TensorShape.of(sizes());
      shape = s;
    }
    return s;
  }

  /**
   * The size of one dimension; negative dims count from the end, as {@code x.size(-1)}.
   *
   * @throws IllegalArgumentException if {@code dim} is out of range
   */
  public long size(int dim) {
    long[] s = sizes();
    if (s.length == 0 || dim < -s.length || dim >= s.length) {
      throw new IllegalArgumentException(
          UserCall.attribute("Tensor.size") + ": dim " + dim + " is out of range for a tensor of shape "
              + shapeOf() + (s.length == 0 ? " (a 0-d tensor has no dims)"
                  : " (expected " + -s.length + " to " + (s.length - 1) + ")"));
    }
    return s[dim < 0 ? dim + s.length : dim];
  }

  /** The number of dimensions (0 for a scalar tensor). */
  public int dim() {
    return sizes().length;
  }

  /** The number of elements. */
  public long numel() {
    long n = 1;
    for (long s : sizes()) {
      n *= s;
    }
    return n;
  }

  /** The element type. */
  public DType dtype() {
    DType d = dtype;
    if (d == null) {
      d = DType.of(h().scalar_type());
      dtype = d;
    }
    return d;
  }

  /** The device holding the values. */
  public Device device() {
    Device d = device;
    if (d == null) {
      try (org.bytedeco.pytorch.Device nd = h().device()) {
        d = Device.of(nd);
      }
      device = d;
    }
    return d;
  }

  /** {@code float32[2, 3]}, or {@code <freed>}; for messages. */
  String describe() {
    if (handle == null) {
      return "<freed>";
    }
    return dtype().name().toLowerCase(java.util.Locale.ROOT) + shapeOf();
  }

  // ---------------------------------------------------------------- values

  private void checkOneElement(String op) {
    if (numel() != 1) {
      throw new IllegalStateException(
          UserCall.attribute(op) + ": a tensor of shape " + shapeOf() + " has " + numel()
              + " elements, not one; reduce it first (sum(), mean()) or select an element");
    }
  }

  /** The single value of a one-element tensor, as a double ({@code x.item()}). */
  public double item() {
    checkOneElement("Tensor.item");
    try {
      return h().item_double();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.item", e, self());
    }
  }

  /** The single value of a one-element tensor, as a long (truncating floating values). */
  public long itemLong() {
    checkOneElement("Tensor.itemLong");
    try {
      return h().item_long();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.itemLong", e, self());
    }
  }

  /** The single value of a one-element tensor, as a boolean (nonzero is true). */
  public boolean itemBoolean() {
    checkOneElement("Tensor.itemBoolean");
    try {
      return h().item_bool();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.itemBoolean", e, self());
    }
  }

  /** All values in row-major order, converted to float. */
  public float[] toFloatArray() {
    return TensorData.toFloatArray(self());
  }

  /** All values in row-major order, converted to double. */
  public double[] toDoubleArray() {
    return TensorData.toDoubleArray(self());
  }

  /** All values in row-major order, converted to long (floating values truncate toward 0). */
  public long[] toLongArray() {
    return TensorData.toLongArray(self());
  }

  /** All values in row-major order, converted to int. */
  public int[] toIntArray() {
    return TensorData.toIntArray(self());
  }

  /** All values in row-major order, converted to boolean (nonzero is true). */
  public boolean[] toBooleanArray() {
    return TensorData.toBooleanArray(self());
  }

  /**
   * The elements as raw little-endian bytes, row-major, {@code dtype().itemSize()} bytes each (a
   * copy; the tensor may live on any device and need not be contiguous), as {@code
   * x.numpy().tobytes()}; the inverse of {@link Torch#frombuffer(byte[], DType, long...)}.
   *
   * <p>Shape: every element, {@code numel() * dtype().itemSize()} bytes.
   *
   * @throws IllegalStateException if the tensor has more than about 2 GB of data
   */
  public byte[] toBytes() {
    return TensorData.toBytes(self());
  }

  /**
   * The values as PyTorch prints them: {@code tensor([[1., 2.],\n        [3., 4.]])}, with
   * {@code dtype=}, {@code requires_grad=True} or {@code grad_fn=<...>} suffixes where PyTorch
   * shows them. A freed tensor prints as {@code tensor(<freed>)}.
   */
  @Override
  public String toString() {
    if (handle == null) {
      return "tensor(<freed>)";
    }
    return TensorFormatter.format(self());
  }

  // ---------------------------------------------------------------- autograd

  /** True if autograd records ops on this tensor ({@code x.requires_grad}). */
  public boolean requiresGrad() {
    return h().requires_grad();
  }

  /**
   * Makes autograd record (or stop recording) ops on this leaf tensor, as {@code
   * x.requires_grad_(True)}.
   *
   * @return this
   * @throws IllegalArgumentException when asking for gradients of a non-floating tensor
   */
  public Tensor requiresGrad_(boolean requiresGrad) {
    if (requiresGrad && !dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          UserCall.attribute("Tensor.requiresGrad_") + ": only floating-point tensors can require gradients, this one is "
              + dtype() + "; convert it with to(DType.FLOAT32) first");
    }
    try {
      h().requires_grad_(requiresGrad);
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.requiresGrad_", e, self());
    }
    return self();
  }

  /** True for a tensor autograd did not compute (a leaf of the graph). */
  public boolean isLeaf() {
    return h().is_leaf();
  }

  /** The name of the autograd node that computed this tensor ({@code AddBackward0}), or null. */
  public String gradFnName() {
    org.bytedeco.pytorch.Node fn = h().grad_fn();
    if (fn == null || fn.isNull()) {
      return null;
    }
    return fn.name().getString();
  }

  /**
   * The gradient accumulated by {@link Tensor#backward()}, or null when there is none yet, as
   * {@code x.grad}. The result is a new handle (in the current scope) on the same memory.
   */
  public Tensor grad() {
    // libtorch returns a reference to the gradient slot: take a handle of our own, so that the
    // result outlives a later clearGrad_() (which empties the slot), as x.grad does in Python.
    org.bytedeco.pytorch.Tensor slot = h().grad();
    return slot.defined() ? wrapBorrowed(slot) : null;
  }

  /**
   * Sets the accumulated gradient to zero in place, if there is one.
   *
   * @return this
   */
  public Tensor zeroGrad_() {
    try (org.bytedeco.pytorch.Tensor g = h().grad()) {
      if (g.defined()) {
        g.zero_();
      }
    }
    return self();
  }

  /**
   * Drops the accumulated gradient, as {@code x.grad = None}: {@link #grad()} is null afterwards
   * and the next {@link Tensor#backward()} allocates a fresh one. What {@code
   * zero_grad(set_to_none=True)} does to each parameter.
   *
   * @return this
   */
  public Tensor clearGrad_() {
    try (org.bytedeco.pytorch.Tensor g = h().grad()) {
      if (g.defined()) {
        h().mutable_grad().reset(); // the reference to the grad slot; owned by the tensor
      }
    }
    return self();
  }

  /**
   * Asks autograd to keep this non-leaf tensor's gradient in {@link #grad()}, as {@code
   * x.retain_grad()}.
   *
   * @return this
   */
  public Tensor retainGrad() {
    try {
      h().retain_grad();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.retainGrad", e, self());
    }
    return self();
  }



  // ---------------------------------------------------------------- shape ops

  // ---------------------------------------------------------------- conversions

  // ---------------------------------------------------------------- in place

}
