package dev.shapetorch.tensor.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.shapetorch.tensor.DType;
import java.util.Arrays;
import java.util.Locale;

/**
 * One tensor of a golden fixture: its shape, its dtype and its values flattened in row-major order.
 * Non-finite floats are the strings {@code "nan"}, {@code "inf"} and {@code "-inf"}.
 *
 * @param shape the sizes ({@code []} for a 0-d tensor)
 * @param dtype the dtype
 * @param values the values as written in the fixture
 */
record GoldenTensor(long[] shape, DType dtype, JsonArray values) {

  /** Reads {@code {"shape": [...], "dtype": "float64", "values": [...]}}. */
  static GoldenTensor fromJson(JsonObject json) {
    JsonArray dims = json.getAsJsonArray("shape");
    long[] shape = new long[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i).getAsLong();
    }
    GoldenTensor t =
        new GoldenTensor(
            shape, dtypeOf(json.get("dtype").getAsString()), json.getAsJsonArray("values"));
    long numel = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    if (numel != t.values.size()) {
      throw new IllegalArgumentException(
          "fixture tensor of shape "
              + Arrays.toString(shape)
              + " has "
              + t.values.size()
              + " values");
    }
    return t;
  }

  /** The {@link DType} that PyTorch's dtype name denotes ({@code "float64"} is FLOAT64). */
  static DType dtypeOf(String pytorchName) {
    return DType.valueOf(pytorchName.toUpperCase(Locale.ROOT));
  }

  /** True for the floating-point dtypes. */
  boolean isFloating() {
    return dtype == DType.FLOAT64
        || dtype == DType.FLOAT32
        || dtype == DType.FLOAT16
        || dtype == DType.BFLOAT16;
  }

  /** The number of elements. */
  int numel() {
    return values.size();
  }

  /** The values as doubles (floating and integer dtypes). */
  double[] doubles() {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toDouble(values.get(i));
    }
    return out;
  }

  /** The values as floats (for float32 inputs, exact since the fixture wrote float32 values). */
  float[] floats() {
    double[] d = doubles();
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }

  /** The values as longs (integer dtypes). */
  long[] longs() {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).getAsLong();
    }
    return out;
  }

  /** The values as ints (int32 and narrower dtypes). */
  int[] ints() {
    return Arrays.stream(longs()).mapToInt(Math::toIntExact).toArray();
  }

  /** The values as booleans (bool dtype). */
  boolean[] booleans() {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).getAsBoolean();
    }
    return out;
  }

  private static double toDouble(JsonElement e) {
    if (e.getAsJsonPrimitive().isString()) {
      switch (e.getAsString()) {
        case "nan":
          return Double.NaN;
        case "inf":
          return Double.POSITIVE_INFINITY;
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          throw new IllegalArgumentException("not a number in a fixture: " + e);
      }
    }
    return e.getAsDouble();
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }
}
