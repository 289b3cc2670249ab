package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.EighDecomposition;
import dev.shapetorch.tensor.Linalg;
import dev.shapetorch.tensor.QrDecomposition;
import dev.shapetorch.tensor.SvdDecomposition;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code torch.linalg} basics against PyTorch 1.13 ({@code linalg_golden.py}): {@code
 * Linalg.inv}, {@code det}, {@code solve}, {@code cholesky}, {@code qr}, {@code eigh}, {@code
 * svd}, {@code matrixNorm}, {@code vectorNorm}, batched and not, float64 and float32, and the
 * gradients of {@code inv}, {@code det} and {@code solve}; {@code Torch.inverse}, {@code
 * Torch.det} and their instance forms on the same cases.
 *
 * <p>The factors whose signs are not unique are compared by absolute value (what the fixture
 * records) and must also reconstruct the input: {@code q @ r}, {@code u @ diag(s) @ vh}, {@code
 * v @ diag(w) @ v^T}. LAPACK builds differ in their last bits, so the tolerances are those of a
 * factorisation, not of an elementwise op: 1e-10 (float64) and 2e-5 (float32) relative to
 * max(1, |expected|).
 */
class LinalgBasicsGoldenTest {

  private static final String FAMILY = "linalg_basics";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void linalgForm_matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      switch (c.op()) {
        case "inv" -> assertResults(c, List.of(Linalg.inv(a)));
        case "det" -> assertResults(c, List.of(Linalg.det(a)));
        case "solve" -> assertResults(c, List.of(Linalg.solve(a, c.input(1))));
        case "cholesky" -> assertResults(c, List.of(Linalg.cholesky(a)));
        case "qr" -> {
          QrDecomposition qr = Linalg.qr(a);
          assertResults(c, List.of(qr.q().abs(), qr.r().abs()));
          assertReconstructs(c, a, qr.q().matmul(qr.r()));
        }
        case "eigh" -> {
          EighDecomposition e = Linalg.eigh(a);
          Tensor v = e.eigenvectors();
          assertResults(c, List.of(e.eigenvalues(), v.abs()));
          assertReconstructs(c, a, v.mul(e.eigenvalues().unsqueeze(-2)).matmul(v.mT()));
        }
        case "svd" -> {
          SvdDecomposition usv = Linalg.svd(a);
          assertResults(c, List.of(usv.u().abs(), usv.s(), usv.vh().abs()));
          assertReconstructs(c, a, usv.u().mul(usv.s().unsqueeze(-2)).matmul(usv.vh()));
        }
        case "matrix_norm" -> {
          String ord = c.stringArg("ord");
          Tensor r = ord.equals("fro") || ord.equals("nuc")
              ? Linalg.matrixNorm(a, ord) : Linalg.matrixNorm(a, number(ord));
          assertResults(c, List.of(r));
        }
        case "matrix_norm_default" -> assertResults(c, List.of(Linalg.matrixNorm(a)));
        case "vector_norm" -> assertResults(c, List.of(Linalg.vectorNorm(a,
            number(c.stringArg("ord")), c.intsArg("dims"), c.boolArg("keepdim"))));
        case "vector_norm_default" -> assertResults(c, List.of(Linalg.vectorNorm(a)));
        case "inv_grad" -> {
          a.requiresGrad_(true);
          Linalg.inv(a).mul(c.input(1)).sum().backward();
          assertResults(c, List.of(a.grad()));
        }
        case "det_grad" -> {
          a.requiresGrad_(true);
          Linalg.det(a).sum().backward();
          assertResults(c, List.of(a.grad()));
        }
        case "solve_grad" -> {
          Tensor b = c.input(1);
          a.requiresGrad_(true);
          b.requiresGrad_(true);
          Linalg.solve(a, b).mul(c.input(2)).sum().backward();
          assertResults(c, List.of(a.grad(), b.grad()));
        }
        default -> throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void torchSpellings_matchPyTorch(GoldenCase c) {
    assumeTrue(c.op().equals("inv") || c.op().equals("det"), "Torch.inverse, Torch.det only");
    try (var scope = TensorScope.open()) {
      Tensor a = c.input(0);
      if (c.op().equals("inv")) {
        assertResults(c, List.of(Torch.inverse(a)));
        assertResults(c, List.of(a.inverse()));
      } else {
        assertResults(c, List.of(Torch.det(a)));
        assertResults(c, List.of(a.det()));
      }
    }
  }

  /** A fixture's ord: {@code "2"}, {@code "-inf"}, {@code "3.5"}. */
  private static double number(String ord) {
    return switch (ord) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(ord);
    };
  }

  private static double tolerance(DType dtype) {
    return dtype == DType.FLOAT32 ? 2e-5 : 1e-10;
  }

  private static void assertResults(GoldenCase c, List<Tensor> actual) {
    assertEquals(c.expected().size(), actual.size(), c.id() + ": number of results");
    for (int i = 0; i < actual.size(); i++) {
      GoldenTensor expected = c.expected().get(i);
      Tensor r = actual.get(i);
      String where = c.id() + " result " + i;
      assertArrayEquals(expected.shape(), r.shape(), where + ": shape");
      assertEquals(expected.dtype(), r.dtype(), where + ": dtype");
      assertClose(where, expected.doubles(), r.to(DType.FLOAT64).toDoubleArray(),
          tolerance(expected.dtype()));
    }
  }

  private static void assertReconstructs(GoldenCase c, Tensor input, Tensor product) {
    assertArrayEquals(input.shape(), product.shape(), c.id() + ": reconstruction's shape");
    double tol = input.dtype() == DType.FLOAT32 ? 1e-4 : 1e-10;
    assertClose(c.id() + ": reconstruction", input.to(DType.FLOAT64).toDoubleArray(),
        product.to(DType.FLOAT64).toDoubleArray(), tol);
  }
}
