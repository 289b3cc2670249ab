package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pointwise ops against PyTorch: arithmetic with broadcasting, scalars, alpha and type promotion;
 * powers; unary maths and activations; clamp; where; comparisons; logical ops; remainder; rounding;
 * maximum, minimum, maskedFill; the fused addcmul and addcdiv. The instance form ({@code a.add(b)}), the static form ({@code
 * Torch.add(a, b)}) and, where the result fits the receiver, the in-place form ({@code a.add_(b)})
 * are checked.
 */
class PointwiseGoldenTest {

  private static final String FAMILY = "pointwise";

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

  /** Ops with an in-place form ({@code add_}, {@code clamp_}...). */
  private static final Set<String> IN_PLACE =
      Set.of(
          "add",
          "add_alpha",
          "add_scalar",
          "sub",
          "sub_scalar",
          "mul",
          "mul_scalar",
          "div",
          "div_scalar",
          "pow_scalar",
          "neg",
          "abs",
          "exp",
          "sqrt",
          "relu",
          "sigmoid",
          "clamp",
          "addcmul",
          "addcdiv");

  /**
   * The cases an in-place form can reproduce: the op has one, and the result has the receiver's
   * shape and dtype (PyTorch refuses to broadcast or promote into the receiver).
   */
  static Stream<GoldenCase> inPlaceCases() {
    return cases()
        .filter(c -> IN_PLACE.contains(c.op()))
        .filter(
            c ->
                Arrays.equals(c.expected().get(0).shape(), c.inputs().get(0).shape())
                    && c.expected().get(0).dtype() == c.inputs().get(0).dtype());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inPlaceCases")
  void inPlaceForm_writesPyTorchsResultIntoTheReceiver(GoldenCase c) {
    GoldenGaps.skipIfKnownGap(FAMILY, c);
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      Tensor returned = inPlace(c, a);
      assertSame(a, returned, "an in-place op returns its receiver");
      assertMatches(c, a);
    }
  }

  private static Tensor inPlace(GoldenCase c, Tensor a) {
    switch (c.op()) {
      case "add":
        return a.add_(c.input(1));
      case "add_alpha":
        return a.add_(c.input(1), c.doubleArg("alpha"));
      case "add_scalar":
        return a.add_(c.doubleArg("scalar"));
      case "sub":
        return a.sub_(c.input(1));
      case "sub_scalar":
        return a.sub_(c.doubleArg("scalar"));
      case "mul":
        return a.mul_(c.input(1));
      case "mul_scalar":
        return a.mul_(c.doubleArg("scalar"));
      case "div":
        return a.div_(c.input(1));
      case "div_scalar":
        return a.div_(c.doubleArg("scalar"));
      case "pow_scalar":
        return a.pow_(c.doubleArg("exponent"));
      case "neg":
        return a.neg_();
      case "abs":
        return a.abs_();
      case "exp":
        return a.exp_();
      case "sqrt":
        return a.sqrt_();
      case "relu":
        return a.relu_();
      case "sigmoid":
        return a.sigmoid_();
      case "clamp":
        return a.clamp_(c.doubleArg("min"), c.doubleArg("max"));
      case "addcmul":
        return a.addcmul_(c.input(1), c.input(2), c.doubleArg("value"));
      case "addcdiv":
        return a.addcdiv_(c.input(1), c.input(2), c.doubleArg("value"));
      default:
        throw new AssertionError("no in-place ShapeTorch call for fixture op " + c.op());
    }
  }

