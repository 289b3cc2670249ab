package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients of composite expressions against PyTorch's autograd: each case builds a scalar from
 * leaves that require grad, calls {@code backward()}, and compares the value and every leaf's
 * {@code grad()} (broadcast operands get gradients summed back to their own shape). Cases with a
 * {@code gradient} argument build a non-scalar and call {@code backward(gradient)} with the last
 * input.
 */
class AutogradGoldenTest {

  private static final String FAMILY = "autograd";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backward_matchesPyTorch(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      List<Tensor> inputs = c.inputTensors();
      boolean withGradient = c.has("gradient");
      List<Tensor> leaves = withGradient ? inputs.subList(0, inputs.size() - 1) : inputs;
      for (Tensor leaf : leaves) {
        leaf.requiresGrad_(true);
      }
      Tensor out = expression(c, leaves);
      if (withGradient) {
        out.backward(inputs.get(inputs.size() - 1));
      } else {
        out.backward();
      }
      List<Tensor> results = new ArrayList<>();
      results.add(out.detach());
      for (Tensor leaf : leaves) {
        assertNotNull(
            leaf.grad(), c.id() + ": a leaf that requires grad has a grad after backward");
        results.add(leaf.grad());
      }
      assertMatches(c, results);
    }
  }

  /** The expression make_golden.py differentiates under the same id. */
  private static Tensor expression(GoldenCase c, List<Tensor> in) {
    Tensor x = in.get(0);
    switch (c.op()) {
      case "square_plus_linear_sum":
        return x.mul(x).add(x.mul(3.0)).sum();
      case "matmul_tanh_sum":
        return x.matmul(in.get(1)).tanh().sum();
      case "broadcast_mul_sigmoid_mean":
        return x.mul(in.get(1)).sigmoid().mean();
      case "log_softmax_nll":
        {
          Tensor onehot = Torch.fromArray(new double[] {0, 1, 0, 0, 0, 1}, 2, 3);
          return x.logSoftmax(1).mul(onehot).sum().neg().div(2.0);
        }
      case "exp_times_sin_sum":
        return x.exp().mul(x.sin()).sum();
      case "relu_weighted_sum":
        return x.relu().mul(Torch.fromArray(new double[] {1, 2, 3, 4, 5, 6, 7}, 7)).sum();
      case "norm_of_difference":
        return x.sub(in.get(1)).norm();
      case "div_pow_mean":
        return x.div(in.get(1)).pow(2.0).mean();
      case "softmax_weighted_sum":
        return x.softmax(0).mul(Torch.fromArray(new double[] {1, 2, 3}, 3)).sum();
      case "sum_dim_then_prod":
        return x.sum(1, false).prod();
      case "square_backward_with_gradient":
        return x.mul(x);
      case "matmul_backward_with_gradient":
        return x.matmul(in.get(1));
      case "mse_by_hand":
        {
          Tensor d = x.sub(in.get(1));
          return d.mul(d).mean();
        }
      default:
        throw new AssertionError("no ShapeTorch expression for fixture case " + c.op());
    }
  }
}
