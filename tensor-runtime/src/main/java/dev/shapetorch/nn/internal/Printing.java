package dev.shapetorch.nn.internal;

import dev.shapetorch.nn.Module;
import java.util.Map;

/** Module descriptions in PyTorch's {@code repr} layout. */
public final class Printing {
  private Printing() {}

  /** {@code Name(\n  (key): child\n)}, children indented by two spaces. */
  public static String container(String name, Map<String, Module> children) {
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
