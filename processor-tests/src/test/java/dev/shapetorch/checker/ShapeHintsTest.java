package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Ashape.hints}: a note with the inferred shape of every tensor or module local, field
 * and parameter and every tensor-valued call, on the line where it is; none without the option.
 */
class ShapeHintsTest {

  private static final JavaFileObject MLP = JavaFileObjects.forSourceLines("Mlp",
      "import dev.shapetorch.nn.linear.Linear;",
      "import dev.shapetorch.shapes.Shape;",
      "import dev.shapetorch.tensor.Tensor;",
      "import dev.shapetorch.tensor.Torch;",
      "class Mlp {",
      "  final Linear fc1 = new Linear(784, 128);",
      "  void run(@Shape({\"B\", \"784\"}) Tensor x, Tensor loose) {",
      "    var h = fc1.forward(x);",
      "    Tensor z = Torch.zeros(3, 4).t();",
      "    Tensor u = loose.relu();",
      "  }",
      "}");

  private static List<String> notes(Compilation c) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        out.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return out;
  }

  @Test
  void hints_giveEveryLocalFieldParameterAndCallItsShape() {
    Compilation c = CheckerHarness.compile(List.of(MLP), "-Ashape.hints");
    assertThat(c.errors()).isEmpty();
    List<String> notes = notes(c);
    assertWithMessage("notes: %s", notes).that(notes).containsAtLeast(
        "6: [shape.hint] fc1: Linear[784, 128] (new Linear(784, 128))",
        "7: [shape.hint] x: [B, 784]",
        "7: [shape.hint] loose: ?",
        "8: [shape.hint] fc1.forward(x): [B, 128]",
        "8: [shape.hint] h: [B, 128] (fc1.forward(x))",
        "9: [shape.hint] Torch.zeros(3, 4): [3, 4] float32",
        "9: [shape.hint] Torch.zeros(3, 4).t(): [4, 3] float32",
        "9: [shape.hint] z: [4, 3] float32 (Torch.zeros(3, 4).t())",
        "10: [shape.hint] u: ? (loose.relu())");
  }

  @Test
  void withoutTheOption_noHints() {
    Compilation c = CheckerHarness.compile(List.of(MLP));
    assertThat(c.errors()).isEmpty();
    assertWithMessage("notes").that(notes(c).stream().filter(n -> n.contains("shape.hint"))
        .toList()).isEmpty();
  }
}
