package dev.shapetorch.tensor.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * One case of a golden fixture: an op, its tensor inputs and other arguments, and what PyTorch
 * returned.
 *
 * @param id the case's name, unique in its family (shown as the test's name)
 * @param op what the family's test class calls for it
 * @param inputs the tensor inputs, in the op's argument order
 * @param args the op's other arguments by name
 * @param expected the results: one tensor, or several for ops returning a tuple or a list
 */
record GoldenCase(
    String id, String op, List<GoldenTensor> inputs, JsonObject args, List<GoldenTensor> expected) {

  /** Reads one case of a fixture's {@code cases} array. */
  static GoldenCase fromJson(JsonObject json) {
    return new GoldenCase(
        json.get("id").getAsString(),
        json.get("op").getAsString(),
        tensors(json.getAsJsonArray("inputs")),
        json.getAsJsonObject("args"),
        tensors(json.getAsJsonArray("expected")));
  }

  private static List<GoldenTensor> tensors(JsonArray array) {
    return array.asList().stream().map(e -> GoldenTensor.fromJson(e.getAsJsonObject())).toList();
  }

  /** Input {@code i} as a new tensor with the recorded shape, dtype and values. */
  Tensor input(int i) {
    return GoldenTensors.toTensor(inputs.get(i));
  }

  /** Every input as a new tensor. */
  List<Tensor> inputTensors() {
    return inputs.stream().map(GoldenTensors::toTensor).toList();
  }

  /** True if the case has the named argument. */
  boolean has(String name) {
    return args.has(name);
  }

  /** An integer argument. */
  long longArg(String name) {
    return arg(name).getAsLong();
  }

  /** An integer argument that Java APIs take as an int (a dim, a chunk count). */
  int intArg(String name) {
    return Math.toIntExact(longArg(name));
  }

  /** A floating-point argument. */
  double doubleArg(String name) {
    return arg(name).getAsDouble();
  }

  /**
   * True if a numeric argument was written as an integer ({@code 2}, not {@code 2.0}): PyTorch
   * keeps an integer tensor's dtype for an integer scalar and promotes it for a float one.
   */
  boolean isIntegral(String name) {
    String literal = arg(name).getAsJsonPrimitive().getAsString();
    return literal.chars().noneMatch(ch -> ch == '.' || ch == 'e' || ch == 'E');
  }

  /** A boolean argument. */
  boolean boolArg(String name) {
    return arg(name).getAsBoolean();
  }

  /** A list-of-integers argument (sizes, dims, repeats). */
  long[] longsArg(String name) {
    return arg(name).getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
  }

  /** A list-of-integers argument as ints (dims). */
  int[] intsArg(String name) {
    return arg(name).getAsJsonArray().asList().stream().mapToInt(JsonElement::getAsInt).toArray();
  }

  /** A string argument ({@code einsum}'s equation, {@code ord="fro"}). */
  String stringArg(String name) {
    return arg(name).getAsString();
  }

  /** A dtype argument, by PyTorch's name. */
  DType dtypeArg(String name) {
    return GoldenTensor.dtypeOf(arg(name).getAsString());
  }

  private JsonElement arg(String name) {
    JsonElement e = args.get(name);
    if (e == null) {
      throw new IllegalArgumentException("case " + id + " has no argument " + name);
    }
    return e;
  }

  @Override
  public String toString() {
    return id;
  }
}
