package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertMatches;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's breadth batch against PyTorch 1.13 ({@code breadth_golden.py}): NaN-aware
 * reductions and scans, fused products, matrix functions, membership tests and view-like ops, in
 * the static and the instance form where both exist; then the refusals.
 */
class BreadthGoldenTest {

  private static final String FAMILY = "breadth";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticForm_matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      check(c, true);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void instanceForm_matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      check(c, false);
    }
  }

  private static void check(GoldenCase c, boolean s) {
    List<Tensor> in = c.inputTensors();
    Tensor a = in.isEmpty() ? null : in.get(0);
    Tensor b = in.size() > 1 ? in.get(1) : null;
    Tensor d = in.size() > 2 ? in.get(2) : null;
    switch (c.op()) {
      case "cummax":
        pair(c, s ? Torch.cummax(a, c.intArg("dim")) : a.cummax(c.intArg("dim")));
        return;
      case "cummin":
        pair(c, s ? Torch.cummin(a, c.intArg("dim")) : a.cummin(c.intArg("dim")));
        return;
      case "kthvalue":
        pair(c, s ? Torch.kthvalue(a, c.longArg("k"), c.intArg("dim"), c.boolArg("keepdim"))
            : a.kthvalue(c.longArg("k"), c.intArg("dim"), c.boolArg("keepdim")));
        return;
      default:
        assertMatches(c, single(c, s, a, b, d));
    }
  }

  private static void pair(GoldenCase c, ValuesAndIndices r) {
    assertMatches(c, List.of(r.values(), r.indices()));
  }

  private static Tensor single(GoldenCase c, boolean s, Tensor a, Tensor b, Tensor d) {
    switch (c.op()) {
      case "nansum": return s ? Torch.nansum(a) : a.nansum();
      case "nansum_dim":
        return s ? Torch.nansum(a, c.intArg("dim"), c.boolArg("keepdim"))
            : a.nansum(c.intArg("dim"), c.boolArg("keepdim"));
      case "nanmean": return s ? Torch.nanmean(a) : a.nanmean();
      case "nanmean_dim":
        return s ? Torch.nanmean(a, c.intArg("dim"), c.boolArg("keepdim"))
            : a.nanmean(c.intArg("dim"), c.boolArg("keepdim"));
      case "count_nonzero": return s ? Torch.countNonzero(a) : a.countNonzero();
      case "count_nonzero_dim":
        return s ? Torch.countNonzero(a, c.intArg("dim")) : a.countNonzero(c.intArg("dim"));
      case "logcumsumexp":
        return s ? Torch.logcumsumexp(a, c.intArg("dim")) : a.logcumsumexp(c.intArg("dim"));
      case "msort": return s ? Torch.msort(a) : a.msort();
      case "addmm": return s ? Torch.addmm(a, b, d) : a.addmm(b, d);
      case "addmm_scaled":
        return s ? Torch.addmm(a, b, d, c.doubleArg("beta"), c.doubleArg("alpha"))
            : a.addmm(b, d, c.doubleArg("beta"), c.doubleArg("alpha"));
      case "addmv": return s ? Torch.addmv(a, b, d) : a.addmv(b, d);
      case "addr":
        return s ? Torch.addr(a, b, d, c.doubleArg("beta"), c.doubleArg("alpha"))
            : a.addr(b, d, c.doubleArg("beta"), c.doubleArg("alpha"));
      case "baddbmm": return s ? Torch.baddbmm(a, b, d) : a.baddbmm(b, d);
      case "addbmm":
        return s ? Torch.addbmm(a, b, d, c.doubleArg("beta"), c.doubleArg("alpha"))
            : a.addbmm(b, d, c.doubleArg("beta"), c.doubleArg("alpha"));
      case "vdot": return s ? Torch.vdot(a, b) : a.vdot(b);
      case "cross": return s ? Torch.cross(a, b, c.intArg("dim")) : a.cross(b, c.intArg("dim"));
      case "trace": return s ? Torch.trace(a) : a.trace();
      case "matrix_power":
        return s ? Torch.matrixPower(a, c.longArg("n")) : a.matrixPower(c.longArg("n"));
      case "matrix_exp": return s ? Torch.matrixExp(a) : a.matrixExp();
      case "logdet": return s ? Torch.logdet(a) : a.logdet();
      case "cov": return s ? Torch.cov(a) : a.cov();
      case "corrcoef": return s ? Torch.corrcoef(a) : a.corrcoef();
      case "renorm":
        return s ? Torch.renorm(a, c.doubleArg("p"), c.intArg("dim"), c.doubleArg("maxnorm"))
            : a.renorm(c.doubleArg("p"), c.intArg("dim"), c.doubleArg("maxnorm"));
      case "isin": return s ? Torch.isin(a, b) : a.isin(b);
      case "isreal": return s ? Torch.isreal(a) : a.isreal();
      case "bucketize": return s ? Torch.bucketize(a, b) : a.bucketize(b);
      case "bucketize_right":
        return s ? Torch.bucketize(a, b, c.boolArg("right")) : a.bucketize(b, c.boolArg("right"));
      case "masked_select": return s ? Torch.maskedSelect(a, b) : a.maskedSelect(b);
      case "fliplr": return s ? Torch.fliplr(a) : a.fliplr();
      case "positive": return s ? Torch.positive(a) : a.positive();
      case "flipud": return s ? Torch.flipud(a) : a.flipud();
      case "broadcast_to":
        return s ? Torch.broadcastTo(a, c.longsArg("sizes")) : a.broadcastTo(c.longsArg("sizes"));
      case "view_as": return a.viewAs(b);
      case "reshape_as": return a.reshapeAs(b);
      case "type_as": return a.typeAs(b);
      case "logspace":
        return Torch.logspace(c.doubleArg("start"), c.doubleArg("end"), c.longArg("steps"));
      case "logspace_base":
        return Torch.logspace(c.doubleArg("start"), c.doubleArg("end"), c.longArg("steps"),
            c.doubleArg("base"));
      default:
        throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
    }
  }

  @Test
  void dtypePredicatesAnswerLikePyTorch() {
    try (var scope = TensorScope.open()) {
      Tensor f = Torch.zeros(2);
      Tensor i = Torch.zeros(2).to(DType.INT64);
      assertTrue(Torch.isFloatingPoint(f));
      assertFalse(i.isFloatingPoint());
      assertFalse(Torch.isComplex(f));
      assertTrue(i.isSigned());
      assertFalse(Torch.zeros(2).to(DType.BOOL).isSigned());
      assertTrue(Torch.isNonzero(Torch.ones(1, 1)));
      assertFalse(Torch.zeros(1).isNonzero());
      IllegalArgumentException many =
          assertThrows(IllegalArgumentException.class, () -> Torch.isNonzero(f));
      assertTrue(many.getMessage().contains("has 2 elements"), many.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Torch.isNonzero(Torch.zeros(0)));
      assertTrue(f.isSameSize(Torch.ones(2)));
      assertFalse(f.isSameSize(Torch.ones(2, 1)));
    }
  }

  @Test
  void squareAndMatrixPatternsAreCheckedBeforeLibtorch() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.MISMATCH_ARGUMENT, "matrixPower",
          () -> Torch.matrixPower(Torch.zeros(2, 3), 2), shape(2, 3));
      assertShapeError(MessageKeys.MISMATCH_ARGUMENT, "addmm",
          () -> Torch.addmm(Torch.zeros(2, 4), Torch.zeros(2, 3), Torch.zeros(4, 4)),
          shape(4, 4));
      assertShapeError(MessageKeys.RANK, "trace", () -> Torch.trace(Torch.zeros(3)), shape(3));
    }
  }

  @Test
  void argumentsOutsideTheirRangeAreNamed() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.zeros(2, 3);
      IllegalArgumentException k =
          assertThrows(IllegalArgumentException.class, () -> Torch.kthvalue(x, 4, 1, false));
      assertTrue(k.getMessage().contains("k = 4 is out of range for dim 1"), k.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Torch.kthvalue(x, 0, 1, false));
      assertThrows(IllegalArgumentException.class, () -> Torch.renorm(x, 0.0, 0, 1.0));
      // libtorch's kernel never returns for this n (found by the fuzz test).
      assertThrows(IllegalArgumentException.class,
          () -> Torch.matrixPower(Torch.eye(2), Long.MIN_VALUE));
      assertThrows(IllegalArgumentException.class, () -> Torch.logspace(0, 1, -1));
      TorchException cross =
          assertThrows(TorchException.class, () -> Torch.cross(x, x, 0));
      assertEquals("Torch.cross", cross.op());
      TorchException view = assertThrows(TorchException.class, () -> x.viewAs(Torch.zeros(4)));
      assertEquals("Tensor.viewAs", view.op());
    }
  }
}
