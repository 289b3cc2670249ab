package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The elementwise math batch of issue 13 against PyTorch 1.13 ({@code math_more_golden.py}):
 * each op through {@code Torch.x(...)} and {@code a.x(...)}, the in-place form {@code a.x_()}
 * where PyTorch's result has the input's dtype, then the arguments refused before libtorch runs.
 */
class MathMoreGoldenTest {

  private static final String FAMILY = "math_more";

  /** The in-place method of each function of one tensor that has one. */
  private static final Map<String, UnaryOperator<Tensor>> IN_PLACE = Map.ofEntries(
      Map.entry("asinh", Tensor::asinh_), Map.entry("acosh", Tensor::acosh_),
      Map.entry("atanh", Tensor::atanh_), Map.entry("log10", Tensor::log10_),
      Map.entry("exp2", Tensor::exp2_), Map.entry("erfc", Tensor::erfc_),
      Map.entry("trunc", Tensor::trunc_), Map.entry("frac", Tensor::frac_),
      Map.entry("sgn", Tensor::sgn_), Map.entry("sinc", Tensor::sinc_),
      Map.entry("deg2rad", Tensor::deg2rad_), Map.entry("rad2deg", Tensor::rad2deg_),
      Map.entry("digamma", Tensor::digamma_), Map.entry("lgamma", Tensor::lgamma_),
      Map.entry("i0", Tensor::i0_));

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      assertMatches(c, call(c, true));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      assertMatches(c, call(c, false));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inPlaceForm_matchesPyTorch(GoldenCase c) {
    UnaryOperator<Tensor> inPlace = IN_PLACE.get(c.op());
    if (inPlace == null || c.inputs().get(0).dtype() != c.expected().get(0).dtype()) {
      return; // no in-place form, or PyTorch's result has another dtype than the receiver
    }
    try (var scope = TensorScope.open()) {
      Tensor x = c.input(0);
      assertSame(x, inPlace.apply(x));
      assertMatches(c, x);
    }
  }

