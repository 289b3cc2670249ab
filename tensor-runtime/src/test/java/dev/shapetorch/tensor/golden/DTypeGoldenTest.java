package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.TensorScope;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dtype conversions ({@code t.to(DType)}) against PyTorch: float rounding and overflow to infinity,
 * truncation toward zero into integers, narrowing integers, booleans both ways (NaN and -0.0 into
 * bool), half and bfloat16 rounding.
 */
class DTypeGoldenTest {

  private static final String FAMILY = "dtype";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void to_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      if (!c.op().equals("to")) {
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
      assertMatches(c, c.input(0).to(c.dtypeArg("dtype")));
    }
  }
}
