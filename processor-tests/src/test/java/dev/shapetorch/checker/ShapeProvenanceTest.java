package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic for a mistake found down a chain says where each shape came from: the local a
 * layer's output went into, the field that holds the layer with the constructor call that set
 * its hyperparameters, the parameter with its declared shape, a field of another class. javac
 * indents a message's later lines by two spaces.
 */
class ShapeProvenanceTest {

  private static final JavaFileObject CHAIN = JavaFileObjects.forSourceLines("Chain",
      "import dev.shapetorch.nn.linear.Linear;",
      "import dev.shapetorch.shapes.Shape;",
      "import dev.shapetorch.tensor.Tensor;",
      "import dev.shapetorch.tensor.Torch;",
      "class Chain {",
      "  final Linear fc1 = new Linear(784, 16);",
      "  final @Shape({\"32\", \"3\"}) Linear fc2;",
      "  Chain() {",
      "    fc2 = new Linear(32, 3);",
      "  }",
      "  Tensor run(@Shape({\"B\", \"784\"}) Tensor x) {",
      "    Tensor h = fc1.forward(x);",
      "    Tensor r = h.relu();",
      "    return fc2.forward(r);",
      "  }",
      "  @Shape({\"B\", \"3\"}) Tensor wrongReturn(@Shape({\"B\", \"784\"}) Tensor x) {",
      "    Tensor h = fc1.forward(x);",
      "    h = h.relu();",
      "    return h;",
      "  }",
      "  void inline() {",
      "    Torch.zeros(2, 3).matmul(Torch.zeros(4, 5));",
      "  }",
      "}");

  private static final JavaFileObject NET = JavaFileObjects.forSourceLines("Net",
      "import dev.shapetorch.nn.linear.Linear;",
      "import dev.shapetorch.shapes.Shape;",
      "class Net {",
      "  final @Shape({\"64\", \"10\"}) Linear head = new Linear(64, 10);",
      "}");

  private static final JavaFileObject ELSEWHERE = JavaFileObjects.forSourceLines("Elsewhere",
      "import dev.shapetorch.tensor.Torch;",
      "class Elsewhere {",
      "  void run(Net net) {",
      "    net.head.forward(Torch.zeros(2, 32));",
      "  }",
      "}");

  private static List<String> errors(Compilation c) {
    return c.errors().stream()
        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .toList();
  }

  private static String errorAt(List<String> errors, int line) {
    return errors.stream().filter(e -> e.startsWith(line + ": ")).findFirst()
        .orElseThrow(() -> new AssertionError("no error at line " + line + ": " + errors));
  }

  @Test
  void aCallsMistake_namesTheLocalTheLayerAndTheParameterItCameFrom() {
    List<String> errors = errors(CheckerHarness.compile(List.of(CHAIN)));
    String e = errorAt(errors, 14);
    assertThat(e).startsWith("14: [shape.mismatch.argument] Linear.forward: argument input is"
        + " [B, 16], required [*batch, In]");
    assertWithMessage(e).that(e).endsWith(String.join("\n",
        "(dim 1: found 16, required In = 32)",
        "  where the shapes came from:",
        "    fc2 Linear[32, 3] = new Linear(32, 3) (line 9)",
        "    r [B, 16] = h.relu() (line 13)",
        "    h [B, 16] = fc1.forward(x) (line 12)",
        "    fc1 Linear[784, 16] = new Linear(784, 16) (line 6)",
        "    x [B, 784]: parameter of run"));
  }

  @Test
  void aReturnsMistake_followsTheLastAssignmentBeforeIt() {
    List<String> errors = errors(CheckerHarness.compile(List.of(CHAIN)));
    String e = errorAt(errors, 19);
    assertThat(e).startsWith("19: [shape.return]");
    assertWithMessage(e).that(e).contains(String.join("\n",
        "  where the shapes came from:",
        "    h [B, 16] = h.relu() (line 18)"));
  }

  @Test
  void aMistakeWithEverythingOnItsLine_saysNothingMore() {
    List<String> errors = errors(CheckerHarness.compile(List.of(CHAIN)));
    String e = errorAt(errors, 22);
    assertThat(e).startsWith("22: [shape.mismatch.matmul");
    assertThat(e).doesNotContain("where the shapes came from");
  }

  @Test
  void aFieldOfAnotherClass_isNamedWithItsClass() {
    List<String> errors = errors(CheckerHarness.compile(List.of(NET, ELSEWHERE)));
    String e = errorAt(errors, 4);
    assertThat(e).contains(String.join("\n",
        "  where the shapes came from:",
        "    head Linear[64, 10]: field of Net"));
  }

  @Test
  void onlyErrorsCarryIt_notesAndWarningsAreUnchanged() {
    Compilation c = CheckerHarness.compile(List.of(CHAIN), "-Ashape.hints");
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        assertThat(d.getMessage(Locale.ROOT)).doesNotContain("where the shapes came from");
      }
    }
  }
}
