package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reductions against PyTorch: sum, mean, prod, max, min, argmax, argmin, std, var, norm and
 * logsumexp over everything, one dim (negative too) and several dims, with and without keepdim;
 * integer and boolean sums; max/min along a dim return values and indices.
 */
class ReductionGoldenTest {

  private static final String FAMILY = "reductions";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reduction_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      assertMatches(c, run(c));
    }
  }

  private static List<Tensor> run(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "sum":
        return List.of(a.sum());
      case "sum_dim":
        return List.of(a.sum(c.intArg("dim"), c.boolArg("keepdim")));
      case "sum_dims":
        return List.of(a.sum(c.intsArg("dims"), c.boolArg("keepdim")));
      case "mean":
        return List.of(a.mean());
      case "mean_dim":
        return List.of(a.mean(c.intArg("dim"), c.boolArg("keepdim")));
      case "mean_dims":
        return List.of(a.mean(c.intsArg("dims"), c.boolArg("keepdim")));
      case "prod":
        return List.of(a.prod());
      case "prod_dim":
        return List.of(a.prod(c.intArg("dim"), c.boolArg("keepdim")));
      case "max":
        return List.of(a.max());
      case "min":
        return List.of(a.min());
      case "max_dim":
        {
          var r = a.max(c.intArg("dim"), c.boolArg("keepdim"));
          return List.of(r.values(), r.indices());
        }
      case "min_dim":
        {
          var r = a.min(c.intArg("dim"), c.boolArg("keepdim"));
          return List.of(r.values(), r.indices());
        }
      case "argmax":
        return List.of(a.argmax());
      case "argmax_dim":
        return List.of(a.argmax(c.intArg("dim"), c.boolArg("keepdim")));
      case "argmin":
        return List.of(a.argmin());
      case "argmin_dim":
        return List.of(a.argmin(c.intArg("dim"), c.boolArg("keepdim")));
      case "std":
        return List.of(a.std(c.boolArg("unbiased")));
      case "std_dim":
        return List.of(a.std(new int[] {c.intArg("dim")}, correction(c), c.boolArg("keepdim")));
      case "var":
        return List.of(a.var(c.boolArg("unbiased")));
      case "var_dim":
        return List.of(a.var(new int[] {c.intArg("dim")}, correction(c), c.boolArg("keepdim")));
      case "norm":
        return List.of(a.norm());
      case "norm_p":
        return List.of(a.norm(c.doubleArg("p")));
      case "norm_dim":
        return List.of(a.norm(c.doubleArg("p"), c.intArg("dim"), c.boolArg("keepdim")));
      case "logsumexp":
        return List.of(a.logsumexp(c.intArg("dim"), c.boolArg("keepdim")));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  /** PyTorch's {@code unbiased} flag as a degrees-of-freedom correction (Bessel's: 1). */
  private static long correction(GoldenCase c) {
    return c.boolArg("unbiased") ? 1 : 0;
  }
}