  private static Tensor call(GoldenCase c, boolean statics) {
    Tensor a = c.input(0);
    Tensor b = c.inputs().size() > 1 ? c.input(1) : null;
    switch (c.op()) {
      case "asinh": return statics ? Torch.asinh(a) : a.asinh();
      case "acosh": return statics ? Torch.acosh(a) : a.acosh();
      case "atanh": return statics ? Torch.atanh(a) : a.atanh();
      case "log10": return statics ? Torch.log10(a) : a.log10();
      case "exp2": return statics ? Torch.exp2(a) : a.exp2();
      case "erfc": return statics ? Torch.erfc(a) : a.erfc();
      case "trunc": return statics ? Torch.trunc(a) : a.trunc();
      case "frac": return statics ? Torch.frac(a) : a.frac();
      case "sgn": return statics ? Torch.sgn(a) : a.sgn();
      case "signbit": return statics ? Torch.signbit(a) : a.signbit();
      case "sinc": return statics ? Torch.sinc(a) : a.sinc();
      case "deg2rad": return statics ? Torch.deg2rad(a) : a.deg2rad();
      case "rad2deg": return statics ? Torch.rad2deg(a) : a.rad2deg();
      case "digamma": return statics ? Torch.digamma(a) : a.digamma();
      case "lgamma": return statics ? Torch.lgamma(a) : a.lgamma();
      case "i0": return statics ? Torch.i0(a) : a.i0();
      case "isposinf": return statics ? Torch.isposinf(a) : a.isposinf();
      case "isneginf": return statics ? Torch.isneginf(a) : a.isneginf();
      case "logit": return statics ? Torch.logit(a) : a.logit();
      case "logit_eps":
        return statics ? Torch.logit(a, c.doubleArg("eps")) : a.logit(c.doubleArg("eps"));
      case "bitwise_not": return statics ? Torch.bitwiseNot(a) : a.bitwiseNot();
      case "polygamma":
        return statics ? Torch.polygamma(c.longArg("n"), a) : a.polygamma(c.longArg("n"));
      case "mvlgamma":
        return statics ? Torch.mvlgamma(a, c.longArg("p")) : a.mvlgamma(c.longArg("p"));
      case "atan2": return statics ? Torch.atan2(a, b) : a.atan2(b);
      case "hypot": return statics ? Torch.hypot(a, b) : a.hypot(b);
      case "fmod": return statics ? Torch.fmod(a, b) : a.fmod(b);
      case "floor_divide": return statics ? Torch.floorDivide(a, b) : a.floorDivide(b);
      case "copysign": return statics ? Torch.copysign(a, b) : a.copysign(b);
      case "nextafter": return statics ? Torch.nextafter(a, b) : a.nextafter(b);
      case "logaddexp": return statics ? Torch.logaddexp(a, b) : a.logaddexp(b);
      case "logaddexp2": return statics ? Torch.logaddexp2(a, b) : a.logaddexp2(b);
      case "xlogy": return statics ? Torch.xlogy(a, b) : a.xlogy(b);
      case "heaviside": return statics ? Torch.heaviside(a, b) : a.heaviside(b);
      case "fmax": return statics ? Torch.fmax(a, b) : a.fmax(b);
      case "fmin": return statics ? Torch.fmin(a, b) : a.fmin(b);
      case "gcd": return statics ? Torch.gcd(a, b) : a.gcd(b);
      case "lcm": return statics ? Torch.lcm(a, b) : a.lcm(b);
      case "bitwise_and": return statics ? Torch.bitwiseAnd(a, b) : a.bitwiseAnd(b);
      case "bitwise_or": return statics ? Torch.bitwiseOr(a, b) : a.bitwiseOr(b);
      case "bitwise_xor": return statics ? Torch.bitwiseXor(a, b) : a.bitwiseXor(b);
      case "bitwise_left_shift":
        return statics ? Torch.bitwiseLeftShift(a, b) : a.bitwiseLeftShift(b);
      case "bitwise_right_shift":
        return statics ? Torch.bitwiseRightShift(a, b) : a.bitwiseRightShift(b);
      case "ldexp": return statics ? Torch.ldexp(a, b) : a.ldexp(b);
      case "float_power": return statics ? Torch.floatPower(a, b) : a.floatPower(b);
      case "isclose": return statics ? Torch.isclose(a, b) : a.isclose(b);
      case "isclose_tol":
        return statics
            ? Torch.isclose(a, b, c.doubleArg("rtol"), c.doubleArg("atol"), c.boolArg("equal_nan"))
            : a.isclose(b, c.doubleArg("rtol"), c.doubleArg("atol"), c.boolArg("equal_nan"));
      case "fmod_scalar":
        return statics ? Torch.fmod(a, c.doubleArg("b")) : a.fmod(c.doubleArg("b"));
      case "floor_divide_scalar":
        return statics ? Torch.floorDivide(a, c.doubleArg("b")) : a.floorDivide(c.doubleArg("b"));
      case "copysign_scalar":
        return statics ? Torch.copysign(a, c.doubleArg("b")) : a.copysign(c.doubleArg("b"));
      case "float_power_scalar":
        return statics ? Torch.floatPower(a, c.doubleArg("b")) : a.floatPower(c.doubleArg("b"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  @Test
  void everyInPlaceFormOfTheBatchIsCheckedAgainstPyTorch() {
    Set<String> ops = GoldenFixture.cases(FAMILY).map(GoldenCase::op)
        .collect(java.util.stream.Collectors.toSet());
    assertTrue(ops.containsAll(IN_PLACE.keySet()), () -> "no fixture for " + IN_PLACE.keySet());
  }

  @Test
  void theOlderFunctionsGotTheirInPlaceFormsToo() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.tensor(0.25, 0.5, 1.5);
      assertEquals(Torch.sin(x).toDoubleArray()[2], x.clone().sin_().toDoubleArray()[2], 0.0);
      assertEquals(Torch.log1p(x).toDoubleArray()[1], x.clone().log1p_().toDoubleArray()[1], 0.0);
      assertEquals(Torch.round(x).toDoubleArray()[2], x.clone().round_().toDoubleArray()[2], 0.0);
      assertEquals(Torch.erfinv(x).toDoubleArray()[0], x.clone().erfinv_().toDoubleArray()[0],
          0.0);
    }
  }

  @Test
  void inPlaceFunctionsKeepTheReceiversDtype() {
    try (var scope = TensorScope.open()) {
      Tensor ints = Torch.tensor(1L, 2L, 3L);
      TorchException e = assertThrows(TorchException.class, ints::sin_);
      assertEquals("Tensor.sin_", e.op());
      assertEquals(DType.INT64, ints.dtype());
      Tensor leaf = Torch.ones(3).requiresGrad_(true);
      assertThrows(TorchException.class, leaf::exp2_);
    }
  }

  @Test
  void argumentsOutsideTheirDomainAreNamed() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.ones(3);
      IllegalArgumentException eps =
          assertThrows(IllegalArgumentException.class, () -> Torch.logit(x, 0.75));
      assertTrue(eps.getMessage().contains("eps = 0.75 is outside [0, 0.5]"), eps.getMessage());
      IllegalArgumentException n =
          assertThrows(IllegalArgumentException.class, () -> Torch.polygamma(-1, x));
      assertTrue(n.getMessage().contains("n = -1 is negative"), n.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Torch.mvlgamma(x, 0));
      assertThrows(IllegalArgumentException.class, () -> Torch.isclose(x, x, -1.0, 0.0, false));
      TorchException floats = assertThrows(TorchException.class, () -> Torch.gcd(x, x));
      assertEquals("Torch.gcd", floats.op());
    }
  }
}
