package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deterministic factories (zeros, ones, full, arange, linspace, eye) against PyTorch. */
class FactoryGoldenTest {

  private static final String FAMILY = "factories";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void factory_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, run(c));
    }
  }

  private static Tensor run(GoldenCase c) {
    switch (c.op()) {
      case "zeros":
        return c.has("dtype")
            ? Torch.zeros(c.longsArg("shape"), c.dtypeArg("dtype"))
            : Torch.zeros(c.longsArg("shape"));
      case "ones":
        return c.has("dtype")
            ? Torch.ones(c.longsArg("shape"), c.dtypeArg("dtype"))
            : Torch.ones(c.longsArg("shape"));
      case "full":
        return c.has("dtype")
            ? Torch.full(c.longsArg("shape"), c.doubleArg("value"), c.dtypeArg("dtype"))
            : Torch.full(c.longsArg("shape"), c.doubleArg("value"));
      case "arange":
        if (!c.has("start")) {
          return Torch.arange(c.longArg("end"));
        }
        return c.has("step")
            ? Torch.arange(c.longArg("start"), c.longArg("end"), c.longArg("step"))
            : Torch.arange(c.longArg("start"), c.longArg("end"));
      case "arange_float":
        return c.has("dtype")
            ? Torch.arange(
                c.doubleArg("start"), c.doubleArg("end"), c.doubleArg("step"), c.dtypeArg("dtype"))
            : Torch.arange(c.doubleArg("start"), c.doubleArg("end"), c.doubleArg("step"));
      case "linspace":
        return c.has("dtype")
            ? Torch.linspace(
                c.doubleArg("start"), c.doubleArg("end"), c.longArg("steps"), c.dtypeArg("dtype"))
            : Torch.linspace(c.doubleArg("start"), c.doubleArg("end"), c.longArg("steps"));
      case "eye":
        if (c.has("dtype")) {
          return Torch.eye(c.longArg("n"), c.longArg("m"), c.dtypeArg("dtype"));
        }
        return c.has("m") ? Torch.eye(c.longArg("n"), c.longArg("m")) : Torch.eye(c.longArg("n"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }
}
