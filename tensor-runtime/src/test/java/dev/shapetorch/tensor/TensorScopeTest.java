package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ownership of native memory: scopes free, keep, nest; freed tensors fail cleanly. */
class TensorScopeTest {

  @Test
  void closingAScope_freesWhatWasCreatedInside() {
    Tensor inside;
    try (TensorScope scope = TensorScope.open()) {
      inside = Torch.ones(2).add(1.0);
      assertEquals(2, scope.liveCount()); // ones(2) and its sum
      assertFalse(inside.isFreed());
    }
    assertTrue(inside.isFreed());
  }

  @Test
  void tensorsCreatedBeforeTheScope_survive() {
    Tensor outside = Torch.ones(2);
    try (TensorScope scope = TensorScope.open()) {
      outside.mul(2.0);
    }
    assertFalse(outside.isFreed());
    assertEquals(2.0, outside.sum().item());
  }

  @Test
  void keep_movesTheTensorToTheEnclosingScope() {
    try (TensorScope outer = TensorScope.open()) {
      Tensor kept;
      Tensor dropped;
      try (TensorScope inner = TensorScope.open()) {
        dropped = Torch.ones(3);
        kept = inner.keep(dropped.mul(3.0));
      }
      assertTrue(dropped.isFreed());
      assertFalse(kept.isFreed());
      assertEquals(9.0, kept.sum().item());
      assertEquals(2, outer.liveCount()); // kept and its sum
    }
  }

  @Test
  void keepFromTheOutermostScope_leavesTheTensorToTheCaller() {
    Tensor kept;
    try (TensorScope scope = TensorScope.open()) {
      kept = scope.keep(Torch.full(new long[] {2}, 4.0));
    }
    assertFalse(kept.isFreed());
    kept.close();
    assertTrue(kept.isFreed());
  }

  @Test
  void retain_takesTheTensorOutOfEveryScope() {
    Tensor retained;
    try (TensorScope outer = TensorScope.open()) {
      try (TensorScope inner = TensorScope.open()) {
        retained = Torch.ones(2).retain();
      }
    }
    assertFalse(retained.isFreed());
    retained.close();
  }

  @Test
  void nestedScopes_currentIsTheInnermostAndCloseRestoresTheParent() {
    assertNull(TensorScope.current());
    try (TensorScope outer = TensorScope.open()) {
      try (TensorScope inner = TensorScope.open()) {
        assertSame(inner, TensorScope.current());
        assertSame(outer, inner.parent());
      }
      assertSame(outer, TensorScope.current());
    }
    assertNull(TensorScope.current());
  }

  @Test
  void closingAnOuterScope_closesTheInnerOneFirst() {
    TensorScope outer = TensorScope.open();
    TensorScope inner = TensorScope.open();
    Tensor t = Torch.ones(1);
    outer.close();
    assertTrue(inner.isClosed());
    assertTrue(t.isFreed());
    assertNull(TensorScope.current());
  }

  @Test
  void usingAFreedTensor_throwsIllegalStateNamingTheCause() {
    Tensor t;
    try (TensorScope scope = TensorScope.open()) {
      t = Torch.ones(2);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.add(t));
    assertEquals(
        "Tensor.add: a tensor it was given has been freed: the TensorScope it was created in has"
            + " closed; keep it with"
            + " scope.keep(t) or t.retain() to use it after the scope",
        e.getMessage());
    assertThrows(IllegalStateException.class, t::sum);
    assertThrows(IllegalStateException.class, t::shape);
    assertThrows(IllegalStateException.class, t::toFloatArray);
    assertThrows(IllegalStateException.class, () -> Torch.matmul(t, t));
  }

  @Test
  void usingAClosedTensor_throwsIllegalState() {
    Tensor t = Torch.ones(2);
    t.close();
    t.close(); // closing twice does nothing
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.mul(2.0));
    assertEquals("Tensor.mul: a tensor it was given has been freed: it was closed with close()",
        e.getMessage());
  }

  @Test
  void keepingAFreedTensor_throws() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor t = Torch.ones(1);
      t.close();
      assertThrows(IllegalStateException.class, () -> scope.keep(t));
    }
  }

  @Test
  void closingOnAnotherThread_throws() throws Exception {
    try (TensorScope scope = TensorScope.open()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread other = new Thread(() -> {
        try {
          scope.close();
        } catch (Throwable e) {
          thrown.set(e);
        }
      });
      other.start();
      other.join(60_000);
      assertFalse(other.isAlive(), "the other thread finished within 60 s");
      assertTrue(thrown.get() instanceof IllegalStateException);
      assertFalse(scope.isClosed());
    }
  }

  @Test
  void scopesArePerThread() throws Exception {
    try (TensorScope scope = TensorScope.open()) {
      AtomicReference<Tensor> made = new AtomicReference<>();
      Thread other = new Thread(() -> made.set(Torch.ones(1)));
      other.start();
      other.join(60_000);
      assertFalse(other.isAlive(), "the other thread finished within 60 s");
      assertEquals(0, scope.liveCount());
      assertFalse(made.get().isFreed());
    }
  }

  @Test
  void gradientHandles_belongToTheCurrentScope() {
    Tensor w = Torch.ones(2).requiresGrad_(true);
    Tensor grad;
    try (TensorScope scope = TensorScope.open()) {
      w.mul(3.0).sum().backward();
      grad = w.grad();
      assertArrayEquals(new float[] {3f, 3f}, grad.toFloatArray());
    }
    assertTrue(grad.isFreed());
    // The gradient itself lives on in the parameter.
    assertEquals(6.0, w.grad().sum().item());
  }

  @Test
  void release_takesATensorOutOfItsScope_andAdoptPutsItIntoAnother() {
    Tensor released;
    try (TensorScope outer = TensorScope.open()) {
      try (TensorScope first = TensorScope.open()) {
        released = ScopeTransfer.release(Torch.ones(2));
        Torch.ones(3); // stays with the scope
        assertEquals(1, first.liveCount());
      }
      assertFalse(released.isFreed()); // no scope freed it
      assertEquals(0, outer.liveCount());
      try (TensorScope second = TensorScope.open()) {
        ScopeTransfer.adopt(released);
        assertEquals(1, second.liveCount());
      }
      assertTrue(released.isFreed());
    }
    assertThrows(IllegalStateException.class, () -> ScopeTransfer.release(released));
    assertThrows(IllegalArgumentException.class, () -> ScopeTransfer.release(null));
  }
}
