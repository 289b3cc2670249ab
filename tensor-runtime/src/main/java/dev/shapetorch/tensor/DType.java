package dev.shapetorch.tensor;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The element type of a tensor, as PyTorch's {@code torch.dtype}.
 *
 * <p>{@link #FLOAT32} is the default floating type and {@link #INT64} the default integer type,
 * as in PyTorch: {@code Torch.zeros(3)} is {@code FLOAT32}, {@code Torch.arange(3)} is {@code
 * INT64}.
 */
public enum DType {
  /** 32-bit float, {@code torch.float32}. */
  FLOAT32("torch.float32", ScalarType.Float, true, 4),
  /** 64-bit float, {@code torch.float64}. */
  FLOAT64("torch.float64", ScalarType.Double, true, 8),
  /** 16-bit IEEE half, {@code torch.float16}. */
  FLOAT16("torch.float16", ScalarType.Half, true, 2),
  /** 16-bit brain float, {@code torch.bfloat16}. */
  BFLOAT16("torch.bfloat16", ScalarType.BFloat16, true, 2),
  /** 64-bit signed integer, {@code torch.int64}. */
  INT64("torch.int64", ScalarType.Long, false, 8),
  /** 32-bit signed integer, {@code torch.int32}. */
  INT32("torch.int32", ScalarType.Int, false, 4),
  /** 16-bit signed integer, {@code torch.int16}. */
  INT16("torch.int16", ScalarType.Short, false, 2),
  /** 8-bit signed integer, {@code torch.int8}. */
  INT8("torch.int8", ScalarType.Char, false, 1),
  /** 8-bit unsigned integer, {@code torch.uint8}. */
  UINT8("torch.uint8", ScalarType.Byte, false, 1),
  /** Boolean, {@code torch.bool}. */
  BOOL("torch.bool", ScalarType.Bool, false, 1);

  private static final DType[] BY_SCALAR_TYPE = new DType[64];

  static {
    for (DType d : values()) {
      BY_SCALAR_TYPE[d.scalarType.value] = d;
    }
  }

  private final String pytorchName;
  private final ScalarType scalarType;
  private final boolean floatingPoint;
  private final int itemSize;

  DType(String pytorchName, ScalarType scalarType, boolean floatingPoint, int itemSize) {
    this.pytorchName = pytorchName;
    this.scalarType = scalarType;
    this.floatingPoint = floatingPoint;
    this.itemSize = itemSize;
  }

  /** True for the floating types (the ones that can require gradients). */
  public boolean isFloatingPoint() {
    return floatingPoint;
  }

  /** The size of one element in bytes. */
  public int itemSize() {
    return itemSize;
  }

  /** PyTorch's name, e.g. {@code torch.float32}. */
  public String pytorchName() {
    return pytorchName;
  }

  /** The libtorch scalar type. */
  ScalarType scalarType() {
    return scalarType;
  }

  /**
   * The dtype of a libtorch scalar type.
   *
   * @throws IllegalArgumentException for types ShapeTorch does not support (complex, quantized)
   */
  static DType of(ScalarType type) {
    DType d = type.value >= 0 && type.value < BY_SCALAR_TYPE.length ? BY_SCALAR_TYPE[type.value] : null;
    if (d == null) {
      throw new IllegalArgumentException(
          "ShapeTorch does not support libtorch's scalar type " + type
              + "; convert the tensor (unwrap().to(...)) to one of " + java.util.Arrays.toString(values()));
    }
    return d;
  }

  /** PyTorch's name, e.g. {@code torch.float32}. */
  @Override
  public String toString() {
    return pytorchName;
  }
}
