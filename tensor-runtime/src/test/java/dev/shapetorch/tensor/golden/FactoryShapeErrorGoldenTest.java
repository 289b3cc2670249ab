package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Factories reject a negative size with {@code [shape.size.negative]} before libtorch runs. */
class FactoryShapeErrorGoldenTest {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  private static void assertNegativeSize(
      String method, org.junit.jupiter.api.function.Executable call) {
    var e = assertShapeError(MessageKeys.SIZE_NEGATIVE, method, call);
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("-1"), () -> "names the negative size: " + e.getMessage());
  }

  @Test
  void zeros_negativeSize_reportsNegativeSize() {
    assertNegativeSize("zeros", () -> Torch.zeros(2, -1));
  }

  @Test
  void ones_negativeSizeWithDtype_reportsNegativeSize() {
    assertNegativeSize("ones", () -> Torch.ones(new long[] {-1, 3}, DType.FLOAT64));
  }

  @Test
  void full_negativeSize_reportsNegativeSize() {
    assertNegativeSize("full", () -> Torch.full(new long[] {3, -1}, 1.5));
  }
}
