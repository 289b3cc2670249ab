package dev.shapetorch.nn.containers;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;

/** What the containers share: the check of a child's name and the parameter lines. */
final class Containers {
  private Containers() {}

  static void checkName(String container, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          container + ": a key must be a non-empty name, got " + (name == null ? "null" : "\"\""));
    }
    if (name.contains(".")) {
      throw new IllegalArgumentException(container + ": key \"" + name + "\" contains a dot;"
          + " dots separate the parts of parameter names (\"a.b.weight\"): use another key,"
          + " e.g. \"" + name.replace('.', '_') + "\"");
    }
  }

  /** {@code Parameter containing: [torch.float32 of size 3x4]}, as PyTorch's containers. */
  static String describe(Parameter p, String typeName) {
    long[] shape = p.shape();
    StringBuilder size = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      size.append(i == 0 ? "" : "x").append(shape[i]);
    }
    Device device = p.get().device();
    String where = device.isCuda() ? " (GPU " + device.index() + ")" : "";
    return "Parameter containing: [" + typeName + " of size " + size + where + "]";
  }

  /**
   * PyTorch's legacy tensor type name of a parameter ({@code torch.FloatTensor}, {@code
   * torch.cuda.FloatTensor}).
   */
  static String legacyTypeName(Parameter p) {
    DType dtype = p.get().dtype();
    String kind = switch (dtype) {
      case FLOAT32 -> "Float";
      case FLOAT64 -> "Double";
      case FLOAT16 -> "Half";
      case BFLOAT16 -> "BFloat16";
      case INT64 -> "Long";
      case INT32 -> "Int";
      case INT16 -> "Short";
      case INT8 -> "Char";
      case UINT8 -> "Byte";
      case BOOL -> "Bool";
    };
    return (p.get().device().isCuda() ? "torch.cuda." : "torch.") + kind + "Tensor";
  }
}
