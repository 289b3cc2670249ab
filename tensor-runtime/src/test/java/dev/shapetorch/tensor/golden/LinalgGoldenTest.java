package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linear algebra against PyTorch: matmul in its 1-D, 2-D, batched and broadcast-batch cases, mm,
 * bmm, mv, dot, outer, t and transpose. Instance and static forms are both checked.
 */
class LinalgGoldenTest {

  private static final String FAMILY = "linalg";

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
      case "matmul":
        return a.matmul(c.input(1));
      case "mm":
        return a.mm(c.input(1));
      case "bmm":
        return a.bmm(c.input(1));
      case "mv":
        return a.mv(c.input(1));
      case "dot":
        return a.dot(c.input(1));
      case "outer":
        return a.outer(c.input(1));
      case "t":
        return a.t();
      case "transpose":
        return a.transpose(c.intArg("dim0"), c.intArg("dim1"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  private static Tensor statics(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "matmul":
        return Torch.matmul(a, c.input(1));
      case "mm":
        return Torch.mm(a, c.input(1));
      case "bmm":
        return Torch.bmm(a, c.input(1));
      case "mv":
        return Torch.mv(a, c.input(1));
      case "dot":
        return Torch.dot(a, c.input(1));
      case "outer":
        return Torch.outer(a, c.input(1));
      case "t":
        return Torch.t(a);
      case "transpose":
        return Torch.transpose(a, c.intArg("dim0"), c.intArg("dim1"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }
}
