package dev.shapetorch.tensor;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.MemoryChecks;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.FactoryRules;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * Tensor factories ({@code torch.zeros}, {@code torch.arange}, {@code torch.rand}, ...) and
 * copies of Java arrays. The root of the {@link Torch} chain: call them as {@code Torch.zeros(3,
 * 4)}.
 *
 * <p>Default dtypes follow PyTorch: floating factories make {@link DType#FLOAT32}, integer ones
 * {@link DType#INT64}. Every factory makes a CPU tensor unless it takes a {@link Device}. Shape:
 * each factory's result has exactly the sizes it is given ({@link Rule#SIZES}); negative sizes
 * raise {@link ShapeException}.
 */
final class Factories {

  static {
    NativeLibrary.ensureLoaded();
  }

  private Factories() {}

  static Tensor make(String op, long[] shape, DType dtype, Device device, int kind, double value) {
    if (dtype == null) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": dtype is null; pass a DType such as DType.FLOAT32");
    }
    if (device == null) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": device is null; pass Device.CPU or a CUDA device");
    }
    MemoryLimit.require(op, "the result", shape, dtype);
    TensorOptions o = Natives.options(dtype, device);
    try {
      switch (kind) {
        case 0:
          return Tensor.wrap(torch.zeros(shape, o));
        case 1:
          return Tensor.wrap(torch.ones(shape, o));
        case 2:
          return Tensor.wrap(torch.empty(shape, o, Natives.NO_MEMORY_FORMAT));
        case 3:
          return Tensor.wrap(torch.rand(shape, o));
        case 4:
          return Tensor.wrap(torch.randn(shape, o));
        default:
          try (Scalar s = dtype.isFloatingPoint() ? Natives.scalar(value) : Natives.scalar((long) value)) {
            return Tensor.wrap(torch.full(shape, s, o));
          }
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e);
    } finally {
      Natives.release(o);
    }
  }

  /**
   * A float32 tensor of zeros, as {@code torch.zeros(*size)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.SIZES)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor zeros(long... shape) {
    return make("Torch.zeros", shape, DType.FLOAT32, Device.CPU, 0, 0);
  }

  /**
   * Zeros of this dtype.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor zeros(long[] shape, DType dtype) {
    return make("Torch.zeros", shape, dtype, Device.CPU, 0, 0);
  }

  /**
   * Zeros of this dtype on this device.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor zeros(long[] shape, DType dtype, Device device) {
    return make("Torch.zeros", shape, dtype, device, 0, 0);
  }

  /**
   * A float32 tensor of ones, as {@code torch.ones(*size)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.SIZES)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor ones(long... shape) {
    return make("Torch.ones", shape, DType.FLOAT32, Device.CPU, 1, 0);
  }

  /**
   * Ones of this dtype.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor ones(long[] shape, DType dtype) {
    return make("Torch.ones", shape, dtype, Device.CPU, 1, 0);
  }

  /**
   * Ones of this dtype on this device.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor ones(long[] shape, DType dtype, Device device) {
    return make("Torch.ones", shape, dtype, device, 1, 0);
  }

  /**
   * An uninitialised float32 tensor, as {@code torch.empty(*size)}: its values are arbitrary.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.SIZES)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor empty(long... shape) {
    return make("Torch.empty", shape, DType.FLOAT32, Device.CPU, 2, 0);
  }

  /**
   * An uninitialised tensor of this dtype.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor empty(long[] shape, DType dtype) {
    return make("Torch.empty", shape, dtype, Device.CPU, 2, 0);
  }

  /**
   * An uninitialised tensor of this dtype on this device.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor empty(long[] shape, DType dtype, Device device) {
    return make("Torch.empty", shape, dtype, device, 2, 0);
  }

  /**
   * A float32 tensor filled with {@code value}, as {@code torch.full(size, 7.0)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor full(long[] shape, double value) {
    return make("Torch.full", shape, DType.FLOAT32, Device.CPU, 5, value);
  }

  /**
   * An int64 tensor filled with {@code value}, as {@code torch.full(size, 7)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor full(long[] shape, long value) {
    try (Scalar s = Natives.scalar(value)) {
      return Tensor.wrap(torch.full(shape, s, Natives.options(DType.INT64)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.full", e);
    }
  }

  /**
   * A tensor of this dtype filled with {@code value} (converted to the dtype).
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor full(long[] shape, double value, DType dtype) {
    return make("Torch.full", shape, dtype, Device.CPU, 5, value);
  }

  /**
   * A tensor of this dtype on this device filled with {@code value}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor full(long[] shape, double value, DType dtype, Device device) {
    return make("Torch.full", shape, dtype, device, 5, value);
  }

  /**
   * Uniform random float32 values in {@code [0, 1)}, as {@code torch.rand(*size)}; see {@link
   * #manualSeed(long)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.SIZES)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor rand(long... shape) {
    return make("Torch.rand", shape, DType.FLOAT32, Device.CPU, 3, 0);
  }

  /**
   * Uniform random values in {@code [0, 1)} of a floating dtype.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor rand(long[] shape, DType dtype) {
    return make("Torch.rand", shape, dtype, Device.CPU, 3, 0);
  }

  /**
   * Uniform random values in {@code [0, 1)} of a floating dtype on this device.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor rand(long[] shape, DType dtype, Device device) {
    return make("Torch.rand", shape, dtype, device, 3, 0);
  }

  /**
   * Standard normal float32 values, as {@code torch.randn(*size)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.SIZES)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor randn(long... shape) {
    return make("Torch.randn", shape, DType.FLOAT32, Device.CPU, 4, 0);
  }

  /**
   * Standard normal values of a floating dtype.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor randn(long[] shape, DType dtype) {
    return make("Torch.randn", shape, dtype, Device.CPU, 4, 0);
  }

  /**
   * Standard normal values of a floating dtype on this device.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor randn(long[] shape, DType dtype, Device device) {
    return make("Torch.randn", shape, dtype, device, 4, 0);
  }

  /**
   * Uniform random int64 values in {@code [low, high)}, as {@code torch.randint(low, high,
   * size)}.
   *
   * <p>Shape: {@code shape}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor randint(long low, long high, long... shape) {
    if (low >= high) {
      throw new IllegalArgumentException(
          UserCall.attribute("Torch.randint") + ": low (" + low + ") must be less than high (" + high + ")");
    }
    try {
      return Tensor.wrap(torch.randint(low, high, shape, Natives.options(DType.INT64)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.randint", e);
    }
  }

  /** Seeds libtorch's default random generator, as {@code torch.manual_seed(seed)}. */
  @Variants(Variant.FUNCTION)
  static void manualSeed(long seed) {
    torch.manual_seed(seed);
  }

  /**
   * {@code 0, 1, ..., end-1} as int64, as {@code torch.arange(end)}.
   *
   * <p>Shape: {@code [end]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({"end"}) Tensor arange(@Dim long end) {
    return arange(0, end, 1);
  }

  /**
   * {@code start, ..., end-1} as int64.
   *
   * <p>Shape: {@code [end-start]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({"end-start"}) Tensor arange(@Dim long start, @Dim long end) {
    return arange(start, end, 1);
  }

  /**
   * {@code start, start+step, ...} up to but excluding {@code end}, as int64.
   *
   * <p>Shape: {@code [ceil((end-start)/step)]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor arange(long start, long end, long step) {
    if (step == 0) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.arange") + ": step must not be 0");
    }
    checkRange(start, end, step, DType.INT64);
    try (Scalar a = Natives.scalar(start); Scalar b = Natives.scalar(end); Scalar c = Natives.scalar(step)) {
      return Tensor.wrap(torch.arange(a, b, c, Natives.options(DType.INT64)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.arange", e);
    }
  }

  /**
   * {@code start, start+step, ...} up to but excluding {@code end}, as float32, as {@code
   * torch.arange(0.0, 1.0, 0.25)}.
   *
   * <p>Shape: {@code [ceil((end-start)/step)]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor arange(double start, double end, double step) {
    return arange(start, end, step, DType.FLOAT32);
  }

  /**
   * {@code start, start+step, ...} up to but excluding {@code end}, of this dtype.
   *
   * <p>Shape: {@code [ceil((end-start)/step)]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor arange(double start, double end, double step, DType dtype) {
    if (step == 0 || Double.isNaN(step)) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.arange") + ": step must be a nonzero number, got " + step);
    }
    if (dtype == null) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.arange") + ": dtype is null; pass a DType");
    }
    if (!dtype.isFloatingPoint() && (long) step == 0) {
      // libtorch casts the step to the integer type first and then divides by it (SIGFPE).
      throw new IllegalArgumentException(UserCall.attribute("Torch.arange") + ": step " + step + " truncates to 0 in "
          + dtype + "; use a step of magnitude at least 1, or a floating-point dtype");
    }
    checkRange(start, end, step, dtype);
    try (Scalar a = Natives.scalar(start); Scalar b = Natives.scalar(end); Scalar c = Natives.scalar(step)) {
      return Tensor.wrap(torch.arange(a, b, c, Natives.options(dtype)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.arange", e);
    }
  }

  /** Refuses a range whose number of elements cannot be allocated (or overflows a long). */
  private static void checkRange(double start, double end, double step, DType dtype) {
    double count = Math.ceil((end - start) / step);
    if (count > 0 && Double.isFinite(count)
        && count * dtype.itemSize() > MemoryLimit.bytes()) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.arange") + ": " + start + " to " + end + " by " + step
          + " has " + String.format("%.4g", count) + " elements of " + dtype + ", more than this"
          + " machine's " + MemoryLimit.bytes() + " bytes of memory and swap can hold");
    }
  }

  /**
   * {@code steps} float32 values evenly spaced from {@code start} to {@code end} inclusive, as
   * {@code torch.linspace}.
   *
   * <p>Shape: {@code [steps]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({"steps"}) Tensor linspace(double start, double end, @Dim long steps) {
    return linspace(start, end, steps, DType.FLOAT32);
  }

  /**
   * {@code steps} values of this dtype evenly spaced from {@code start} to {@code end}.
   *
   * <p>Shape: {@code [steps]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static @Shape({"steps"}) Tensor linspace(double start, double end, @Dim long steps, DType dtype) {
    if (steps < 0) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.linspace") + ": steps must be >= 0, got " + steps);
    }
    if (dtype == null) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.linspace") + ": dtype is null; pass a DType");
    }
    MemoryLimit.require("Torch.linspace", "the result", new long[] {steps}, dtype);
    try (Scalar a = Natives.scalar(start); Scalar b = Natives.scalar(end)) {
      return Tensor.wrap(torch.linspace(a, b, steps, Natives.options(dtype)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.linspace", e);
    }
  }

  /**
   * {@code steps} float32 values {@code base^t} for {@code t} evenly spaced from {@code start} to
   * {@code end} inclusive, as {@code torch.logspace(start, end, steps, base)}.
   *
   * <p>Shape: {@code [steps]}.
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"steps"}) Tensor logspace(double start, double end, @Dim long steps,
      double base) {
    if (steps < 0) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.logspace")
          + ": steps must be >= 0, got " + steps);
    }
    MemoryLimit.require("Torch.logspace", "the result", new long[] {steps}, DType.FLOAT32);
    try (Scalar a = Natives.scalar(start); Scalar b = Natives.scalar(end)) {
      return Tensor.wrap(torch.logspace(a, b, steps, base, Natives.options(DType.FLOAT32)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.logspace", e);
    }
  }

  /**
   * {@link #logspace(double, double, long, double)} with base 10, as {@code
   * torch.logspace(start, end, steps)}.
   *
   * <p>Shape: {@code [steps]}.
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"steps"}) Tensor logspace(double start, double end, @Dim long steps) {
    return logspace(start, end, steps, 10.0);
  }

  /**
   * The float32 identity matrix, as {@code torch.eye(n)}.
   *
   * <p>Shape: {@code [n, n]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({"n", "n"}) Tensor eye(@Dim long n) {
    return eye(n, n, DType.FLOAT32);
  }

  /**
   * A float32 matrix with ones on the diagonal, as {@code torch.eye(n, m)}.
   *
   * <p>Shape: {@code [n, m]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({"n", "m"}) Tensor eye(@Dim long n, @Dim long m) {
    return eye(n, m, DType.FLOAT32);
  }

  /**
   * A matrix of this dtype with ones on the diagonal.
   *
   * <p>Shape: {@code [n, m]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static @Shape({"n", "m"}) Tensor eye(@Dim long n, @Dim long m, DType dtype) {
    MemoryChecks.check("Torch.eye", Guard.require(FactoryRules.sizes("Torch.eye", n, m)), 1);
    try {
      return Tensor.wrap(torch.eye(n, m, Natives.options(dtype)));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.eye", e);
    }
  }
}
