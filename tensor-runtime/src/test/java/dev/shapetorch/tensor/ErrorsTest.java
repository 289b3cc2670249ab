package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.Broadcasting;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors are Java exceptions with short messages: shape mismatches carry the shape rule's own
 * text, libtorch's errors keep their backtrace out of the message, and no input crashes the JVM.
 */
class ErrorsTest {

  @Test
  void broadcastMismatch_messageIsTheRulesRender() {
    Tensor a = Torch.zeros(2, 3);
    Tensor b = Torch.zeros(4);
    ShapeException e = assertThrows(ShapeException.class, () -> a.add(b));
    String expected = Broadcasting.broadcast("Tensor.add", TensorShape.of(2, 3), TensorShape.of(4))
        .mismatch().render();
    assertEquals(expected, e.getMessage());
    assertEquals("[shape.broadcast] Tensor.add: shapes [2, 3] and [4] cannot be broadcast: dim 1"
        + " of a is 3, dim 0 of b is 4 (sizes must be equal, or one of them 1)", e.getMessage());
    assertEquals("shape.broadcast", e.key());
  }

  @Test
  void staticAndInstanceCalls_nameTheOpAsWritten() {
    Tensor a = Torch.zeros(2, 3);
    Tensor b = Torch.zeros(4);
    assertTrue(assertThrows(ShapeException.class, () -> Torch.mul(a, b)).getMessage()
        .startsWith("[shape.broadcast] Torch.mul: "));
    assertTrue(assertThrows(ShapeException.class, () -> a.mul(b)).getMessage()
        .startsWith("[shape.broadcast] Tensor.mul: "));
  }

