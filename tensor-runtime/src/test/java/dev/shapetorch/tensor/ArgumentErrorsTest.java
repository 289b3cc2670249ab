package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.recurrent.LSTM;
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
  void aNullMatmulOperand_namesTheParameter_inBothForms() {
    Tensor x = Torch.randn(2, 3);
    assertStarts("Torch.matmul: b is null", () -> Torch.matmul(x, null));
    // The method form is generated from the same declaration: its parameter's name, as declared.
    String other = assertDoesNotThrow(() -> Tensor.class.getMethod("matmul", Tensor.class))
        .getParameters()[0].getName();
    assertStarts("Tensor.matmul: " + other + " is null", () -> x.matmul(null));
    assertStarts("Tensor.expandAs: other is null", () -> x.expandAs(null));
  }

  @Test
  void aNullInput_ofOpsWhoseRuleTakesTensorsInAnotherOrder_isNamedAsTheInput() {
    // The channel rule's inputs are (weight, input): the null used to be named "weight".
    assertStarts("Torch.batchNorm: input is null", () -> Torch.batchNorm(null, Torch.ones(3),
        Torch.zeros(3), null, null, true, 0.1, 1e-5));
    assertStarts("Torch.groupNorm: input is null",
        () -> Torch.groupNorm(null, 1, Torch.ones(3), Torch.zeros(3), 1e-5));
    long[] one = {1, 1};
    long[] zero = {0, 0};
    assertStarts("Torch.convolutionBackward: input is null",
        () -> Torch.convolutionBackward(Torch.randn(1, 2, 3, 3), null, Torch.randn(2, 1, 1, 1),
            true, false, one, zero, one, 1));
    assertStarts("Torch.maxPool2dWithIndicesBackward: input is null",
        () -> Torch.maxPool2dWithIndicesBackward(Torch.randn(1, 1, 2, 2), null,
            new long[] {2, 2}, new long[] {2, 2}, zero, one, false, Torch.zeros(1, 1, 2, 2)));
  }

  @Test
  void nullArrays_ofFactories_areNamed() {
    assertStarts("Torch.tensor: values is null", () -> Torch.tensor((double[]) null));
    assertStarts("Torch.tensor: values is null", () -> Torch.tensor((boolean[]) null));
    assertStarts("Torch.frombuffer: data is null",
        () -> Torch.frombuffer(null, DType.FLOAT32, 2));
  }

  @Test
  void frombuffer_aShapeWhoseByteCountOverflows_saysSoInsteadOfOverflowing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.frombuffer(new byte[0], DType.BOOL, 1L << 40, 1L << 30));
    // The generated guard (Rule.SIZES on the shape) refuses the size before any byte is read.
    assertEquals("Torch.frombuffer: the result of shape [1099511627776, 1073741824] would need"
        + " more bytes than a 64-bit size can count; check the sizes, strides and paddings"
        + " passed", e.getMessage());
  }

  @Test
  void helpers_nullArguments_areNamedUnderTheHelper() {
    assertStarts("ScopeTransfer.adopt: tensor is null", () -> ScopeTransfer.adopt(null));
    assertStarts("MemoryLimit.require: dtype is null",
        () -> MemoryLimit.require("LSTM", "the parameters", new long[] {2}, null));
    assertStarts("Torch.suggestMemoryFormat: x is null", () -> Torch.suggestMemoryFormat(null));
  }

  @Test
  void exceptionConstructors_rejectNulls_namingThemselves() {
    assertStarts("ShapeException: mismatch is null", () -> new ShapeException(null));
    assertStarts("TorchException: inputs is null",
        () -> new TorchException("Torch.add", "a reason", null, null));
    assertStarts("TorchException: op is null", () -> new TorchException(null, "r", "", null));
  }

  @Test
  void requireNonNullElements_namesTheElementUnderTheCallersOp() {
    List<Object> withNull = java.util.Arrays.asList("a", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arguments.requireNonNullElements(withNull, "names"));
    assertEquals("names[1] is null; pass a value", e.getMessage()); // no op: called from a test
  }

  @Test
  void gru_withZeroLayers_isRefusedBeforeItIndexesTheParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.gru(Torch.randn(5, 2, 3), Torch.zeros(1, 2, 4), List.of(), true, 0, 0.0,
            false, false, false));
    assertTrue(e.getMessage().startsWith("Torch.gru: numLayers must be 1 to the number of"
        + " parameter tensors (0), got 0"), e.getMessage());
  }

  @Test
  void lstm_withACellStateOfAnotherShape_namesTheCellState() {
    LSTM layer = new LSTM(3, 4);
    ShapeException e = assertThrows(ShapeException.class,
        () -> Torch.lstm(Torch.randn(5, 2, 3), Torch.zeros(1, 2, 4), Torch.zeros(1, 3, 4),
            layer.parameters().stream().map(Parameter::get).toList(), true, 1, 0.0, false,
            false, false));
    assertEquals("[shape.mismatch.rnn.input] Torch.lstm: initial cell state [1, 3, 4] must be"
        + " [1, 2, 4] for input [5, 2, 3] read as sequence-first [L, N, In]; is the input's"
        + " layout what batchFirst says?", e.getMessage());
  }

  private static void assertStarts(String start, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
