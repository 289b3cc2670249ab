package dev.shapetorch.tensor.golden;

import static dev.shapetorch.tensor.golden.GoldenAssert.assertTensor;
import static dev.shapetorch.tensor.golden.ShapeErrors.assertShapeError;
import static dev.shapetorch.tensor.golden.ShapeErrors.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Torch.einsum} against PyTorch 1.13 ({@code einsum_golden.py}): the result and the
 * gradient of {@code (result * weight).sum()} for each operand, through both forms (varargs and
 * list); then the shape errors, raised by the rule before libtorch runs with the text the checker
 * reports at compile time.
 */
class EinsumGoldenTest {

  private static final String FAMILY = "einsum";

  static Stream<GoldenCase> cases() {
    return GoldenFixture.cases(FAMILY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesAndGradientsMatchPyTorch(GoldenCase c) {
    check(c, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void listFormMatchesPyTorch(GoldenCase c) {
    check(c, true);
  }

  private static void check(GoldenCase c, boolean asList) {
    try (var scope = TensorScope.open()) {
      List<Tensor> inputs = c.inputTensors();
      int n = inputs.size() - 1;
      List<Tensor> operands = new ArrayList<>(inputs.subList(0, n));
      for (Tensor t : operands) {
        t.requiresGrad_(true);
      }
      Tensor weight = inputs.get(n);
      String equation = c.stringArg("equation");
      Tensor r = asList
          ? Torch.einsum(equation, operands)
          : Torch.einsum(equation, operands.toArray(new Tensor[0]));
      assertTensor(c.id() + " result", c.expected().get(0), r.detach());
      r.mul(weight).sum().backward();
      for (int k = 0; k < n; k++) {
        assertTensor(c.id() + " gradient of operand " + k, c.expected().get(1 + k),
            operands.get(k).grad());
      }
    }
  }

  @Test
  void aLetterWithTwoSizesIsRefusedNamingBothOperands() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.zeros(2, 3);
      Tensor b = Torch.zeros(4, 5);
      ShapeException e = assertShapeError(MessageKeys.MISMATCH_EINSUM, "einsum",
          () -> Torch.einsum("ij,jk->ik", a, b), shape(4, 5));
      assertTrue(e.getMessage().contains("the letter j of \"ij,jk->ik\" has size 3 in operand 0"
          + " (dim 1) and size 4 in operand 1 (dim 0)"), e.getMessage());
    }
  }

  @Test
  void ellipsisDimsThatDoNotBroadcastAreRefused() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.MISMATCH_EINSUM, "einsum",
          () -> Torch.einsum("...ij,...jk", Torch.zeros(5, 2, 3), Torch.zeros(6, 3, 4)),
          shape(5), shape(6));
    }
  }

  @Test
  void aRepeatedLetterOverUnequalDimsIsRefused() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.MISMATCH_EINSUM, "einsum",
          () -> Torch.einsum("ii->i", Torch.zeros(3, 4)), shape(3, 4));
    }
  }

  @Test
  void aSubscriptThatDoesNotFitTheRankIsRefused() {
    try (var scope = TensorScope.open()) {
      assertShapeError(MessageKeys.RANK, "einsum",
          () -> Torch.einsum("ij", Torch.zeros(2, 3, 4)), shape(2, 3, 4));
    }
  }

  @Test
  void equationsThatAreNoEquationAndWrongOperandCountsAreRefused() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.zeros(2, 3);
      ShapeException bad = assertThrows(ShapeException.class, () -> Torch.einsum("i1", a));
      assertTrue(bad.getMessage().startsWith("[" + MessageKeys.EINSUM_SYNTAX + "] Torch.einsum:"
          + " the equation \"i1\" is not valid at index 1"), bad.getMessage());
      ShapeException count =
          assertThrows(ShapeException.class, () -> Torch.einsum("ij,jk", List.of(a)));
      assertTrue(count.getMessage().contains("has 2 operand subscripts, got 1 tensor"),
          count.getMessage());
    }
  }

  @Test
  void nullsAreNamedNotCrashes() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.zeros(2, 3);
      IllegalArgumentException eq =
          assertThrows(IllegalArgumentException.class, () -> Torch.einsum(null, a));
      assertTrue(eq.getMessage().contains("equation"), eq.getMessage());
      IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
          () -> Torch.einsum("ij,jk", Arrays.asList(a, null)));
      assertTrue(element.getMessage().contains("1"), element.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> Torch.einsum("ij", (List<Tensor>) null));
    }
  }

  @Test
  void mixedDtypesFailInLibtorchNamingTheOpAndInputs() {
    try (var scope = TensorScope.open()) {
      Tensor a = Torch.zeros(2, 3);
      Tensor b = Torch.zeros(3, 4).to(DType.INT64);
      TorchException e = assertThrows(TorchException.class, () -> Torch.einsum("ij,jk", a, b));
      assertEquals("Torch.einsum", e.op());
      assertTrue(e.getMessage().contains("int64[3, 4]"), e.getMessage());
      // The JVM and libtorch are fine afterwards.
      assertEquals(List.of(2L, 4L),
          Arrays.stream(Torch.einsum("ij,jk", a, Torch.zeros(3, 4)).shape()).boxed().toList());
    }
  }
}
