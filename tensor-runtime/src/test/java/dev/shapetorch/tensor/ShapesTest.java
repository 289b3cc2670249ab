package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Shapes#require}: the runtime-checked way from an unknown shape to a known one. */
class ShapesTest {

  @Test
  void matchingShape_returnsTheSameTensor() {
    Tensor t = Torch.zeros(4, 784);
    assertSame(t, Shapes.require(t, "B", 784));
    assertSame(t, Shapes.require(t, 4, "N"));
    assertSame(t, Shapes.require(t, "...", 784));
    assertSame(t, Shapes.require(t, "_", "_"));
  }

  @Test
  void wrongLiteral_isAShapeExceptionNamingTheShape() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Shapes.require(Torch.zeros(4, 10), "B", 784));
    assertTrue(e.getMessage().startsWith("[shape."), e.getMessage());
    assertTrue(e.getMessage().contains("Shapes.require"), e.getMessage());
    assertTrue(e.getMessage().contains("784"), e.getMessage());
  }

  @Test
  void repeatedVariable_mustAgree() {
    assertEquals(2, Shapes.require(Torch.zeros(3, 3), "N", "N").dim());
    assertThrows(ShapeException.class, () -> Shapes.require(Torch.zeros(3, 4), "N", "N"));
  }

  @Test
  void wrongRank_isAShapeException() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Shapes.require(Torch.zeros(3), "B", 784));
    assertEquals("shape.rank", e.key());
  }

  @Test
  void badEntries_areIllegalArguments() {
    Tensor t = Torch.zeros(2);
    assertThrows(IllegalArgumentException.class, () -> Shapes.require(t, 2.5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Shapes.require(t, "B+"));
    assertTrue(e.getMessage().startsWith("[shape.annotation.syntax] Shapes.require"), e.getMessage());
  }
}
