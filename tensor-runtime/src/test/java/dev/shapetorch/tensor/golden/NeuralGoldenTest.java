package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * softmax and logSoftmax against PyTorch, along each dim (negative too), on 3-D input, on inputs
 * large enough to overflow a naive exp, and in float32.
 */
class NeuralGoldenTest {

  private static final String FAMILY = "neural";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      int dim = c.intArg("dim");
      switch (c.op()) {
        case "softmax":
          assertMatches(c, a.softmax(dim));
          break;
        case "log_softmax":
          assertMatches(c, a.logSoftmax(dim));
          break;
        default:
          throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      int dim = c.intArg("dim");
      switch (c.op()) {
        case "softmax":
          assertMatches(c, Torch.softmax(a, dim));
          break;
        case "log_softmax":
          assertMatches(c, Torch.logSoftmax(a, dim));
          break;
        default:
          throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
    }
  }
}
