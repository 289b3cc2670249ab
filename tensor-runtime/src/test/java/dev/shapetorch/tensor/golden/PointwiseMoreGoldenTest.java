package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The elementwise and layout ops of issue 13's batch against PyTorch ({@code
 * more_ops_golden.py}): {@code erf}, {@code erfinv}, {@code isfinite}, {@code isnan}, {@code
 * isinf}, {@code nanToNum}, {@code lerp}, {@code flip}, {@code roll} and {@code mT}, in the
 * instance and the static form; then their errors, which name the op and the shapes.
 */
class PointwiseMoreGoldenTest {

  private static final String FAMILY = "pointwise_more";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, instance(c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, statics(c));
    }
  }

  private static Tensor instance(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "erf":
        return a.erf();
      case "erfinv":
        return a.erfinv();
      case "isfinite":
        return a.isfinite();
      case "isnan":
        return a.isnan();
      case "isinf":
        return a.isinf();
      case "nan_to_num":
        return a.nanToNum();
      case "nan_to_num_values":
        return a.nanToNum(c.doubleArg("nan"), c.doubleArg("posinf"), c.doubleArg("neginf"));
      case "lerp":
        return a.lerp(c.input(1), c.doubleArg("weight"));
      case "flip":
        return a.flip(c.intsArg("dims"));
      case "roll":
        return a.roll(c.longsArg("shifts"), c.intsArg("dims"));
      case "mT":
        return a.mT();
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  private static Tensor statics(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "erf":
        return Torch.erf(a);
      case "erfinv":
        return Torch.erfinv(a);
      case "isfinite":
        return Torch.isfinite(a);
      case "isnan":
        return Torch.isnan(a);
      case "isinf":
        return Torch.isinf(a);
      case "nan_to_num":
        return Torch.nanToNum(a);
      case "nan_to_num_values":
        return Torch.nanToNum(
            a, c.doubleArg("nan"), c.doubleArg("posinf"), c.doubleArg("neginf"));
      case "lerp":
        return Torch.lerp(a, c.input(1), c.doubleArg("weight"));
      case "flip":
        return Torch.flip(a, c.intsArg("dims"));
      case "roll":
        return Torch.roll(a, c.longsArg("shifts"), c.intsArg("dims"));
      case "mT":
        return a.mT(); // a method only, as in PyTorch
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  @Test
  void lerp_shapesThatDoNotBroadcast_throwBroadcastKeyNamingBothShapes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.ones(new long[] {4}, DType.FLOAT64);
      assertShapeError(MessageKeys.BROADCAST, "lerp", () -> a.lerp(b, 0.5), shape(2, 3), shape(4));
      assertShapeError(
          MessageKeys.BROADCAST, "lerp", () -> Torch.lerp(a, b, 0.5), shape(2, 3), shape(4));
    }
  }

  @Test
  void lerp_integerTensors_libtorchRefusesNamingTheOp() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {3}, DType.INT64);
      assertTorchError("lerp", () -> Torch.lerp(a, a, 0.5), "[3]");
    }
  }

  @Test
  void flip_dimOutOfRangeOrRepeated_isRefusedByItsRuleBeforeLibtorch() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      ShapeErrors.assertShapeError(MessageKeys.DIM_RANGE, "flip", () -> a.flip(2),
          ShapeErrors.shape(2, 3));
      ShapeErrors.assertShapeError(MessageKeys.DIM_ORDER, "flip", () -> a.flip(1, -1),
          ShapeErrors.shape(2, 3));
    }
  }

  @Test
  void roll_dimOutOfRange_isRefusedByItsRuleBeforeLibtorch() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      ShapeErrors.assertShapeError(MessageKeys.DIM_RANGE, "roll",
          () -> a.roll(new long[] {1}, new int[] {-3}), ShapeErrors.shape(2, 3));
    }
  }

  @Test
  void roll_fewerShiftsThanDims_isRefusedByItsRuleBeforeLibtorch() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2, 3}, DType.FLOAT64);
      ShapeErrors.assertShapeError(MessageKeys.DIM_ORDER, "roll",
          () -> Torch.roll(a, new long[] {1}, new int[] {0, 1}));
    }
  }

  @Test
  void mT_vector_throwsRankKeyNamingTheShape() {
    try (var scope = TensorScope.open()) {
      Tensor v = Torch.ones(new long[] {4}, DType.FLOAT64);
      assertShapeError(MessageKeys.RANK, "mT", v::mT, shape(4));
    }
  }

  @Test
  void nullInputs_areNamed() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.ones(new long[] {2}, DType.FLOAT64);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Torch.roll(a, null, new int[] {0}));
      assertTrue(e.getMessage().startsWith("Torch.roll") && e.getMessage().contains("shifts"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> Torch.flip(a, (int[]) null));
      assertTrue(e.getMessage().startsWith("Torch.flip") && e.getMessage().contains("dims"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> Torch.erf(null));
      assertTrue(e.getMessage().startsWith("Torch.erf"), e.getMessage());
    }
  }

  /**
   * libtorch refused: a {@link TorchException} starting with the op the user called ({@code
   * Torch.flip} or {@code Tensor.flip}, for {@code method} "flip") and naming the shape.
   */
  static void assertTorchError(String method, Runnable call, String shapeText) {
    TorchException e = assertThrows(TorchException.class, call::run, method + " should fail");
    String m = e.getMessage();
    assertTrue(m.startsWith("Torch." + method + ": ") || m.startsWith("Tensor." + method + ": "),
        () -> "message should start with the op " + method + ": " + m);
    assertTrue(m.contains(shapeText), () -> "message should name the shape " + shapeText + ": " + m);
  }
}
