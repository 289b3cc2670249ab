package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Autograd's controls, as PyTorch's: the grad-mode and inference-mode scopes nest and restore,
 * gradient hooks see and replace gradients (and their failures reach the caller of backward),
 * and {@code Autograd.grad} gives first and second derivatives that equal the analytic ones.
 */
class AutogradControlsTest {

  @Test
  void gradModeScopes_nestAndRestoreTheModeInForceWhenOpened() {
    assertTrue(Torch.isGradEnabled());
    try (var ng = Torch.noGrad()) {
      assertFalse(Torch.isGradEnabled());
      try (var eg = Torch.enableGrad()) {
        assertTrue(Torch.isGradEnabled());
        try (var off = Torch.setGradEnabled(false)) {
          assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
      }
      assertFalse(Torch.isGradEnabled());
    }
    assertTrue(Torch.isGradEnabled());
  }

  @Test
  void enableGrad_recordsAGraphInsideNoGrad() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      Tensor inside;
      Tensor outside;
      try (var ng = Torch.noGrad()) {
        outside = x.mul(x);
        try (var eg = Torch.enableGrad()) {
          inside = x.mul(x);
        }
      }
      assertFalse(outside.requiresGrad());
      assertTrue(inside.requiresGrad());
      inside.sum().backward();
      assertArrayEquals(new float[] {2f, 4f}, x.grad().toFloatArray());
    }
  }

  @Test
  void inferenceMode_makesInferenceTensorsThatRecordNothing() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor w = Torch.ones(3).requiresGrad_(true);
      assertFalse(Torch.isInferenceModeEnabled());
      Tensor y;
      try (var im = Torch.inferenceMode()) {
        assertTrue(Torch.isInferenceModeEnabled());
        assertFalse(Torch.isGradEnabled());
        y = w.mul(2.0);
        try (var out = Torch.inferenceMode(false)) {
          assertFalse(Torch.isInferenceModeEnabled());
        }
        assertTrue(Torch.isInferenceModeEnabled());
      }
      assertFalse(Torch.isInferenceModeEnabled());
      assertTrue(y.isInference());
      assertFalse(y.requiresGrad());
      assertFalse(w.isInference());
      assertArrayEquals(new float[] {2f, 2f, 2f}, y.toFloatArray());
    }
  }

  @Test
  void scopes_mustBeClosedOnTheThreadThatOpenedThem() throws Exception {
    GradModeScope scope = Torch.enableGrad();
    Throwable[] seen = new Throwable[1];
    Thread other = new Thread(() -> {
      try {
        scope.close();
      } catch (Throwable t) {
        seen[0] = t;
      }
    });
    other.start();
    other.join();
    scope.close();
    assertTrue(seen[0] instanceof IllegalStateException, String.valueOf(seen[0]));
    assertTrue(seen[0].getMessage().startsWith("Torch.enableGrad: "), seen[0].getMessage());
  }

  @Test
  void registerHook_seesTheGradientAndItsReplacementFlowsOn() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f, 3f).requiresGrad_(true);
      Tensor h = x.mul(2.0);
      List<float[]> seen = new ArrayList<>();
      RemovableHandle handle = h.registerHook(g -> {
        seen.add(g.toFloatArray());
        return g.mul(10.0);
      });
      h.mul(h).sum().backward(); // d/dh = 2h = (4, 8, 12); x.grad = 10 * 2h * 2
      assertEquals(1, seen.size());
      assertArrayEquals(new float[] {4f, 8f, 12f}, seen.get(0));
      assertArrayEquals(new float[] {80f, 160f, 240f}, x.grad().toFloatArray());

      handle.remove();
      handle.remove();
      x.zeroGrad_();
      Tensor h2 = x.mul(2.0);
      h2.registerHook(g -> null).close(); // registered and removed at once
      h2.mul(h2).sum().backward();
      assertEquals(1, seen.size());
      assertArrayEquals(new float[] {8f, 16f, 24f}, x.grad().toFloatArray());
    }
  }

  @Test
  void registerHook_returningNull_leavesTheGradient() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      int[] calls = {0};
      x.registerHook(g -> {
        calls[0]++;
        return null;
      });
      x.mul(3.0).sum().backward();
      assertEquals(1, calls[0]);
      assertArrayEquals(new float[] {3f, 3f}, x.grad().toFloatArray());
    }
  }

  @Test
  void registerHook_anExceptionInTheHookIsThrownByBackwardAsItWas() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      IllegalStateException thrown = new IllegalStateException("my hook says no");
      x.registerHook(g -> {
        throw thrown;
      });
      Tensor loss = x.mul(3.0).sum();
      RuntimeException e = assertThrows(RuntimeException.class, loss::backward);
      assertSame(thrown, e);
      // The JVM and autograd are fine afterwards.
      Tensor y = Torch.tensor(1f).requiresGrad_(true);
      y.mul(2.0).sum().backward();
      assertArrayEquals(new float[] {2f}, y.grad().toFloatArray());
    }
  }

  @Test
  void registerHook_aReplacementOfAnotherShapeIsAShapeException() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      x.registerHook(g -> Torch.ones(3));
      Tensor loss = x.mul(3.0).sum();
      ShapeException e = assertThrows(ShapeException.class, loss::backward);
      assertEquals("[shape.mismatch.hook] Tensor.registerHook: the hook of float32[2] returned a"
          + " gradient of shape [3]; a hook must return a tensor of the gradient's shape [2], or"
          + " null to leave the gradient as it is", e.getMessage());
    }
  }

  @Test
  void registerHook_onATensorThatDoesNotRequireGrad_isRefused() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.ones(2);
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> x.registerHook(g -> g));
      assertTrue(e.getMessage().startsWith("Tensor.registerHook: cannot register a hook on a"
          + " tensor that doesn't require gradient (float32[2])"), e.getMessage());
    }
  }

  @Test
  void grad_firstAndSecondDerivativesOfACubeEqualTheAnalyticOnes() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, -2.0, 0.5).requiresGrad_(true);
      Tensor y = x.pow(3.0).sum();
      Tensor dy = Autograd.grad(List.of(y), List.of(x), null, true, true, false).get(0);
      assertArrayEquals(new double[] {3.0, 12.0, 0.75}, dy.toDoubleArray(), 1e-12);
      assertTrue(dy.requiresGrad(), "createGraph makes the gradient differentiable");
      Tensor d2y = Autograd.grad(dy.sum(), x).get(0);
      assertArrayEquals(new double[] {6.0, -12.0, 3.0}, d2y.toDoubleArray(), 1e-12);
      assertNull(x.grad(), "grad returns gradients; it accumulates nothing");
    }
  }

  @Test
  void grad_withGradOutputsIsTheVectorJacobianProduct() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_(true);
      Tensor y = x.mul(x); // Jacobian diag(2x)
      Tensor v = Torch.tensor(3.0, 5.0);
      Tensor g = Autograd.grad(List.of(y), List.of(x), List.of(v), false, false, false).get(0);
      assertArrayEquals(new double[] {6.0, 20.0}, g.toDoubleArray(), 1e-12);
    }
  }

  @Test
  void grad_unusedInputs_failOrAreNullWhenAllowed() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_(true);
      Tensor unused = Torch.tensor(1.0).requiresGrad_(true);
      Tensor y = x.sum();
      List<Tensor> g = Autograd.grad(List.of(y), List.of(x, unused), null, true, false, true);
      assertArrayEquals(new double[] {1.0, 1.0}, g.get(0).toDoubleArray(), 0.0);
      assertNull(g.get(1));
      RuntimeException e = assertThrows(RuntimeException.class, () -> Autograd.grad(y, x, unused));
      assertTrue(e.getMessage().startsWith("Autograd.grad"), e.getMessage());
    }
  }

  @Test
  void grad_errorsNameTheOpAndTheShapes() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_(true);
      Tensor y = x.mul(2.0);
      IllegalArgumentException notScalar =
          assertThrows(IllegalArgumentException.class, () -> Autograd.grad(y, x));
      assertEquals("Autograd.grad: output 0 has shape [2]; a gradient is implied only for"
          + " one-element outputs: reduce it (sum()) or pass gradOutputs of its shape",
          notScalar.getMessage());
      ShapeException shape = assertThrows(ShapeException.class, () -> Autograd.grad(
          List.of(y), List.of(x), List.of(Torch.ones(3).to(DType.FLOAT64)), false, false, false));
      assertEquals("[shape.mismatch.grad] Autograd.grad: gradient output 0 is [3] but output 0"
          + " is [2]; give each output's gradient in its shape", shape.getMessage());
      IllegalArgumentException noGrad = assertThrows(IllegalArgumentException.class,
          () -> Autograd.grad(y.sum(), Torch.ones(2)));
      assertTrue(noGrad.getMessage().startsWith("Autograd.grad: input 0 (float32[2]) does not"
          + " require gradient"), noGrad.getMessage());
    }
  }

  @Test
  void manyHooks_canBeLiveAtOnce() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      int[] calls = {0};
      List<RemovableHandle> handles = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        handles.add(x.registerHook(g -> {
          calls[0]++;
          return g;
        }));
      }
      x.sum().backward();
      assertEquals(200, calls[0]);
      handles.forEach(RemovableHandle::remove);
    }
  }

  @Test
  void registerHook_isRemovedWhenItsTensorIsFreed() {
    int before = GradientHook.liveCount();
    try (TensorScope outer = TensorScope.open()) {
      Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
      int[] calls = {0};
      try (TensorScope inner = TensorScope.open()) {
        Tensor h = x.mul(2.0);
        h.registerHook(g -> {
          calls[0]++;
          return g;
        });
        assertEquals(before + 1, GradientHook.liveCount());
        h.sum().backward();
        assertEquals(1, calls[0]);
      }
      assertEquals(before, GradientHook.liveCount(), "freeing the tensor removed its hook");
      Tensor direct = x.mul(1.0);
      RemovableHandle handle = direct.registerHook(g -> g);
      direct.close();
      assertEquals(before, GradientHook.liveCount());
      handle.remove(); // already removed: nothing to do
    }
  }
}
