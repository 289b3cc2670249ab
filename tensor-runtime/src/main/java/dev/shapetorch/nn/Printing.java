package dev.shapetorch.nn;

import java.util.Map;

/** Module descriptions in PyTorch's {@code repr} layout. */
final class Printing {
  private Printing() {}

  /** {@code Name(\n  (key): child\n)}, children indented by two spaces. */
  static String container(String name, Map<String, Module> children) {
    if (children.isEmpty()) {
      return name + "()";
    }
    StringBuilder sb = new StringBuilder(name).append("(\n");
    children.forEach(
        (k, v) ->
            sb.append("  (")
                .append(k)
                .append("): ")
                .append(v.toString().replace("\n", "\n  "))
                .append('\n'));
    return sb.append(')').toString();
  }
}