  private static Tensor instance(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "add":
        return a.add(c.input(1));
      case "add_scalar":
        return a.add(c.doubleArg("scalar"));
      case "add_alpha":
        return a.add(c.input(1), c.doubleArg("alpha"));
      case "sub":
        return a.sub(c.input(1));
      case "sub_scalar":
        return a.sub(c.doubleArg("scalar"));
      case "sub_alpha":
        return a.sub(c.input(1), c.doubleArg("alpha"));
      case "mul":
        return a.mul(c.input(1));
      case "mul_scalar":
        return a.mul(c.doubleArg("scalar"));
      case "div":
        return a.div(c.input(1));
      case "div_scalar":
        return a.div(c.doubleArg("scalar"));
      case "pow":
        return a.pow(c.input(1));
      case "pow_scalar":
        return c.isIntegral("exponent")
            ? a.pow(c.longArg("exponent"))
            : a.pow(c.doubleArg("exponent"));
      case "neg":
        return a.neg();
      case "abs":
        return a.abs();
      case "exp":
        return a.exp();
      case "log":
        return a.log();
      case "sqrt":
        return a.sqrt();
      case "rsqrt":
        return a.rsqrt();
      case "sin":
        return a.sin();
      case "cos":
        return a.cos();
      case "tan":
        return a.tan();
      case "asin":
        return a.asin();
      case "acos":
        return a.acos();
      case "atan":
        return a.atan();
      case "sinh":
        return a.sinh();
      case "cosh":
        return a.cosh();
      case "tanh":
        return a.tanh();
      case "sigmoid":
        return a.sigmoid();
      case "relu":
        return a.relu();
      case "gelu":
        return a.gelu();
      case "gelu_tanh":
        return a.gelu("tanh");
      case "silu":
        return a.silu();
      case "leaky_relu":
        return a.leakyRelu(c.doubleArg("negative_slope"));
      case "elu":
        return a.elu(c.doubleArg("alpha"));
      case "softplus":
        return a.softplus(c.doubleArg("beta"), c.doubleArg("threshold"));
      case "floor":
        return a.floor();
      case "ceil":
        return a.ceil();
      case "round":
        return a.round();
      case "sign":
        return a.sign();
      case "clamp":
        return a.clamp(c.doubleArg("min"), c.doubleArg("max"));
      case "clamp_min":
        return a.clampMin(c.doubleArg("min"));
      case "clamp_max":
        return a.clampMax(c.doubleArg("max"));
      case "where":
        return c.input(1).where(a, c.input(2));
      case "addcmul":
        return a.addcmul(c.input(1), c.input(2), c.doubleArg("value"));
      case "addcdiv":
        return a.addcdiv(c.input(1), c.input(2), c.doubleArg("value"));
      case "eq":
        return a.eq(c.input(1));
      case "ne":
        return a.ne(c.input(1));
      case "lt":
        return a.lt(c.input(1));
      case "le":
        return a.le(c.input(1));
      case "gt":
        return a.gt(c.input(1));
      case "ge":
        return a.ge(c.input(1));
      case "eq_scalar":
        return a.eq(c.doubleArg("scalar"));
      case "ne_scalar":
        return a.ne(c.doubleArg("scalar"));
      case "lt_scalar":
        return a.lt(c.doubleArg("scalar"));
      case "le_scalar":
        return a.le(c.doubleArg("scalar"));
      case "gt_scalar":
        return a.gt(c.doubleArg("scalar"));
      case "ge_scalar":
        return a.ge(c.doubleArg("scalar"));
      case "logical_and":
        return a.logicalAnd(c.input(1));
      case "logical_or":
        return a.logicalOr(c.input(1));
      case "logical_xor":
        return a.logicalXor(c.input(1));
      case "logical_not":
        return a.logicalNot();
      case "maximum":
        return a.maximum(c.input(1));
      case "minimum":
        return a.minimum(c.input(1));
      case "masked_fill":
        return a.maskedFill(c.input(1), c.doubleArg("value"));
      case "remainder":
        return a.remainder(c.input(1));
      case "remainder_scalar":
        return a.remainder(c.doubleArg("scalar"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  private static Tensor statics(GoldenCase c) {
    Tensor a = c.input(0);
    switch (c.op()) {
      case "add":
        return Torch.add(a, c.input(1));
      case "add_scalar":
        return Torch.add(a, c.doubleArg("scalar"));
      case "add_alpha":
        return Torch.add(a, c.input(1), c.doubleArg("alpha"));
      case "sub":
        return Torch.sub(a, c.input(1));
      case "sub_scalar":
        return Torch.sub(a, c.doubleArg("scalar"));
      case "sub_alpha":
        return Torch.sub(a, c.input(1), c.doubleArg("alpha"));
      case "mul":
        return Torch.mul(a, c.input(1));
      case "mul_scalar":
        return Torch.mul(a, c.doubleArg("scalar"));
      case "div":
        return Torch.div(a, c.input(1));
      case "div_scalar":
        return Torch.div(a, c.doubleArg("scalar"));
      case "pow":
        return Torch.pow(a, c.input(1));
      case "pow_scalar":
        return c.isIntegral("exponent")
            ? Torch.pow(a, c.longArg("exponent"))
            : Torch.pow(a, c.doubleArg("exponent"));
      case "neg":
        return Torch.neg(a);
      case "abs":
        return Torch.abs(a);
      case "exp":
        return Torch.exp(a);
      case "log":
        return Torch.log(a);
      case "sqrt":
        return Torch.sqrt(a);
      case "rsqrt":
        return Torch.rsqrt(a);
      case "sin":
        return Torch.sin(a);
      case "cos":
        return Torch.cos(a);
      case "tan":
        return Torch.tan(a);
      case "asin":
        return Torch.asin(a);
      case "acos":
        return Torch.acos(a);
      case "atan":
        return Torch.atan(a);
      case "sinh":
        return Torch.sinh(a);
      case "cosh":
        return Torch.cosh(a);
      case "tanh":
        return Torch.tanh(a);
      case "sigmoid":
        return Torch.sigmoid(a);
      case "relu":
        return Torch.relu(a);
      case "gelu":
        return Torch.gelu(a);
      case "gelu_tanh":
        return Torch.gelu(a, "tanh");
      case "silu":
        return Torch.silu(a);
      case "leaky_relu":
        return Torch.leakyRelu(a, c.doubleArg("negative_slope"));
      case "elu":
        return Torch.elu(a, c.doubleArg("alpha"));
      case "softplus":
        return Torch.softplus(a, c.doubleArg("beta"), c.doubleArg("threshold"));
      case "floor":
        return Torch.floor(a);
      case "ceil":
        return Torch.ceil(a);
      case "round":
        return Torch.round(a);
      case "sign":
        return Torch.sign(a);
      case "clamp":
        return Torch.clamp(a, c.doubleArg("min"), c.doubleArg("max"));
      case "clamp_min":
        return Torch.clampMin(a, c.doubleArg("min"));
      case "clamp_max":
        return Torch.clampMax(a, c.doubleArg("max"));
      case "where":
        return Torch.where(a, c.input(1), c.input(2));
      case "addcmul":
        return Torch.addcmul(a, c.input(1), c.input(2), c.doubleArg("value"));
      case "addcdiv":
        return Torch.addcdiv(a, c.input(1), c.input(2), c.doubleArg("value"));
      case "eq":
        return Torch.eq(a, c.input(1));
      case "ne":
        return Torch.ne(a, c.input(1));
      case "lt":
        return Torch.lt(a, c.input(1));
      case "le":
        return Torch.le(a, c.input(1));
      case "gt":
        return Torch.gt(a, c.input(1));
      case "ge":
        return Torch.ge(a, c.input(1));
      case "eq_scalar":
        return Torch.eq(a, c.doubleArg("scalar"));
      case "ne_scalar":
        return Torch.ne(a, c.doubleArg("scalar"));
      case "lt_scalar":
        return Torch.lt(a, c.doubleArg("scalar"));
      case "le_scalar":
        return Torch.le(a, c.doubleArg("scalar"));
      case "gt_scalar":
        return Torch.gt(a, c.doubleArg("scalar"));
      case "ge_scalar":
        return Torch.ge(a, c.doubleArg("scalar"));
      case "logical_and":
        return Torch.logicalAnd(a, c.input(1));
      case "logical_or":
        return Torch.logicalOr(a, c.input(1));
      case "logical_xor":
        return Torch.logicalXor(a, c.input(1));
      case "logical_not":
        return Torch.logicalNot(a);
      case "maximum":
        return Torch.maximum(a, c.input(1));
      case "minimum":
        return Torch.minimum(a, c.input(1));
      case "masked_fill":
        return Torch.maskedFill(a, c.input(1), c.doubleArg("value"));
      case "remainder":
        return Torch.remainder(a, c.input(1));
      case "remainder_scalar":
        return Torch.remainder(a, c.doubleArg("scalar"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }
}
