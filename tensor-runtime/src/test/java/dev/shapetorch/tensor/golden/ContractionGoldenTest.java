package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertTensor;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tensordot}, {@code kron}, {@code cdist}, {@code diag} and {@code meshgrid} against
 * PyTorch 1.13 ({@code einsum_golden.py}'s {@code contraction} family): results, and the
 * gradient of {@code (result * weight).sum()} for each operand where PyTorch has one; then the
 * refusals, raised by the rules before libtorch runs.
 */
class ContractionGoldenTest {

  private static final String FAMILY = "contraction";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(GoldenCase c) {
    try (var scope = TensorScope.open()) {
      List<Tensor> inputs = c.inputTensors();
      if (c.op().equals("meshgrid")) {
        List<Tensor> grids = Torch.meshgrid(c.stringArg("indexing"), inputs.toArray(new Tensor[0]));
        GoldenAssert.assertMatches(c, grids);
        GoldenAssert.assertMatches(c, Torch.meshgrid(inputs, c.stringArg("indexing")));
        return;
      }
      int n = inputs.size() - 1;
      List<Tensor> operands = new ArrayList<>(inputs.subList(0, n));
      for (Tensor t : operands) {
        t.requiresGrad_(true);
      }
      Tensor weight = inputs.get(n);
      Tensor a = operands.get(0);
      Tensor b = n > 1 ? operands.get(1) : null;
      Tensor r;
      switch (c.op()) {
        case "tensordot":
          r = Torch.tensordot(a, b, c.longArg("dims"));
          break;
        case "tensordot_dims":
          r = Torch.tensordot(a, b, c.longsArg("dims_a"), c.longsArg("dims_b"));
          break;
        case "kron":
          r = a.kron(b);
          assertTensor(c.id() + " static form", c.expected().get(0), Torch.kron(a, b).detach());
          break;
        case "cdist":
          r = c.doubleArg("p") == 2.0 ? Torch.cdist(a, b) : Torch.cdist(a, b, c.doubleArg("p"));
          break;
        case "diag":
          r = c.longArg("diagonal") == 0 ? a.diag() : Torch.diag(a, c.longArg("diagonal"));
          break;
        default:
          throw new AssertionError("no ShapeTorch call for fixture op " + c.op());
      }
      assertTensor(c.id() + " result", c.expected().get(0), r.detach());
      r.mul(weight).sum().backward();
      for (int k = 0; k + 1 < c.expected().size(); k++) {
        assertTensor(c.id() + " gradient of operand " + k, c.expected().get(1 + k),
            operands.get(k).grad());
      }
    }
  }

  @Test
  void contractedDimsThatDifferAreRefused() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.MISMATCH_CONTRACTION, "tensordot",
          () -> Torch.tensordot(Torch.zeros(2, 3, 4), Torch.zeros(4, 4, 5), 2),
          shape(2, 3, 4), shape(4, 4, 5));
      assertShapeError(MessageKeys.DIM_RANGE, "tensordot",
          () -> Torch.tensordot(Torch.zeros(2, 3), Torch.zeros(3, 4), 3), shape(2, 3));
      assertShapeError(MessageKeys.DIM_RANGE, "tensordot",
          () -> Torch.tensordot(Torch.zeros(2, 3), Torch.zeros(3, 4), -1));
      assertShapeError(MessageKeys.DIM_ORDER, "tensordot",
          () -> Torch.tensordot(Torch.zeros(2, 3, 3), Torch.zeros(3, 3, 5), new long[] {1, 1},
              new long[] {0, 1}));
      assertShapeError(MessageKeys.MISMATCH_CONTRACTION, "cdist",
          () -> Torch.cdist(Torch.zeros(3, 4), Torch.zeros(5, 3)), shape(3, 4), shape(5, 3));
    }
  }

  @Test
  void ranksAnOpDoesNotTakeAreRefused() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.RANK, "diag", () -> Torch.diag(Torch.zeros(2, 3, 4)),
          shape(2, 3, 4));
      assertShapeError(MessageKeys.RANK, "cdist",
          () -> Torch.cdist(Torch.zeros(4), Torch.zeros(4)), shape(4));
      assertShapeError(MessageKeys.RANK, "meshgrid",
          () -> Torch.meshgrid("ij", Torch.zeros(2, 2), Torch.zeros(3)), shape(2, 2));
      assertShapeError(MessageKeys.JOIN_EMPTY, "meshgrid",
          () -> Torch.meshgrid(List.of(), "ij"));
    }
  }

  @Test
  void aDiagonalOutsideTheMatrixIsEmpty() {
    try (var scope = TensorScope.open()) {
      assertEquals(0, Torch.diag(Torch.zeros(3, 5), 7).shape()[0]);
      assertEquals(0, Torch.diag(Torch.zeros(3, 5), -4).shape()[0]);
    }
  }

  @Test
  void badArgumentsAreNamed() {
    try (var scope = TensorScope.open()) {
      Tensor x = Torch.zeros(3, 2);
      IllegalArgumentException p =
          assertThrows(IllegalArgumentException.class, () -> Torch.cdist(x, x, -1.0));
      assertTrue(p.getMessage().contains("p = -1.0 is not a norm order"), p.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Torch.cdist(x, x, Double.NaN));
      IllegalArgumentException indexing = assertThrows(IllegalArgumentException.class,
          () -> Torch.meshgrid("ab", Torch.zeros(2), Torch.zeros(3)));
      assertTrue(indexing.getMessage().contains("indexing \"ab\" is not one of \"ij\""),
          indexing.getMessage());
    }
  }
}
