package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker's diagnostics: every key has a message, every key is exercised by a checker test,
 * and a mistake reads the same at compile time as the runtime's exception for it.
 */
class MessagesTest {
  private static Properties messages;

  @BeforeAll
  static void load() throws IOException {
    messages = new Properties();
    try (InputStream in = ShapeChecker.class.getResourceAsStream("messages.properties")) {
      messages.load(in);
    }
  }

  @Test
  void everyAlgebraKey_hasAnOpAndDetailMessage() throws IllegalAccessException {
    Properties withFallbacks = new ShapeChecker().getMessagesProperties();
    for (Field f : MessageKeys.class.getFields()) {
      String key = (String) f.get(null);
      assertWithMessage("message for %s", key).that(withFallbacks.getProperty(key))
          .isEqualTo("%s: %s");
    }
  }

  @Test
  void everyKeyInMessagesProperties_isExercisedByACheckerTest() throws IOException {
    Set<String> exercised = new TreeSet<>();
    Path root = CheckerSuiteTest.resourceRoot("checker");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (ExpectedDiagnostic e :
            ExpectedDiagnostic.parse(Files.readString(f, StandardCharsets.UTF_8))) {
          exercised.add(e.key());
        }
      }
    }
    assertThat(exercised).containsAtLeastElementsIn(messages.stringPropertyNames());
  }

  /** The DESIGN example: [2, 3] x [5, 4], unused, inside println. */
  private static final String MATMUL = String.join("\n",
      "import dev.shapetorch.tensor.Torch;",
      "class Mistake {",
      "  void run() {",
      "    System.out.println(Torch.zeros(2, 3).matmul(Torch.zeros(5, 4)));",
      "  }",
      "}");

  @Test
  void matmulMistake_readsTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(MATMUL);
    Tensor a = Torch.zeros(2, 3);
    Tensor b = Torch.zeros(5, 4);
    ShapeException runTime = assertThrows(ShapeException.class, () -> a.matmul(b));
    assertThat(compileTime).isEqualTo(runTime.getMessage());
    assertThat(compileTime).startsWith("[shape.mismatch.matmul] Tensor.matmul: ");
  }

  private static final String BROADCAST = String.join("\n",
      "import dev.shapetorch.tensor.Torch;",
      "class Mistake {",
      "  void run() {",
      "    Torch.zeros(2, 3).add(Torch.zeros(4, 3));",
      "  }",
      "}");

  @Test
  void broadcastMistake_readsTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(BROADCAST);
    Tensor a = Torch.zeros(2, 3);
    Tensor b = Torch.zeros(4, 3);
    ShapeException runTime = assertThrows(ShapeException.class, () -> a.add(b));
    assertThat(compileTime).isEqualTo(runTime.getMessage());
  }

  private static final String BACKWARD = String.join("\n",
      "import dev.shapetorch.tensor.Torch;",
      "class Mistake {",
      "  void run() {",
      "    Torch.zeros(8, 1).backward();",
      "  }",
      "}");

  /** An unreduced loss ([8, 1]) has no implicit gradient: the same words at both times. */
  @Test
  void backwardOfSeveralElements_readsTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(BACKWARD);
    Tensor loss = Torch.zeros(8, 1);
    ShapeException runTime = assertThrows(ShapeException.class, loss::backward);
    assertThat(compileTime).isEqualTo(runTime.getMessage());
    assertThat(compileTime).startsWith("[shape.numel.one] Tensor.backward: ");
  }

  /** Dtype contracts: the checker's error is the runtime's exception, word for word. */
  private static String mistake(String statement) {
    return String.join("\n",
        "import dev.shapetorch.nn.embedding.Embedding;",
        "import dev.shapetorch.nn.functional.F;",
        "import dev.shapetorch.tensor.Torch;",
        "class Mistake {",
        "  void run() {",
        "    " + statement,
        "  }",
        "}");
  }

  @Test
  void meanOfIntegers_readsTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(mistake("Torch.arange(10).mean();"));
    ShapeException runTime = assertThrows(ShapeException.class, () -> Torch.arange(10).mean());
    assertThat(compileTime).isEqualTo(runTime.getMessage());
    assertThat(compileTime).isEqualTo("[shape.dtype.contract] Tensor.mean: mean of an integral"
        + " tensor (int64 [10]): convert it with .to(DType.FLOAT32) first");
  }

  @Test
  void floatClassIndices_readTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(mistake("F.crossEntropy(Torch.randn(4, 10), Torch.rand(4));"));
    ShapeException runTime = assertThrows(ShapeException.class,
        () -> dev.shapetorch.nn.functional.F.crossEntropy(Torch.randn(4, 10), Torch.rand(4)));
    assertThat(compileTime).isEqualTo(runTime.getMessage());
    assertThat(compileTime).startsWith("[shape.dtype.contract] F.crossEntropy: target holds class"
        + " indices and must be integral, got float32 [4]; convert it with target.to(DType.INT64)");
  }

  @Test
  void floatMask_readsTheSameAtCompileTimeAndAtRunTime() {
    String compileTime = onlyError(mistake("Torch.rand(3).maskedFill(Torch.rand(3), 0.0);"));
    ShapeException runTime = assertThrows(ShapeException.class,
        () -> Torch.rand(3).maskedFill(Torch.rand(3), 0.0));
    assertThat(compileTime).isEqualTo(runTime.getMessage());
  }

  @Test
  void floatEmbeddingIndices_readTheSameAtCompileTimeAndAtRunTime() {
    String compileTime =
        onlyError(mistake("new Embedding(100, 16).forward(Torch.zeros(4, 7));"));
    ShapeException runTime = assertThrows(ShapeException.class,
        () -> new dev.shapetorch.nn.embedding.Embedding(100, 16).forward(Torch.zeros(4, 7)));
    assertThat(compileTime).isEqualTo(runTime.getMessage());
    assertThat(compileTime).startsWith("[shape.dtype.contract] Embedding.forward: indices");
  }

  /** Compiles one class with the checker and returns its single error's message. */
  private static String onlyError(String source) {
    JavaFileObject file = JavaFileObjects.forSourceString("Mistake", source);
    Compilation c = CheckerHarness.compile(List.of(file));
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      errors.add(d.getMessage(Locale.ROOT));
    }
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }
}
