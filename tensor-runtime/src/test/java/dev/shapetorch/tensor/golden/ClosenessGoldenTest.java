package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Whole-tensor comparisons of issue 13's batch against PyTorch ({@code more_ops_golden.py}):
 * {@code equal} and {@code allclose} (a Java boolean, recorded as a 0-d bool tensor), {@code dist}
 * and {@code ravel}, in the instance and the static form; then their shape errors.
 */
class ClosenessGoldenTest {

  private static final String FAMILY = "closeness";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      switch (c.op()) {
        case "equal" -> assertFlag(c, a.equal(c.input(1)));
        case "allclose" -> assertFlag(c, a.allclose(c.input(1)));
        case "allclose_tol" ->
            assertFlag(c, a.allclose(c.input(1), c.doubleArg("rtol"), c.doubleArg("atol")));
        case "dist" -> assertMatches(c, a.dist(c.input(1), c.doubleArg("p")));
        case "ravel" -> assertMatches(c, a.ravel());
        case "ravel_t" -> assertMatches(c, a.t().ravel());
        default -> throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      switch (c.op()) {
        case "equal" -> assertFlag(c, Torch.equal(a, c.input(1)));
        case "allclose" -> assertFlag(c, Torch.allclose(a, c.input(1)));
        case "allclose_tol" ->
            assertFlag(
                c, Torch.allclose(a, c.input(1), c.doubleArg("rtol"), c.doubleArg("atol")));
        case "dist" -> assertMatches(c, Torch.dist(a, c.input(1), c.doubleArg("p")));
        case "ravel" -> assertMatches(c, Torch.ravel(a));
        case "ravel_t" -> assertMatches(c, Torch.ravel(a.t()));
        default -> throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
    }
  }

  private static void assertFlag(GoldenCase c, boolean actual) {
    assertEquals(c.expected().get(0).booleans()[0], actual, c.id());
  }

  @Test
  void allclose_shapesThatDoNotBroadcast_throwBroadcastKeyNamingBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {4}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, "allclose", () -> a.allclose(b), shape(2, 3), shape(4));
      assertShapeError(
          MessageKeys.BROADCAST, "allclose", () -> Torch.allclose(a, b, 0.1, 0.1), shape(2, 3),
          shape(4));
    }
  }

  @Test
  void dist_shapesThatDoNotBroadcast_libtorchRefusesNamingTheOpAndBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {4}, DType.FLOAT64);
      PointwiseMoreGoldenTest.assertTorchError("dist", () -> Torch.dist(a, b, 2.0), "[2, 3]");
      PointwiseMoreGoldenTest.assertTorchError("dist", () -> a.dist(b, 2.0), "[4]");
    }
  }

  @Test
  void allclose_integerAndFloat_libtorchRefusesNamingTheOp() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {3}, DType.FLOAT64);
      Tensor i = Torch.ones(new long[] {3}, DType.INT64);
      PointwiseMoreGoldenTest.assertTorchError("allclose", () -> Torch.allclose(a, i), "[3]");
    }
  }
}
