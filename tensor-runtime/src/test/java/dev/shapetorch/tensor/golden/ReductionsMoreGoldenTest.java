package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scans and reductions of issue 13's batch against PyTorch ({@code more_ops_golden.py}):
 * {@code cumprod}, {@code amax}, {@code amin} and {@code argsort}, in the instance and the static
 * form; then a dim out of range, rejected before libtorch runs, naming the op and the shape.
 */
class ReductionsMoreGoldenTest {

  private static final String FAMILY = "reductions_more";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      Tensor r;
      switch (c.op()) {
        case "cumprod":
          r = a.cumprod(c.intArg("dim"));
          break;
        case "amax":
          r = a.amax(c.intArg("dim"), c.boolArg("keepdim"));
          break;
        case "amin":
          r = a.amin(c.intArg("dim"), c.boolArg("keepdim"));
          break;
        case "argsort":
          r = a.argsort(c.intArg("dim"), c.boolArg("descending"));
          break;
        default:
          throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
      assertMatches(c, r);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      Tensor r;
      switch (c.op()) {
        case "cumprod":
          r = Torch.cumprod(a, c.intArg("dim"));
          break;
        case "amax":
          r = Torch.amax(a, c.intArg("dim"), c.boolArg("keepdim"));
          break;
        case "amin":
          r = Torch.amin(a, c.intArg("dim"), c.boolArg("keepdim"));
          break;
        case "argsort":
          r = Torch.argsort(a, c.intArg("dim"), c.boolArg("descending"));
          break;
        default:
          throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
      assertMatches(c, r);
    }
  }

  @Test
  void dimOutOfRange_throwsDimRangeKeyNamingTheOpAndTheShape() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      assertShapeError(MessageKeys.DIM_RANGE, "cumprod", () -> x.cumprod(2), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "cumprod", () -> Torch.cumprod(x, -3), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "amax", () -> x.amax(2, false), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "amin", () -> Torch.amin(x, -3, true), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "argsort", () -> x.argsort(5, true), shape(2, 3));
      assertShapeError(
          MessageKeys.DIM_RANGE, "argsort", () -> Torch.argsort(x, -3, false), shape(2, 3));
    }
  }
}
