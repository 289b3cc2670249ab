package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Tensors from Java values ({@code torch.tensor}, {@code torch.from_numpy}'s Java counterpart),
 * from raw bytes ({@code torch.frombuffer}) and the {@code *Like} factories. Part of the {@link Torch} chain: call them as {@code
 * Torch.fromArray(data, 2, 3)}.
 *
 * <p>Shape: {@code fromArray} and {@code frombuffer} make exactly the given sizes ({@link Rule#SIZES}) and checks that
 * the data fills them; the {@code *Like} factories keep their argument's shape.
 */
final class ArrayFactories {

  private ArrayFactories() {}

  /**
   * A tensor of {@code dtype} read from raw bytes: a copy of all of {@code data}, as little-endian
   * row-major elements of {@code dtype.itemSize()} bytes each, in this shape; as {@code
   * torch.frombuffer(data, dtype=dtype).view(shape)}, for file formats that store tensors as bytes
   * (safetensors, IDX, CIFAR's batches) and for every {@link DType}, those Java has no array for
   * (uint8, float16, bfloat16) included. {@link Tensor#toBytes()} is the way back.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if a size is negative or {@code data.length} is not the
   *     shape's element count times the item size
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor frombuffer(byte[] data, DType dtype, long... shape) {
    return TensorData.fromBytes(
        "Torch.frombuffer", Arguments.requireNonNull(data, "data"), 0, data.length, dtype, shape);
  }

  /**
   * A tensor of {@code dtype} read from {@code length} raw bytes of {@code data} starting at
   * {@code offset}, as little-endian row-major elements, in this shape; as {@code
   * torch.frombuffer(data, dtype=dtype, offset=offset, count=length / itemsize).view(shape)}. The
   * bytes are copied.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if a size is negative, the range lies outside {@code data},
   *     or {@code length} is not the shape's element count times the item size
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static Tensor frombuffer(
      byte[] data, int offset, int length, DType dtype, long... shape) {
    return TensorData.fromBytes("Torch.frombuffer", data, offset, length, dtype, shape);
  }

  /**
   * A float32 tensor holding a copy of {@code data} (row-major) in this shape.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if {@code data.length} is not the product of the sizes
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static Tensor fromArray(float[] data, long... shape) {
    return TensorData.fromArray("Torch.fromArray", Arguments.requireNonNull(data, "data"), data.length, DType.FLOAT32, shape);
  }

  /**
   * A float64 tensor holding a copy of {@code data} (row-major) in this shape.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if {@code data.length} is not the product of the sizes
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  static @ScalarType("float64") Tensor fromArray(double[] data, long... shape) {
    return TensorData.fromArray("Torch.fromArray", Arguments.requireNonNull(data, "data"), data.length, DType.FLOAT64, shape);
  }

  /**
   * An int64 tensor holding a copy of {@code data} (row-major) in this shape.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if {@code data.length} is not the product of the sizes
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor fromArray(long[] data, long... shape) {
    return TensorData.fromArray("Torch.fromArray", Arguments.requireNonNull(data, "data"), data.length, DType.INT64, shape);
  }

  /**
   * An int32 tensor holding a copy of {@code data} (row-major) in this shape.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if {@code data.length} is not the product of the sizes
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  static @ScalarType("int32") Tensor fromArray(int[] data, long... shape) {
    return TensorData.fromArray("Torch.fromArray", Arguments.requireNonNull(data, "data"), data.length, DType.INT32, shape);
  }

  /**
   * A bool tensor holding a copy of {@code data} (row-major) in this shape.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if {@code data.length} is not the product of the sizes
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.SIZES, args = {"shape"})
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor fromArray(boolean[] data, long... shape) {
    return TensorData.fromArray("Torch.fromArray", Arguments.requireNonNull(data, "data"), data.length, DType.BOOL, shape);
  }

  /**
   * A 1-D float32 tensor of these values, as {@code torch.tensor([1., 2.])}.
   *
   * <p>Shape: {@code [values.length]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({"_"}) Tensor tensor(float... values) {
    Arguments.requireNonNull(values, "values");
    return TensorData.fromArray("Torch.tensor", values, values.length, DType.FLOAT32, new long[] {values.length});
  }

  /**
   * A 1-D float32 tensor of these values (PyTorch's default dtype, as {@code torch.tensor([1.0,
   * 2.0])}); use {@link #fromArray(double[], long...)} to keep float64.
   *
   * <p>Shape: {@code [values.length]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({"_"}) Tensor tensor(double... values) {
    Arguments.requireNonNull(values, "values");
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return tensor(f);
  }

  /**
   * A 1-D int64 tensor of these values, as {@code torch.tensor([1, 2])}.
   *
   * <p>Shape: {@code [values.length]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({"_"}) Tensor tensor(long... values) {
    Arguments.requireNonNull(values, "values");
    return TensorData.fromArray("Torch.tensor", values, values.length, DType.INT64, new long[] {values.length});
  }

  /**
   * A 1-D bool tensor of these values, as {@code torch.tensor([True, False])}.
   *
   * <p>Shape: {@code [values.length]}; unknown to the checker.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"_"}) Tensor tensor(boolean... values) {
    Arguments.requireNonNull(values, "values");
    return TensorData.fromArray("Torch.tensor", values, values.length, DType.BOOL, new long[] {values.length});
  }

  /**
   * A 0-d float32 tensor, as {@code torch.tensor(1.5)}.
   *
   * <p>Shape: {@code []}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.DEFAULT_FLOAT)
  static @Shape({}) Tensor scalarTensor(double value) {
    return scalarTensor(value, DType.FLOAT32);
  }

  /**
   * A 0-d tensor of this dtype.
   *
   * <p>Shape: {@code []}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static @Shape({}) Tensor scalarTensor(double value, DType dtype) {
    return Factories.make("Torch.scalarTensor", new long[0], dtype, Device.CPU, 5, value);
  }

  /**
   * A 0-d int64 tensor, as {@code torch.tensor(3)}.
   *
   * <p>Shape: {@code []}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({}) Tensor scalarTensor(long value) {
    return Factories.full(new long[0], value);
  }

  /**
   * A 0-d bool tensor, as {@code torch.tensor(True)}.
   *
   * <p>Shape: {@code []}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({}) Tensor scalarTensor(boolean value) {
    return Factories.make("Torch.scalarTensor", new long[0], DType.BOOL, Device.CPU, 5, value ? 1 : 0);
  }

  private static Tensor like(String op, Tensor t, int kind, double value) {
    org.bytedeco.pytorch.Tensor h = Natives.h(t, "t");
    if (kind == 3 || kind == 4) {
      DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, op, "t", t);
    }
    try {
      switch (kind) {
        case 0:
          return Tensor.wrap(torch.zeros_like(h));
        case 1:
          return Tensor.wrap(torch.ones_like(h));
        case 2:
          return Tensor.wrap(torch.empty_like(h));
        case 3:
          return Tensor.wrap(torch.rand_like(h));
        case 4:
          return Tensor.wrap(torch.randn_like(h));
        default:
          try (Scalar s = t.dtype().isFloatingPoint() ? Natives.scalar(value) : Natives.scalar((long) value)) {
            return Tensor.wrap(torch.full_like(h, s));
          }
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, t);
    }
  }

  /**
   * Zeros with the shape, dtype and device of {@code t}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  static @Shape({"*s"}) Tensor zerosLike(@Shape({"*s"}) Tensor t) {
    return like("Torch.zerosLike", t, 0, 0);
  }

  /**
   * Ones with the shape, dtype and device of {@code t}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  static @Shape({"*s"}) Tensor onesLike(@Shape({"*s"}) Tensor t) {
    return like("Torch.onesLike", t, 1, 0);
  }

  /**
   * Uninitialised values with the shape, dtype and device of {@code t}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  static @Shape({"*s"}) Tensor emptyLike(@Shape({"*s"}) Tensor t) {
    return like("Torch.emptyLike", t, 2, 0);
  }

  /**
   * {@code value} with the shape, dtype and device of {@code t}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  static @Shape({"*s"}) Tensor fullLike(@Shape({"*s"}) Tensor t, double value) {
    return like("Torch.fullLike", t, 5, value);
  }

  /**
   * Uniform random values in {@code [0, 1)} like {@code t} (a floating tensor).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"t"})
  static @Shape({"*s"}) Tensor randLike(@Shape({"*s"}) Tensor t) {
    return like("Torch.randLike", t, 3, 0);
  }

  /**
   * Standard normal values like {@code t} (a floating tensor).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"t"})
  static @Shape({"*s"}) Tensor randnLike(@Shape({"*s"}) Tensor t) {
    return like("Torch.randnLike", t, 4, 0);
  }

  /**
   * Uniform random integers in {@code [low, high)} with the shape, dtype and device of {@code t}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.FUNCTION)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"t"})
  static @Shape({"*s"}) Tensor randintLike(@Shape({"*s"}) Tensor t, long low, long high) {
    if (low >= high) {
      throw new IllegalArgumentException(
          UserCall.attribute("Torch.randintLike") + ": low (" + low + ") must be less than high (" + high + ")");
    }
    try {
      return Tensor.wrap(torch.randint_like(t.h(), low, high));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.randintLike", e, t);
    }
  }
}