  @Test
  void matmulMismatch_namesBothShapes() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Torch.zeros(64, 784).matmul(Torch.zeros(128, 10)));
    assertEquals("[shape.mismatch.matmul] Tensor.matmul: inner dimensions differ: a is [64, 784]"
        + " (dim 1 = 784), b is [128, 10] (dim 0 = 128)", e.getMessage());
  }

  @Test
  void mmMismatch_isCheckedByItsRule() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Torch.mm(Torch.zeros(2, 3), Torch.zeros(2, 3)));
    assertEquals("[shape.mismatch.matmul.mm] Torch.mm: inner dimensions differ: a is [2, 3]"
        + " (dim 1 = 3), b is [2, 3] (dim 0 = 2)", e.getMessage());
    // rank mismatch too
    ShapeException rank =
        assertThrows(ShapeException.class, () -> Torch.mm(Torch.zeros(3), Torch.zeros(3, 3)));
    assertTrue(rank.getMessage().startsWith("[shape.rank] Torch.mm: "), rank.getMessage());
  }

  @Test
  void shapeMismatch_leavesTheInputsUntouched() {
    Tensor a = Torch.ones(2, 3);
    assertThrows(ShapeException.class, () -> a.add_(Torch.ones(4)));
    assertEquals(6.0, a.sum().item());
  }

  @Test
  void viewWithTheWrongElementCount_isAShapeException() {
    ShapeException e = assertThrows(ShapeException.class, () -> Torch.zeros(2, 3).view(4, 2));
    assertEquals("[shape.reshape.numel] Tensor.view: shape [4, 2] is invalid for input [2, 3] of 6"
        + " elements", e.getMessage());
  }

  @Test
  void dimOutOfRange_isAnIllegalArgumentNeverACrash() {
    Tensor a = Torch.zeros(2, 3);
    assertThrows(IllegalArgumentException.class, () -> a.transpose(0, 2));
    assertThrows(IllegalArgumentException.class, () -> a.unsqueeze(-4));
    assertThrows(IllegalArgumentException.class, () -> a.permute(0, 0));
    assertThrows(IllegalArgumentException.class, () -> a.flatten(2, 3));
    ShapeException e = assertThrows(ShapeException.class, () -> a.sum(5));
    assertEquals("shape.dim.range", e.key());
    assertTrue(e.getMessage().startsWith("[shape.dim.range] Tensor.sum: "), e.getMessage());
    assertEquals("shape.dim.range", assertThrows(ShapeException.class, () -> a.softmax(-3)).key());
    assertEquals("shape.dim.range", assertThrows(ShapeException.class, () -> a.max(2)).key());
    assertEquals("shape.dim.range",
        assertThrows(ShapeException.class, () -> Torch.std(a, 2, false)).key());
  }

  @Test
  void catOfMismatchedShapes_isAShapeException() {
    assertEquals("shape.mismatch.cat", assertThrows(ShapeException.class,
        () -> Torch.cat(List.of(Torch.zeros(2, 3), Torch.zeros(2, 4)), 0)).key());
    assertEquals("shape.mismatch.stack", assertThrows(ShapeException.class,
        () -> Torch.stack(List.of(Torch.zeros(2, 3), Torch.zeros(3, 2)))).key());
    assertEquals("shape.join.empty",
        assertThrows(ShapeException.class, () -> Torch.cat(List.of())).key());
  }

  @Test
  void libtorchError_shortMessageWithoutBacktrace_backtraceInCause() {
    Tensor b = Torch.tensor(true, false);
    TorchException e = assertThrows(TorchException.class, () -> Torch.neg(b));
    assertEquals("Torch.neg: Negation, the `-` operator, on a bool tensor is not supported. If you"
        + " are trying to invert a mask, use the `~` or `logical_not()` operator instead. (inputs:"
        + " bool[2])", e.getMessage());
    assertEquals("Torch.neg", e.op());
    assertTrue(e.getCause().getMessage().contains("frame #"), "the cause keeps libtorch's backtrace");
  }

  @Test
  void requiresGradOnIntegers_isIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.arange(3).requiresGrad_(true));
    assertEquals("Tensor.requiresGrad_: only floating-point tensors can require gradients, this"
        + " one is torch.int64; convert it with to(DType.FLOAT32) first", e.getMessage());
  }

  @Test
  void wrongDtypes_areJavaExceptions() {
    Tensor f = Torch.ones(2);
    assertThrows(IllegalArgumentException.class, () -> Torch.where(f, f, f)); // condition not bool
    assertThrows(IllegalArgumentException.class, () -> f.indexSelect(0, Torch.tensor(0.5f)));
    assertThrows(IllegalArgumentException.class, () -> f.gather(0, Torch.tensor(0.5f)));
    assertThrows(IllegalArgumentException.class, () -> f.index(Torch.tensor(0.5f)));
    assertThrows(IllegalArgumentException.class, () -> Torch.arange(3).normal_(0, 1));
    assertThrows(TorchException.class, () -> Torch.tensor(true, false).neg());
    assertThrows(TorchException.class, () -> Torch.arange(3).div_(Torch.tensor(2f)));
  }

  @Test
  void backwardWithoutGraph_isATorchException() {
    TorchException e = assertThrows(TorchException.class, () -> Torch.ones(2).sum().backward());
    assertEquals("Tensor.backward: element 0 of tensors does not require grad and does not have a"
        + " grad_fn (inputs: float32[])", e.getMessage());
  }

  @Test
  void backwardGradientOfTheWrongShape_isAShapeException() {
    Tensor x = Torch.ones(2, 3).requiresGrad_(true);
    Tensor y = x.mul(2.0);
    ShapeException e = assertThrows(ShapeException.class, () -> y.backward(Torch.ones(3)));
    assertTrue(e.getMessage().startsWith("[shape."), e.getMessage());
    assertTrue(e.getMessage().contains("Tensor.backward"), e.getMessage());
    assertTrue(e.getMessage().contains("[3]"), e.getMessage());
    assertNull(x.grad(), "nothing was back-propagated");
  }

  @Test
  void backwardOfAnUnreducedLoss_isAShapeException() {
    Tensor x = Torch.ones(8, 1).requiresGrad_(true);
    Tensor perElement = x.mul(2.0);
    ShapeException e = assertThrows(ShapeException.class, perElement::backward);
    assertEquals("[shape.numel.one] Tensor.backward: a tensor of shape [8, 1] has 8 elements"
        + " (dim 0 = 8), and only a one-element tensor has an implicit gradient; reduce it first"
        + " (sum(), mean()) or pass a gradient of shape [8, 1]", e.getMessage());
    assertNull(x.grad(), "nothing was back-propagated");
  }

  @Test
  void backwardOfOneElementOfAnyRank_runs() {
    Tensor x = Torch.ones(1, 1).requiresGrad_(true);
    x.mul(3.0).backward();
    assertEquals(3.0, x.grad().item());
    Tensor y = Torch.ones(8, 1).requiresGrad_(true);
    y.mul(2.0).backward(Torch.ones(8, 1));
    assertEquals(16.0, y.grad().sum().item());
  }

  @Test
  void indexOutOfBounds_isATorchException() {
    Tensor a = Torch.zeros(2, 3);
    TorchException e = assertThrows(TorchException.class, () -> a.index(Torch.tensor(5L)));
    assertEquals("Tensor.index: index 5 is out of bounds for dimension 0 with size 2 (inputs:"
        + " float32[2, 3], int64[1])", e.getMessage());
  }

  @Test
  void negativeSizes_andBadArguments_areIllegalArguments() {
    assertThrows(IllegalArgumentException.class, () -> Torch.zeros(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> Torch.arange(0, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> Torch.randint(5, 5, 2));
    assertThrows(IllegalArgumentException.class, () -> Torch.gelu(Torch.ones(1), "fast"));
    assertThrows(IllegalArgumentException.class, () -> Torch.to(Torch.ones(1), Device.cuda(7)),
        "no CUDA build here, or no 8th GPU");
  }
}
