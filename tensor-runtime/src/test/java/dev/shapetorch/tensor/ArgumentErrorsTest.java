package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §6's message classes: a null argument names the op the user called and the
 * parameter (in that op's own words, whichever inner op found it); a freed tensor names the op;
 * counts that would index past the parameters are refused up front.
 */
class ArgumentErrorsTest {

  @Test
  void aNullTensor_namesTheOpAndTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.add(Torch.randn(2), (Tensor) null));
    assertTrue(e.getMessage().startsWith("Torch.add: b is null"), e.getMessage());
  }

  @Test
  void aNullTensor_throughTheMethodForm_isNamedAsTheMethodNamesIt() {
    Tensor x = Torch.randn(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> x.dot(null));
    // The parameter's name as the method form declares it (compiled with -parameters).
    String name = assertDoesNotThrow(() -> Tensor.class.getMethod("dot", Tensor.class))
        .getParameters()[0].getName();
    assertTrue(e.getMessage().startsWith("Tensor.dot: " + name + " is null"), e.getMessage());
  }

  @Test
  void aNullTensor_throughF_isNamedAsFNamesIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> F.softplus(null, 1.0, 20.0));
    assertTrue(e.getMessage().startsWith("F.softplus: input is null"), e.getMessage());
  }

  @Test
  void aNullDtype_namesTheOp() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.zeros(new long[] {2}, null));
    assertTrue(e.getMessage().startsWith("Torch.zeros: dtype is null"), e.getMessage());
  }

  @Test
  void aFreedArgument_namesTheOp() {
    Tensor a = Torch.randn(2);
    Tensor b = Torch.randn(2);
    b.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.add(b));
    assertEquals("Tensor.add: a tensor it was given has been freed: it was closed with close()",
        e.getMessage());
  }

  @Test
  void gru_withZeroLayers_isRefusedBeforeItIndexesTheParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.gru(Torch.randn(5, 2, 3), Torch.zeros(1, 2, 4), List.of(), true, 0, 0.0,
            false, false, false));
    assertTrue(e.getMessage().startsWith("Torch.gru: numLayers must be 1 to the number of"
        + " parameter tensors (0), got 0"), e.getMessage());
  }
}
