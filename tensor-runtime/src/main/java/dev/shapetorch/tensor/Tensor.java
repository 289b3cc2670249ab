package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.shapes.UnknownShape;
import java.util.List;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.TensorArrayRefOptional;

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
public final class Tensor implements AutoCloseable {

  static final byte FREED_BY_CLOSE = 1;
  static final byte FREED_BY_SCOPE = 2;

  static {
    NativeLibrary.ensureLoaded();
  }

  private org.bytedeco.pytorch.Tensor handle;
  private byte freedBy;
  /** The scope that frees this tensor, or null. Maintained by {@link TensorScope}. */
  TensorScope owner;

  private long[] sizes;
  private TensorShape shape;
  private DType dtype;
  private Device device;

  private Tensor(org.bytedeco.pytorch.Tensor handle) {
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

  /** The native tensor; throws if this tensor has been freed. */
  org.bytedeco.pytorch.Tensor h() {
    org.bytedeco.pytorch.Tensor x = handle;
    if (x == null) {
      throw freed();
    }
    return x;
  }

  void checkNotFreed() {
    if (handle == null) {
      throw freed();
    }
  }

  private IllegalStateException freed() {
    String why =
        freedBy == FREED_BY_SCOPE
            ? "the TensorScope it was created in has closed; keep it with scope.keep(t) or"
                + " t.retain() to use it after the scope"
            : "it was closed with close()";
    String op = UserCall.op();
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
      x.close();
    }
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
    return this;
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
      throw Natives.fail("Tensor.item", e, this);
    }
  }

  /** The single value of a one-element tensor, as a long (truncating floating values). */
  public long itemLong() {
    checkOneElement("Tensor.itemLong");
    try {
      return h().item_long();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.itemLong", e, this);
    }
  }

  /** The single value of a one-element tensor, as a boolean (nonzero is true). */
  public boolean itemBoolean() {
    checkOneElement("Tensor.itemBoolean");
    try {
      return h().item_bool();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.itemBoolean", e, this);
    }
  }

  /** All values in row-major order, converted to float. */
  public float[] toFloatArray() {
    return TensorData.toFloatArray(this);
  }

  /** All values in row-major order, converted to double. */
  public double[] toDoubleArray() {
    return TensorData.toDoubleArray(this);
  }

  /** All values in row-major order, converted to long (floating values truncate toward 0). */
  public long[] toLongArray() {
    return TensorData.toLongArray(this);
  }

  /** All values in row-major order, converted to int. */
  public int[] toIntArray() {
    return TensorData.toIntArray(this);
  }

  /** All values in row-major order, converted to boolean (nonzero is true). */
  public boolean[] toBooleanArray() {
    return TensorData.toBooleanArray(this);
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
    return TensorData.toBytes(this);
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
    return TensorFormatter.format(this);
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
      throw Natives.fail("Tensor.requiresGrad_", e, this);
    }
    return this;
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
   * Computes the gradient of this one-element tensor with respect to the graph's leaves and
   * accumulates it into their {@link #grad()}, as {@code loss.backward()}.
   */
  public void backward() {
    try {
      h().backward();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.backward", e, this);
    }
  }

  /**
   * Back-propagates {@code gradient} (the gradient of some scalar with respect to this tensor),
   * as {@code y.backward(gradient)}.
   *
   * <p>Shape: {@code gradient} has this tensor's shape ({@link Rule#SAME_SHAPE}).
   */
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"this", "gradient"})
  public void backward(Tensor gradient) {
    backward(gradient, false, false);
  }

  /**
   * {@link #backward(Tensor)} keeping the graph for another backward pass ({@code retainGraph})
   * or recording the backward pass itself for higher-order gradients ({@code createGraph}).
   *
   * <p>Shape: {@code gradient} has this tensor's shape ({@link Rule#SAME_SHAPE}).
   */
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"this", "gradient"})
  public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
    ShapeChecks.check(Rule.SAME_SHAPE, "Tensor.backward", ShapeChecks.tensorArg(this),
        ShapeChecks.tensorArg(gradient));
    try (BoolOptional retain = new BoolOptional(retainGraph);
        TensorArrayRefOptional inputs = new TensorArrayRefOptional()) {
      h().backward(gradient.h(), retain, createGraph, inputs);
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.backward", e, this, gradient);
    }
  }

  /**
   * The gradient accumulated by {@link #backward()}, or null when there is none yet, as {@code
   * x.grad}. The result is a new handle (in the current scope) on the same memory.
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
    return this;
  }

  /**
   * Drops the accumulated gradient, as {@code x.grad = None}: {@link #grad()} is null afterwards
   * and the next {@link #backward()} allocates a fresh one. What {@code
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
    return this;
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
      throw Natives.fail("Tensor.retainGrad", e, this);
    }
    return this;
  }

  /**
   * The same values, cut from the autograd graph ({@code x.detach()}); shares memory.
   *
   * <p>Shape: unchanged.
   */
  public @Shape({"*s"}) Tensor detach(@Shape({"*s"}) Tensor this) {
    return Tensor.wrap(h().detach());
  }

  // ---------------------------------------------------------------- ops (delegations to Torch)

  /** The negation {@code -x}, elementwise; see {@link Torch#neg(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor neg(@Shape({"*s"}) Tensor this) {
    return Torch.neg(this);
  }

  /** The absolute value, elementwise; see {@link Torch#abs(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor abs(@Shape({"*s"}) Tensor this) {
    return Torch.abs(this);
  }

  /** {@code e^x}, elementwise; see {@link Torch#exp(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor exp(@Shape({"*s"}) Tensor this) {
    return Torch.exp(this);
  }

  /** {@code e^x - 1}, accurate near 0, elementwise; see {@link Torch#expm1(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor expm1(@Shape({"*s"}) Tensor this) {
    return Torch.expm1(this);
  }

  /** The natural logarithm, elementwise; see {@link Torch#log(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor log(@Shape({"*s"}) Tensor this) {
    return Torch.log(this);
  }

  /** The base-2 logarithm, elementwise; see {@link Torch#log2(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor log2(@Shape({"*s"}) Tensor this) {
    return Torch.log2(this);
  }

  /** {@code log(1 + x)}, accurate near 0, elementwise; see {@link Torch#log1p(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor log1p(@Shape({"*s"}) Tensor this) {
    return Torch.log1p(this);
  }

  /** The square root, elementwise; see {@link Torch#sqrt(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sqrt(@Shape({"*s"}) Tensor this) {
    return Torch.sqrt(this);
  }

  /** The reciprocal square root {@code 1/sqrt(x)}, elementwise; see {@link Torch#rsqrt(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor rsqrt(@Shape({"*s"}) Tensor this) {
    return Torch.rsqrt(this);
  }

  /** {@code 1/x}, elementwise; see {@link Torch#reciprocal(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor reciprocal(@Shape({"*s"}) Tensor this) {
    return Torch.reciprocal(this);
  }

  /** {@code x*x}, elementwise; see {@link Torch#square(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor square(@Shape({"*s"}) Tensor this) {
    return Torch.square(this);
  }

  /** The sine, elementwise; see {@link Torch#sin(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sin(@Shape({"*s"}) Tensor this) {
    return Torch.sin(this);
  }

  /** The cosine, elementwise; see {@link Torch#cos(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor cos(@Shape({"*s"}) Tensor this) {
    return Torch.cos(this);
  }

  /** The tangent, elementwise; see {@link Torch#tan(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor tan(@Shape({"*s"}) Tensor this) {
    return Torch.tan(this);
  }

  /** The arcsine, elementwise; see {@link Torch#asin(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor asin(@Shape({"*s"}) Tensor this) {
    return Torch.asin(this);
  }

  /** The arccosine, elementwise; see {@link Torch#acos(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor acos(@Shape({"*s"}) Tensor this) {
    return Torch.acos(this);
  }

  /** The arctangent, elementwise; see {@link Torch#atan(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor atan(@Shape({"*s"}) Tensor this) {
    return Torch.atan(this);
  }

  /** The hyperbolic sine, elementwise; see {@link Torch#sinh(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sinh(@Shape({"*s"}) Tensor this) {
    return Torch.sinh(this);
  }

  /** The hyperbolic cosine, elementwise; see {@link Torch#cosh(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor cosh(@Shape({"*s"}) Tensor this) {
    return Torch.cosh(this);
  }

  /** The hyperbolic tangent, elementwise; see {@link Torch#tanh(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor tanh(@Shape({"*s"}) Tensor this) {
    return Torch.tanh(this);
  }

  /** Rounds down, elementwise; see {@link Torch#floor(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor floor(@Shape({"*s"}) Tensor this) {
    return Torch.floor(this);
  }

  /** Rounds up, elementwise; see {@link Torch#ceil(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor ceil(@Shape({"*s"}) Tensor this) {
    return Torch.ceil(this);
  }

  /** Rounds to the nearest integer, halves to even, elementwise; see {@link Torch#round(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor round(@Shape({"*s"}) Tensor this) {
    return Torch.round(this);
  }

  /** -1, 0 or 1 by the sign, elementwise; see {@link Torch#sign(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sign(@Shape({"*s"}) Tensor this) {
    return Torch.sign(this);
  }

  /** Logical NOT (zero is false); a bool tensor, elementwise; see {@link Torch#logicalNot(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor logicalNot(@Shape({"*s"}) Tensor this) {
    return Torch.logicalNot(this);
  }

  /** The logistic sigmoid {@code 1/(1+e^-x)}, elementwise; see {@link Torch#sigmoid(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sigmoid(@Shape({"*s"}) Tensor this) {
    return Torch.sigmoid(this);
  }

  /** {@code max(x, 0)}, elementwise; see {@link Torch#relu(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor this) {
    return Torch.relu(this);
  }

  /** The Gaussian error linear unit (exact, with erf), elementwise; see {@link Torch#gelu(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor this) {
    return Torch.gelu(this);
  }

  /** {@code x * sigmoid(x)} (swish), elementwise; see {@link Torch#silu(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor silu(@Shape({"*s"}) Tensor this) {
    return Torch.silu(this);
  }

  /** GELU with {@code "none"} or {@code "tanh"} approximation; see {@link Torch#gelu(Tensor, String)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor gelu(@Shape({"*s"}) Tensor this, String approximate) {
    return Torch.gelu(this, approximate);
  }

  /** Leaky ReLU; see {@link Torch#leakyRelu(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor this, double negativeSlope) {
    return Torch.leakyRelu(this, negativeSlope);
  }

  /** Leaky ReLU with slope 0.01; see {@link Torch#leakyRelu(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor leakyRelu(@Shape({"*s"}) Tensor this) {
    return Torch.leakyRelu(this);
  }

  /** ELU; see {@link Torch#elu(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor this, double alpha) {
    return Torch.elu(this, alpha);
  }

  /** ELU with alpha 1; see {@link Torch#elu(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor elu(@Shape({"*s"}) Tensor this) {
    return Torch.elu(this);
  }

  /** Softplus; see {@link Torch#softplus(Tensor, double, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor this, double beta, double threshold) {
    return Torch.softplus(this, beta, threshold);
  }

  /** Softplus with PyTorch's defaults; see {@link Torch#softplus(Tensor)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor softplus(@Shape({"*s"}) Tensor this) {
    return Torch.softplus(this);
  }

  /** Clamps into {@code [min, max]}; see {@link Torch#clamp(Tensor, double, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor clamp(@Shape({"*s"}) Tensor this, double min, double max) {
    return Torch.clamp(this, min, max);
  }

  /** Clamps from below; see {@link Torch#clampMin(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor clampMin(@Shape({"*s"}) Tensor this, double min) {
    return Torch.clampMin(this, min);
  }

  /** Clamps from above; see {@link Torch#clampMax(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor clampMax(@Shape({"*s"}) Tensor this, double max) {
    return Torch.clampMax(this, max);
  }

  /** The sum {@code a + b}, broadcasting; see {@link Torch#add(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor add(Tensor other) {
    return Torch.add("Tensor.add", this, other);
  }

  /** The sum {@code a + b} with a number; see {@link Torch#add(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor add(@Shape({"*s"}) Tensor this, double other) {
    return Torch.add(this, other);
  }

  /** The sum {@code a + b} with an integer (integer tensors stay integer); see {@link Torch#add(Tensor, long)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor add(@Shape({"*s"}) Tensor this, long other) {
    return Torch.add(this, other);
  }

  /** {@code this + alpha * other}, broadcasting; see {@link Torch#add(Tensor, Tensor, double)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(value = Rule.BROADCAST, args = {"this", "other"})
  public Tensor add(Tensor other, double alpha) {
    return Torch.add("Tensor.add", this, other, alpha);
  }

  /** The difference {@code a - b}, broadcasting; see {@link Torch#sub(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor sub(Tensor other) {
    return Torch.sub("Tensor.sub", this, other);
  }

  /** The difference {@code a - b} with a number; see {@link Torch#sub(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sub(@Shape({"*s"}) Tensor this, double other) {
    return Torch.sub(this, other);
  }

  /** The difference {@code a - b} with an integer (integer tensors stay integer); see {@link Torch#sub(Tensor, long)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor sub(@Shape({"*s"}) Tensor this, long other) {
    return Torch.sub(this, other);
  }

  /** {@code this - alpha * other}, broadcasting; see {@link Torch#sub(Tensor, Tensor, double)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(value = Rule.BROADCAST, args = {"this", "other"})
  public Tensor sub(Tensor other, double alpha) {
    return Torch.sub("Tensor.sub", this, other, alpha);
  }

  /** The product {@code a * b}, broadcasting; see {@link Torch#mul(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor mul(Tensor other) {
    return Torch.mul("Tensor.mul", this, other);
  }

  /** The product {@code a * b} with a number; see {@link Torch#mul(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor mul(@Shape({"*s"}) Tensor this, double other) {
    return Torch.mul(this, other);
  }

  /** The product {@code a * b} with an integer (integer tensors stay integer); see {@link Torch#mul(Tensor, long)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor mul(@Shape({"*s"}) Tensor this, long other) {
    return Torch.mul(this, other);
  }

  /** The true quotient {@code a / b} (integers give float32), broadcasting; see {@link Torch#div(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor div(Tensor other) {
    return Torch.div("Tensor.div", this, other);
  }

  /** The true quotient {@code a / b} (integers give float32) with a number; see {@link Torch#div(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor div(@Shape({"*s"}) Tensor this, double other) {
    return Torch.div(this, other);
  }

  /** {@code a} raised to the power {@code b}, broadcasting; see {@link Torch#pow(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor pow(Tensor other) {
    return Torch.pow("Tensor.pow", this, other);
  }

  /** {@code a} raised to the power {@code b} with a number; see {@link Torch#pow(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor pow(@Shape({"*s"}) Tensor this, double other) {
    return Torch.pow(this, other);
  }

  /** {@code this} to an integer power (integer tensors stay integer); see {@link Torch#pow(Tensor, long)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor pow(@Shape({"*s"}) Tensor this, long other) {
    return Torch.pow(this, other);
  }

  /** The remainder of floor division, with the sign of the divisor (Python's {@code %}), broadcasting; see {@link Torch#remainder(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor remainder(Tensor other) {
    return Torch.remainder("Tensor.remainder", this, other);
  }

  /** The remainder of floor division, with the sign of the divisor (Python's {@code %}) with a number; see {@link Torch#remainder(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor remainder(@Shape({"*s"}) Tensor this, double other) {
    return Torch.remainder(this, other);
  }

  /** The remainder of floor division, with the sign of the divisor (Python's {@code %}) with an integer (integer tensors stay integer); see {@link Torch#remainder(Tensor, long)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor remainder(@Shape({"*s"}) Tensor this, long other) {
    return Torch.remainder(this, other);
  }

  /** The larger of the two, broadcasting; see {@link Torch#maximum(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor maximum(Tensor other) {
    return Torch.maximum("Tensor.maximum", this, other);
  }

  /** The smaller of the two, broadcasting; see {@link Torch#minimum(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor minimum(Tensor other) {
    return Torch.minimum("Tensor.minimum", this, other);
  }

  /** {@code this + value * t1 * t2}, broadcasting, as {@code x.addcmul(t1, t2, value=value)}; see {@link Torch#addcmul}. Shape: {@link Rule#BROADCAST3}. */
  @ShapeRule(value = Rule.BROADCAST3, args = {"this", "t1", "t2"})
  public Tensor addcmul(Tensor t1, Tensor t2, double value) {
    return Torch.addcmul("Tensor.addcmul", this, t1, t2, value);
  }

  /** {@code this + value * t1 / t2}, broadcasting, as {@code x.addcdiv(t1, t2, value=value)}; see {@link Torch#addcdiv}. Shape: {@link Rule#BROADCAST3}. */
  @ShapeRule(value = Rule.BROADCAST3, args = {"this", "t1", "t2"})
  public Tensor addcdiv(Tensor t1, Tensor t2, double value) {
    return Torch.addcdiv("Tensor.addcdiv", this, t1, t2, value);
  }

  /** {@code a == b}, as a bool tensor, broadcasting; see {@link Torch#eq(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor eq(Tensor other) {
    return Torch.eq("Tensor.eq", this, other);
  }

  /** {@code a == b}, as a bool tensor with a number; see {@link Torch#eq(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor eq(@Shape({"*s"}) Tensor this, double other) {
    return Torch.eq(this, other);
  }

  /** {@code a != b}, as a bool tensor, broadcasting; see {@link Torch#ne(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor ne(Tensor other) {
    return Torch.ne("Tensor.ne", this, other);
  }

  /** {@code a != b}, as a bool tensor with a number; see {@link Torch#ne(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor ne(@Shape({"*s"}) Tensor this, double other) {
    return Torch.ne(this, other);
  }

  /** {@code a < b}, as a bool tensor, broadcasting; see {@link Torch#lt(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor lt(Tensor other) {
    return Torch.lt("Tensor.lt", this, other);
  }

  /** {@code a < b}, as a bool tensor with a number; see {@link Torch#lt(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor lt(@Shape({"*s"}) Tensor this, double other) {
    return Torch.lt(this, other);
  }

  /** {@code a <= b}, as a bool tensor, broadcasting; see {@link Torch#le(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor le(Tensor other) {
    return Torch.le("Tensor.le", this, other);
  }

  /** {@code a <= b}, as a bool tensor with a number; see {@link Torch#le(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor le(@Shape({"*s"}) Tensor this, double other) {
    return Torch.le(this, other);
  }

  /** {@code a > b}, as a bool tensor, broadcasting; see {@link Torch#gt(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor gt(Tensor other) {
    return Torch.gt("Tensor.gt", this, other);
  }

  /** {@code a > b}, as a bool tensor with a number; see {@link Torch#gt(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor gt(@Shape({"*s"}) Tensor this, double other) {
    return Torch.gt(this, other);
  }

  /** {@code a >= b}, as a bool tensor, broadcasting; see {@link Torch#ge(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor ge(Tensor other) {
    return Torch.ge("Tensor.ge", this, other);
  }

  /** {@code a >= b}, as a bool tensor with a number; see {@link Torch#ge(Tensor, double)}. Shape: {@code [*s] -> [*s]}. */
  public @Shape({"*s"}) Tensor ge(@Shape({"*s"}) Tensor this, double other) {
    return Torch.ge(this, other);
  }

  /** Logical AND (nonzero is true), as a bool tensor, broadcasting; see {@link Torch#logicalAnd(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor logicalAnd(Tensor other) {
    return Torch.logicalAnd("Tensor.logicalAnd", this, other);
  }

  /** Logical OR (nonzero is true), as a bool tensor, broadcasting; see {@link Torch#logicalOr(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor logicalOr(Tensor other) {
    return Torch.logicalOr("Tensor.logicalOr", this, other);
  }

  /** Logical XOR (nonzero is true), as a bool tensor, broadcasting; see {@link Torch#logicalXor(Tensor, Tensor)}. Shape: {@link Rule#BROADCAST}. */
  @ShapeRule(Rule.BROADCAST)
  public Tensor logicalXor(Tensor other) {
    return Torch.logicalXor("Tensor.logicalXor", this, other);
  }

  /** Picks this where {@code condition} is true, {@code other} elsewhere; see {@link Torch#where}. Shape: {@link Rule#BROADCAST3}. */
  @ShapeRule(value = Rule.BROADCAST3, args = {"condition", "this", "other"})
  public Tensor where(Tensor condition, Tensor other) {
    return Torch.where("Tensor.where", condition, this, other);
  }

  /** Replaces values where {@code mask} is true; see {@link Torch#maskedFill}. Shape: {@code mask} broadcasts to this. */
  @ShapeRule(value = Rule.BROADCAST, args = {"this", "mask"})
  public Tensor maskedFill(Tensor mask, double value) {
    return Torch.maskedFill("Tensor.maskedFill", this, mask, value);
  }

  /** The sum of all elements; see {@link Torch#sum(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor sum() {
    return Torch.sum("Tensor.sum", this);
  }

  /** The sum along {@code dim}; see {@link Torch#sum(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor sum(int dim, boolean keepdim) {
    return Torch.sum("Tensor.sum", this, new int[] {dim}, keepdim, true);
  }

  /** The sum along {@code dim}, removing it; see {@link Torch#sum(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor sum(int dim) {
    return Torch.sum("Tensor.sum", this, new int[] {dim}, false, true);
  }

  /** The sum over several dims; see {@link Torch#sum(Tensor, int[], boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"this", "dims", "keepdim"})
  public Tensor sum(int[] dims, boolean keepdim) {
    return Torch.sum("Tensor.sum", this, dims, keepdim, false);
  }

  /** The arithmetic mean (of a floating tensor) of all elements; see {@link Torch#mean(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor mean() {
    return Torch.mean("Tensor.mean", this);
  }

  /** The arithmetic mean (of a floating tensor) along {@code dim}; see {@link Torch#mean(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor mean(int dim, boolean keepdim) {
    return Torch.mean("Tensor.mean", this, new int[] {dim}, keepdim, true);
  }

  /** The arithmetic mean (of a floating tensor) along {@code dim}, removing it; see {@link Torch#mean(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor mean(int dim) {
    return Torch.mean("Tensor.mean", this, new int[] {dim}, false, true);
  }

  /** The arithmetic mean (of a floating tensor) over several dims; see {@link Torch#mean(Tensor, int[], boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"this", "dims", "keepdim"})
  public Tensor mean(int[] dims, boolean keepdim) {
    return Torch.mean("Tensor.mean", this, dims, keepdim, false);
  }

  /** The product of all elements; see {@link Torch#prod(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor prod() {
    return Torch.prod("Tensor.prod", this);
  }

  /** The product along {@code dim}; see {@link Torch#prod(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor prod(int dim, boolean keepdim) {
    return Torch.prod("Tensor.prod", this, dim, keepdim);
  }

  /** The product along {@code dim}, removing it; see {@link Torch#prod(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor prod(int dim) {
    return Torch.prod("Tensor.prod", this, dim, false);
  }

  /** The (int64) index of the largest value of the flattened tensor; see {@link Torch#argmax(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor argmax() {
    return Torch.argmax("Tensor.argmax", this);
  }

  /** The (int64) index of the largest value along {@code dim}; see {@link Torch#argmax(Tensor, int, boolean)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor argmax(int dim, boolean keepdim) {
    return Torch.argmax("Tensor.argmax", this, dim, keepdim);
  }

  /** The (int64) index of the largest value along {@code dim}, removing it; see {@link Torch#argmax(Tensor, int)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor argmax(int dim) {
    return Torch.argmax("Tensor.argmax", this, dim, false);
  }

  /** The (int64) index of the smallest value of the flattened tensor; see {@link Torch#argmin(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor argmin() {
    return Torch.argmin("Tensor.argmin", this);
  }

  /** The (int64) index of the smallest value along {@code dim}; see {@link Torch#argmin(Tensor, int, boolean)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor argmin(int dim, boolean keepdim) {
    return Torch.argmin("Tensor.argmin", this, dim, keepdim);
  }

  /** The (int64) index of the smallest value along {@code dim}, removing it; see {@link Torch#argmin(Tensor, int)}. Shape: {@link Rule#ARG_REDUCE_DIM}. */
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor argmin(int dim) {
    return Torch.argmin("Tensor.argmin", this, dim, false);
  }

  /** {@code log(sum(exp(x)))}, computed stably, along {@code dim}; see {@link Torch#logsumexp(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor logsumexp(int dim, boolean keepdim) {
    return Torch.logsumexp("Tensor.logsumexp", this, dim, keepdim);
  }

  /** {@code log(sum(exp(x)))}, computed stably, along {@code dim}, removing it; see {@link Torch#logsumexp(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor logsumexp(int dim) {
    return Torch.logsumexp("Tensor.logsumexp", this, dim, false);
  }

  /** True if every value is nonzero; a bool tensor: of all elements; see {@link Torch#all(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor all() {
    return Torch.all("Tensor.all", this);
  }

  /** True if every value is nonzero; a bool tensor: along {@code dim}; see {@link Torch#all(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor all(int dim, boolean keepdim) {
    return Torch.all("Tensor.all", this, dim, keepdim);
  }

  /** True if every value is nonzero; a bool tensor: along {@code dim}, removing it; see {@link Torch#all(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor all(int dim) {
    return Torch.all("Tensor.all", this, dim, false);
  }

  /** True if some value is nonzero; a bool tensor: of all elements; see {@link Torch#any(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor any() {
    return Torch.any("Tensor.any", this);
  }

  /** True if some value is nonzero; a bool tensor: along {@code dim}; see {@link Torch#any(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor any(int dim, boolean keepdim) {
    return Torch.any("Tensor.any", this, dim, keepdim);
  }

  /** True if some value is nonzero; a bool tensor: along {@code dim}, removing it; see {@link Torch#any(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public Tensor any(int dim) {
    return Torch.any("Tensor.any", this, dim, false);
  }

  /** The largest value; see {@link Torch#max(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor max() {
    return Torch.max("Tensor.max", this);
  }

  /** The largest values along {@code dim} with indices; see {@link Torch#max(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public ValuesAndIndices max(int dim, boolean keepdim) {
    return Torch.max("Tensor.max", this, dim, keepdim);
  }

  /** The largest values along {@code dim} with indices, removing it; see {@link Torch#max(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public ValuesAndIndices max(int dim) {
    return Torch.max("Tensor.max", this, dim, false);
  }

  /** The smallest value; see {@link Torch#min(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor min() {
    return Torch.min("Tensor.min", this);
  }

  /** The smallest values along {@code dim} with indices; see {@link Torch#min(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public ValuesAndIndices min(int dim, boolean keepdim) {
    return Torch.min("Tensor.min", this, dim, keepdim);
  }

  /** The smallest values along {@code dim} with indices, removing it; see {@link Torch#min(Tensor, int)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"})
  public ValuesAndIndices min(int dim) {
    return Torch.min("Tensor.min", this, dim, false);
  }

  /** Cumulative sums along {@code dim}; see {@link Torch#cumsum}. Shape: unchanged ({@link Rule#ALONG_DIM}). */
  @ShapeRule(Rule.ALONG_DIM)
  public Tensor cumsum(int dim) {
    return Torch.cumsum("Tensor.cumsum", this, dim);
  }

  /** The variance with Bessel's correction; see {@link Torch#var(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor var() {
    return Torch.var("Tensor.var", this, true);
  }

  /** The variance, unbiased or not; see {@link Torch#var(Tensor, boolean)}. Shape: {@code []}. */
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"this"})
  public @Shape({}) Tensor var(boolean unbiased) {
    return Torch.var("Tensor.var", this, unbiased);
  }

  /** The variance along {@code dim}; see {@link Torch#var(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor var(int dim, boolean keepdim) {
    return Torch.var("Tensor.var", this, new int[] {dim}, 1, keepdim, true);
  }

  /** The variance over {@code dims} with a correction; see {@link Torch#var(Tensor, int[], long, boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"this", "dims", "keepdim"})
  public Tensor var(int[] dims, long correction, boolean keepdim) {
    return Torch.var("Tensor.var", this, dims, correction, keepdim, false);
  }

  /** The standard deviation with Bessel's correction; see {@link Torch#std(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor std() {
    return Torch.std("Tensor.std", this, true);
  }

  /** The standard deviation, unbiased or not; see {@link Torch#std(Tensor, boolean)}. Shape: {@code []}. */
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"this"})
  public @Shape({}) Tensor std(boolean unbiased) {
    return Torch.std("Tensor.std", this, unbiased);
  }

  /** The standard deviation along {@code dim}; see {@link Torch#std(Tensor, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor std(int dim, boolean keepdim) {
    return Torch.std("Tensor.std", this, new int[] {dim}, 1, keepdim, true);
  }

  /** The standard deviation over {@code dims} with a correction; see {@link Torch#std(Tensor, int[], long, boolean)}. Shape: {@link Rule#REDUCE_DIMS}. */
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"this", "dims", "keepdim"})
  public Tensor std(int[] dims, long correction, boolean keepdim) {
    return Torch.std("Tensor.std", this, dims, correction, keepdim, false);
  }

  /** The 2-norm of all elements; see {@link Torch#norm(Tensor)}. Shape: {@code []}. */
  @ShapeRule(Rule.REDUCE_ALL)
  public @Shape({}) Tensor norm() {
    return Torch.norm("Tensor.norm", this, 2.0);
  }

  /** The {@code p}-norm of all elements; see {@link Torch#norm(Tensor, double)}. Shape: {@code []}. */
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"this"})
  public @Shape({}) Tensor norm(double p) {
    return Torch.norm("Tensor.norm", this, p);
  }

  /** The {@code p}-norm along {@code dim}; see {@link Torch#norm(Tensor, double, int, boolean)}. Shape: {@link Rule#REDUCE_DIM}. */
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"})
  public Tensor norm(double p, int dim, boolean keepdim) {
    return Torch.norm("Tensor.norm", this, p, dim, keepdim);
  }

  /** The matrix product with PyTorch's 1-D/batched cases; see {@link Torch#matmul}. Shape: {@link Rule#MATMUL}. */
  @ShapeRule(Rule.MATMUL)
  public Tensor matmul(Tensor other) {
    return Torch.matmul("Tensor.matmul", this, other);
  }

  /** The product of two matrices; see {@link Torch#mm}. Shape: {@link Rule#MM}, {@code [M, K] x [K, N] -> [M, N]}. */
  @ShapeRule(Rule.MM)
  public Tensor mm(Tensor other) {
    return Torch.mm("Tensor.mm", this, other);
  }

  /** Batched matrix product; see {@link Torch#bmm}. Shape: {@link Rule#BMM}, {@code [B, N, M] x [B, M, P] -> [B, N, P]}. */
  @ShapeRule(Rule.BMM)
  public Tensor bmm(Tensor other) {
    return Torch.bmm("Tensor.bmm", this, other);
  }

  /** Matrix times vector; see {@link Torch#mv}. Shape: {@link Rule#MV}, {@code [N, M] x [M] -> [N]}. */
  @ShapeRule(Rule.MV)
  public Tensor mv(Tensor vector) {
    return Torch.mv("Tensor.mv", this, vector);
  }

  /** The dot product; see {@link Torch#dot}. Shape: {@link Rule#DOT}, {@code [N] . [N] -> []}. */
  @ShapeRule(Rule.DOT)
  public Tensor dot(Tensor other) {
    return Torch.dot("Tensor.dot", this, other);
  }

  /** The outer product; see {@link Torch#outer}. Shape: {@link Rule#OUTER}, {@code [N] x [M] -> [N, M]}. */
  @ShapeRule(Rule.OUTER)
  public Tensor outer(Tensor other) {
    return Torch.outer("Tensor.outer", this, other);
  }

  // ---------------------------------------------------------------- shape ops

  /** The same values in a new shape (one size may be -1); see {@link Torch#reshape}. Shape: {@link Rule#RESHAPE}. */
  @ShapeRule(Rule.RESHAPE)
  public Tensor reshape(long... shape) {
    return Torch.reshape("Tensor.reshape", this, shape);
  }

  /** A view in a new shape (one size may be -1); see {@link Torch#view}. Shape: {@link Rule#RESHAPE}. */
  @ShapeRule(Rule.RESHAPE)
  public Tensor view(long... shape) {
    return Torch.view("Tensor.view", this, shape);
  }

  /** Merges dims {@code startDim..endDim}; see {@link Torch#flatten(Tensor, int, int)}. Shape: {@link Rule#FLATTEN}. */
  @ShapeRule(Rule.FLATTEN)
  public Tensor flatten(int startDim, int endDim) {
    return Torch.flatten("Tensor.flatten", this, startDim, endDim);
  }

  /** Flattens into one dim; see {@link Torch#flatten(Tensor)}. Shape: {@code [*s] -> [numel]}. */
  @ShapeRule(value = Rule.FLATTEN, args = {"this", "0", "-1"})
  public Tensor flatten() {
    return Torch.flatten("Tensor.flatten", this, 0, -1);
  }

  /** Splits dim {@code dim} into {@code sizes}; see {@link Torch#unflatten}. Shape: {@link Rule#UNFLATTEN}. */
  @ShapeRule(Rule.UNFLATTEN)
  public Tensor unflatten(int dim, long... sizes) {
    return Torch.unflatten("Tensor.unflatten", this, dim, sizes);
  }

  /** Removes every dim of size 1; see {@link Torch#squeeze(Tensor)}. Shape: {@link Rule#SQUEEZE}. */
  @ShapeRule(Rule.SQUEEZE)
  public Tensor squeeze() {
    return Torch.squeeze("Tensor.squeeze", this);
  }

  /** Removes dim {@code dim} if its size is 1; see {@link Torch#squeeze(Tensor, int)}. Shape: {@link Rule#SQUEEZE_DIM}. */
  @ShapeRule(Rule.SQUEEZE_DIM)
  public Tensor squeeze(int dim) {
    return Torch.squeeze("Tensor.squeeze", this, dim);
  }

  /** Inserts a dim of size 1; see {@link Torch#unsqueeze}. Shape: {@link Rule#UNSQUEEZE}. */
  @ShapeRule(Rule.UNSQUEEZE)
  public Tensor unsqueeze(int dim) {
    return Torch.unsqueeze("Tensor.unsqueeze", this, dim);
  }

  /** Swaps two dims; see {@link Torch#transpose}. Shape: {@link Rule#TRANSPOSE}. */
  @ShapeRule(Rule.TRANSPOSE)
  public Tensor transpose(int dim0, int dim1) {
    return Torch.transpose("Tensor.transpose", this, dim0, dim1);
  }

  /** The transpose of a matrix ({@code x.T}); see {@link Torch#t}. Shape: {@link Rule#T}. */
  @ShapeRule(Rule.T)
  public Tensor t() {
    return Torch.t("Tensor.t", this);
  }

  /** Reorders the dims; see {@link Torch#permute}. Shape: {@link Rule#PERMUTE}. */
  @ShapeRule(Rule.PERMUTE)
  public Tensor permute(int... dims) {
    return Torch.permute("Tensor.permute", this, dims);
  }

  /** Expands size-1 dims without copying; see {@link Torch#expand}. Shape: {@link Rule#EXPAND}. */
  @ShapeRule(Rule.EXPAND)
  public Tensor expand(long... sizes) {
    return Torch.expand("Tensor.expand", this, sizes);
  }

  /** Expands to {@code other}'s shape; see {@link Torch#expandAs}. Shape: {@code other}'s. */
  public @Shape({"*t"}) Tensor expandAs(@Shape({"*t"}) Tensor other) {
    return Torch.expand("Tensor.expandAs", this, Natives.nonNull(other, "other").shape());
  }

  /** Tiles the tensor; see {@link Torch#repeat}. Shape: {@link Rule#REPEAT}. */
  @ShapeRule(Rule.REPEAT)
  public Tensor repeat(long... repeats) {
    return Torch.repeat("Tensor.repeat", this, repeats);
  }

  /** Pieces of {@code splitSize} along {@code dim}; see {@link Torch#split}. Shape: {@link Rule#SPLIT}. */
  @ShapeRule(Rule.SPLIT)
  public List<Tensor> split(long splitSize, int dim) {
    return Torch.split("Tensor.split", this, splitSize, dim);
  }

  /** Pieces of the given sizes along {@code dim}; see {@link Torch#split(Tensor, long[], int)}. Shape: {@code dim} in range ({@link Rule#ALONG_DIM}). */
  @ShapeRule(value = Rule.ALONG_DIM, args = {"this", "dim"})
  public List<Tensor> split(long[] sizes, int dim) {
    return Torch.split("Tensor.split", this, sizes, dim);
  }

  /** {@code chunks} nearly equal pieces along {@code dim}; see {@link Torch#chunk}. Shape: {@link Rule#CHUNK}. */
  @ShapeRule(Rule.CHUNK)
  public List<Tensor> chunk(int chunks, int dim) {
    return Torch.chunk("Tensor.chunk", this, chunks, dim);
  }

  /** The slice {@code start..start+length-1} of dim {@code dim}; see {@link Torch#narrow}. Shape: {@link Rule#NARROW}. */
  @ShapeRule(Rule.NARROW)
  public Tensor narrow(int dim, long start, long length) {
    return Torch.narrow("Tensor.narrow", this, dim, start, length);
  }

  /** The slice at {@code index} of dim {@code dim}, removing it; see {@link Torch#select}. Shape: {@link Rule#SELECT}. */
  @ShapeRule(Rule.SELECT)
  public Tensor select(int dim, long index) {
    return Torch.select("Tensor.select", this, dim, index);
  }

  /** Slices of dim {@code dim} at the positions in {@code index}; see {@link Torch#indexSelect}. Shape: {@link Rule#INDEX_SELECT}. */
  @ShapeRule(Rule.INDEX_SELECT)
  public Tensor indexSelect(int dim, Tensor index) {
    return Torch.indexSelect("Tensor.indexSelect", this, dim, index);
  }

  /** Advanced indexing, PyTorch's {@code x[i0, i1]}; see {@link Torch#index}. Shape: unknown to the checker. */
  public @UnknownShape Tensor index(Tensor... indices) {
    return Torch.index("Tensor.index", this, indices);
  }

  /** Values along {@code dim} at the positions in {@code index}; see {@link Torch#gather}. Shape: {@link Rule#GATHER}. */
  @ShapeRule(Rule.GATHER)
  public Tensor gather(int dim, Tensor index) {
    return Torch.gather("Tensor.gather", this, dim, index);
  }

  /** A copy with {@code src} written at {@code index} along {@code dim}; see {@link Torch#scatter}. Shape: {@link Rule#SCATTER}. */
  @ShapeRule(Rule.SCATTER)
  public Tensor scatter(int dim, Tensor index, Tensor src) {
    return Torch.scatter("Tensor.scatter", this, dim, index, src);
  }

  /** A copy with {@code value} written at {@code index} along {@code dim}; see {@link Torch#scatter(Tensor, int, Tensor, double)}. Shape: {@link Rule#SCATTER}. */
  @ShapeRule(value = Rule.SCATTER, args = {"this", "dim", "index", "index"})
  public Tensor scatter(int dim, Tensor index, double value) {
    return Torch.scatter("Tensor.scatter", this, dim, index, value);
  }

  /** Sorted values along {@code dim} with their positions; see {@link Torch#sort}. Shape: unchanged ({@link Rule#ALONG_DIM}). */
  @ShapeRule(value = Rule.ALONG_DIM, args = {"this", "dim"})
  public ValuesAndIndices sort(int dim, boolean descending) {
    return Torch.sort("Tensor.sort", this, dim, descending);
  }

  /** The {@code k} largest (or smallest) values along {@code dim}; see {@link Torch#topk(Tensor, long, int, boolean)}. Shape: dim becomes {@code k} ({@link Rule#NARROW}). */
  @ShapeRule(value = Rule.NARROW, args = {"this", "dim", "0", "k"})
  public ValuesAndIndices topk(long k, int dim, boolean largest) {
    return Torch.topk("Tensor.topk", this, k, dim, largest);
  }

  /** The {@code k} largest values along {@code dim}; see {@link Torch#topk(Tensor, long, int)}. Shape: dim becomes {@code k} ({@link Rule#NARROW}). */
  @ShapeRule(value = Rule.NARROW, args = {"this", "dim", "0", "k"})
  public ValuesAndIndices topk(long k, int dim) {
    return Torch.topk("Tensor.topk", this, k, dim, true);
  }

  /** Softmax along {@code dim}; see {@link Torch#softmax}. Shape: unchanged ({@link Rule#ALONG_DIM}). */
  @ShapeRule(Rule.ALONG_DIM)
  public Tensor softmax(int dim) {
    return Torch.softmax("Tensor.softmax", this, dim);
  }

  /** Log-softmax along {@code dim}; see {@link Torch#logSoftmax}. Shape: unchanged ({@link Rule#ALONG_DIM}). */
  @ShapeRule(Rule.ALONG_DIM)
  public Tensor logSoftmax(int dim) {
    return Torch.logSoftmax("Tensor.logSoftmax", this, dim);
  }

  // ---------------------------------------------------------------- conversions

  /** The values converted to {@code dtype}; see {@link Torch#to(Tensor, DType)}. Shape: unchanged. */
  public @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor this, DType dtype) {
    return Torch.to(this, dtype);
  }

  /** The values on {@code device}; see {@link Torch#to(Tensor, Device)}. Shape: unchanged. */
  public @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor this, Device device) {
    return Torch.to(this, device);
  }

  /** A copy with its own memory; see {@link Torch#clone(Tensor)}. Shape: unchanged. */
  @Override
  public @Shape({"*s"}) Tensor clone(@Shape({"*s"}) Tensor this) {
    return Torch.clone(this);
  }

  /** The values in contiguous memory; see {@link Torch#contiguous}. Shape: unchanged. */
  public @Shape({"*s"}) Tensor contiguous(@Shape({"*s"}) Tensor this) {
    return Torch.contiguous(this);
  }

  /**
   * The values contiguous in {@code format}'s layout; see {@link Torch#contiguous(Tensor,
   * MemoryFormat)}. Shape: unchanged.
   */
  public @Shape({"*s"}) Tensor contiguous(@Shape({"*s"}) Tensor this, MemoryFormat format) {
    return Torch.contiguous(this, format);
  }

  /**
   * The values laid out as {@code format}, as {@code x.to(memory_format=...)}; see {@link
   * Torch#to(Tensor, MemoryFormat)}. Shape: unchanged.
   */
  public @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor this, MemoryFormat format) {
    return Torch.to(this, format);
  }

  /** True if the elements are contiguous in row-major order, as {@code x.is_contiguous()}. */
  public boolean isContiguous() {
    return Torch.isContiguous(this, MemoryFormat.CONTIGUOUS);
  }

  /** True if contiguous in {@code format}'s layout; see {@link Torch#isContiguous}. */
  public boolean isContiguous(MemoryFormat format) {
    return Torch.isContiguous(this, format);
  }

  /** The layout libtorch reads the strides as; see {@link Torch#suggestMemoryFormat}. */
  public MemoryFormat suggestMemoryFormat() {
    return Torch.suggestMemoryFormat(this);
  }

  /** The step in elements along each dimension, as {@code x.stride()}; see {@link Torch#stride}. */
  public long[] stride() {
    return Torch.stride(this);
  }

  // ---------------------------------------------------------------- in place

  /** Adds {@code other} into this, broadcasting it, as {@code x.add_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  public Tensor add_(Tensor other) {
    return InPlaceOps.binary("Tensor.add_", this, other, 0);
  }

  /** Adds {@code alpha * other} into this, as {@code x.add_(other, alpha=alpha)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(value = Rule.BROADCAST_INPLACE, args = {"this", "other"})
  public Tensor add_(Tensor other, double alpha) {
    return InPlaceOps.addScaled("Tensor.add_", this, other, alpha);
  }

  /** Adds a number into every element, as {@code x.add_(value)}. Shape: unchanged. */
  public Tensor add_(double value) {
    return InPlaceOps.scalar("Tensor.add_", this, value, 0);
  }

  /**
   * Adds {@code value * t1 * t2} into this in one pass, as {@code x.addcmul_(t1, t2,
   * value=value)} (the optimizers' {@code exp_avg_sq.addcmul_(g, g, value=1-beta2)}).
   *
   * <p>Shape: {@link Rule#BROADCAST3_INPLACE}: {@code t1} and {@code t2} each broadcast to this
   * shape, which is kept.
   */
  @ShapeRule(value = Rule.BROADCAST3_INPLACE, args = {"this", "t1", "t2"})
  public Tensor addcmul_(Tensor t1, Tensor t2, double value) {
    return InPlaceOps.addc("Tensor.addcmul_", this, t1, t2, value, true);
  }

  /**
   * Adds {@code value * t1 / t2} into this in one pass, as {@code x.addcdiv_(t1, t2,
   * value=value)} (Adam's {@code param.addcdiv_(exp_avg, denom, value=-step_size)}).
   *
   * <p>Shape: {@link Rule#BROADCAST3_INPLACE}: {@code t1} and {@code t2} each broadcast to this
   * shape, which is kept.
   */
  @ShapeRule(value = Rule.BROADCAST3_INPLACE, args = {"this", "t1", "t2"})
  public Tensor addcdiv_(Tensor t1, Tensor t2, double value) {
    return InPlaceOps.addc("Tensor.addcdiv_", this, t1, t2, value, false);
  }

  /** Subtracts {@code other} from this, as {@code x.sub_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  public Tensor sub_(Tensor other) {
    return InPlaceOps.binary("Tensor.sub_", this, other, 1);
  }

  /** Subtracts a number from every element, as {@code x.sub_(value)}. Shape: unchanged. */
  public Tensor sub_(double value) {
    return InPlaceOps.scalar("Tensor.sub_", this, value, 1);
  }

  /** Multiplies this by {@code other}, as {@code x.mul_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  public Tensor mul_(Tensor other) {
    return InPlaceOps.binary("Tensor.mul_", this, other, 2);
  }

  /** Multiplies every element by a number, as {@code x.mul_(value)}. Shape: unchanged. */
  public Tensor mul_(double value) {
    return InPlaceOps.scalar("Tensor.mul_", this, value, 2);
  }

  /** Divides this by {@code other} (a floating tensor), as {@code x.div_(other)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code other} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  public Tensor div_(Tensor other) {
    return InPlaceOps.binary("Tensor.div_", this, other, 3);
  }

  /** Divides every element by a number, as {@code x.div_(value)}. Shape: unchanged. */
  public Tensor div_(double value) {
    return InPlaceOps.scalar("Tensor.div_", this, value, 3);
  }

  /** Raises every element to a power, as {@code x.pow_(exponent)}. Shape: unchanged. */
  public Tensor pow_(double exponent) {
    return InPlaceOps.scalar("Tensor.pow_", this, exponent, 4);
  }

  /** Sets every element to {@code value}, as {@code x.fill_(value)}. Shape: unchanged. */
  public Tensor fill_(double value) {
    return InPlaceOps.scalar("Tensor.fill_", this, value, 5);
  }

  /** Sets every element to zero, as {@code x.zero_()}. Shape: unchanged. */
  public Tensor zero_() {
    return InPlaceOps.unary("Tensor.zero_", this, 0);
  }

  /** Copies {@code src}'s values (converted, broadcast) into this, as {@code x.copy_(src)}. Shape: {@link Rule#BROADCAST_INPLACE} ({@code src} broadcasts to this shape). */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  public Tensor copy_(Tensor src) {
    return InPlaceOps.binary("Tensor.copy_", this, src, 4);
  }

  /** Negates in place, as {@code x.neg_()}. Shape: unchanged. */
  public Tensor neg_() {
    return InPlaceOps.unary("Tensor.neg_", this, 1);
  }

  /** Absolute value in place, as {@code x.abs_()}. Shape: unchanged. */
  public Tensor abs_() {
    return InPlaceOps.unary("Tensor.abs_", this, 2);
  }

  /** {@code e^x} in place, as {@code x.exp_()}. Shape: unchanged. */
  public Tensor exp_() {
    return InPlaceOps.unary("Tensor.exp_", this, 3);
  }

  /** Square root in place, as {@code x.sqrt_()}. Shape: unchanged. */
  public Tensor sqrt_() {
    return InPlaceOps.unary("Tensor.sqrt_", this, 4);
  }

  /** ReLU in place, as {@code x.relu_()}. Shape: unchanged. */
  public Tensor relu_() {
    return InPlaceOps.unary("Tensor.relu_", this, 5);
  }

  /** Sigmoid in place, as {@code x.sigmoid_()}. Shape: unchanged. */
  public Tensor sigmoid_() {
    return InPlaceOps.unary("Tensor.sigmoid_", this, 6);
  }

  /** Clamps into {@code [min, max]} in place, as {@code x.clamp_(min, max)}. Shape: unchanged. */
  public Tensor clamp_(double min, double max) {
    return InPlaceOps.clamp("Tensor.clamp_", this, min, max);
  }

  /** Fills with normal random values, as {@code x.normal_(mean, std)}. Shape: unchanged. */
  public Tensor normal_(double mean, double std) {
    return InPlaceOps.random("Tensor.normal_", this, mean, std, true);
  }

  /** Fills with uniform random values in {@code [from, to)}, as {@code x.uniform_(from, to)}. Shape: unchanged. */
  public Tensor uniform_(double from, double to) {
    return InPlaceOps.random("Tensor.uniform_", this, from, to, false);
  }
}
