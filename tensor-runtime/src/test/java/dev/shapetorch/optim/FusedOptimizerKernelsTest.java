package dev.shapetorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused optimizer kernels against updates worked out by hand (with a constant gradient g,
 * Adam moves each element by {@code lr * sign(g)} per step whatever the step), and their checks.
 */
class FusedOptimizerKernelsTest {

  private static final float TOL = 1e-6f;

  private static Tensor param() {
    return Torch.fromArray(new float[] {1, 2}, 2);
  }

  private static Tensor grad() {
    return Torch.fromArray(new float[] {0.5f, -1}, 2);
  }

  private static Tensor step() {
    return Torch.scalarTensor(0, DType.FLOAT32);
  }

  @Test
  void adam_twoStepsWithAConstantGradient_moveByLrTimesItsSign() {
    Tensor p = param();
    Tensor g = grad();
    Tensor m = Torch.zerosLike(p);
    Tensor v = Torch.zerosLike(p);
    Tensor t = step();
    try (NoGradScope noGrad = Torch.noGrad()) {
      t.add_(1.0);
      FusedOptimizerKernels.adam_(List.of(p), List.of(g), List.of(m), List.of(v), List.of(),
          List.of(t), 0.1, 0.9, 0.999, 0, 1e-8, false, false);
      assertArrayEquals(new float[] {0.9f, 2.1f}, p.toFloatArray(), TOL);
      assertArrayEquals(new float[] {0.05f, -0.1f}, m.toFloatArray(), TOL);   // (1 - beta1) g
      assertArrayEquals(new float[] {0.00025f, 0.001f}, v.toFloatArray(), TOL); // (1 - beta2) g^2
      t.add_(1.0);
      FusedOptimizerKernels.adam_(List.of(p), List.of(g), List.of(m), List.of(v), List.of(),
          List.of(t), 0.1, 0.9, 0.999, 0, 1e-8, false, false);
    }
    assertArrayEquals(new float[] {0.8f, 2.2f}, p.toFloatArray(), TOL);
    assertArrayEquals(new float[] {0.5f, -1}, g.toFloatArray(), "the gradient is only read");
    assertEquals(2.0, t.item(), "the kernel reads the step, it does not count it");
  }

  @Test
  void adamw_shrinksTheParameterFirst_andAmsgradKeepsTheMaximum() {
    Tensor p = param();
    Tensor m = Torch.zerosLike(p);
    Tensor v = Torch.zerosLike(p);
    Tensor vmax = Torch.zerosLike(p);
    Tensor t = step();
    try (NoGradScope noGrad = Torch.noGrad()) {
      t.add_(1.0);
      FusedOptimizerKernels.adamw_(List.of(p), List.of(grad()), List.of(m), List.of(v),
          List.of(vmax), List.of(t), 0.1, 0.9, 0.999, 0.5, 1e-8, true, false);
    }
    // p * (1 - 0.1 * 0.5) - 0.1 * sign(g)
    assertArrayEquals(new float[] {0.85f, 2.0f}, p.toFloatArray(), TOL);
    assertArrayEquals(v.toFloatArray(), vmax.toFloatArray(), 0f);
  }

  @Test
  void adam_maximize_andL2WeightDecay_followPyTorchsSingleTensorRule() {
    Tensor p = param();
    Tensor t = step();
    try (NoGradScope noGrad = Torch.noGrad()) {
      t.add_(1.0);
      // maximising with weight decay 1: g' = -g + p = [0.5, 3], so p moves by -lr * sign(g')
      FusedOptimizerKernels.adam_(List.of(p), List.of(grad()), List.of(Torch.zerosLike(p)),
          List.of(Torch.zerosLike(p)), List.of(), List.of(t), 0.1, 0.9, 0.999, 1, 1e-8, false,
          true);
    }
    assertArrayEquals(new float[] {0.9f, 1.9f}, p.toFloatArray(), TOL);
  }

  @Test
  void sgd_firstStepCopiesTheGradientIntoTheBuffer_thenAccumulates() {
    Tensor p = param();
    Tensor g = grad();
    Tensor buf = Torch.fullLike(p, 123); // overwritten on the first step
    try (NoGradScope noGrad = Torch.noGrad()) {
      FusedOptimizerKernels.sgd_(List.of(p), List.of(g), List.of(buf), 0, 0.9, 0.1, 0, false,
          false, true);
      assertArrayEquals(new float[] {0.5f, -1}, buf.toFloatArray(), TOL);
      assertArrayEquals(new float[] {0.95f, 2.1f}, p.toFloatArray(), TOL);
      FusedOptimizerKernels.sgd_(List.of(p), List.of(g), List.of(buf), 0, 0.9, 0.1, 0, false,
          false, false);
    }
    assertArrayEquals(new float[] {0.95f, -1.9f}, buf.toFloatArray(), TOL); // 0.9 buf + g
    assertArrayEquals(new float[] {0.855f, 2.29f}, p.toFloatArray(), TOL);
  }

  @Test
  void sgd_withoutMomentum_takesNoBuffers() {
    Tensor p = param();
    try (NoGradScope noGrad = Torch.noGrad()) {
      FusedOptimizerKernels.sgd_(List.of(p), List.of(grad()), List.of(), 0, 0, 0.1, 0, false,
          false, false);
    }
    assertArrayEquals(new float[] {0.95f, 2.1f}, p.toFloatArray(), TOL);
  }

  @Test
  void adagrad_decaysTheLearningRateWithTheStepItReads() {
    Tensor p = param();
    Tensor g = grad();
    Tensor sum = Torch.zerosLike(p);
    Tensor t = step();
    try (NoGradScope noGrad = Torch.noGrad()) {
      t.add_(1.0);
      FusedOptimizerKernels.adagrad_(List.of(p), List.of(g), List.of(sum), List.of(t), 0.1, 1,
          0, 1e-10, false);
      assertArrayEquals(new float[] {0.9f, 2.1f}, p.toFloatArray(), TOL);
      t.add_(1.0);
      FusedOptimizerKernels.adagrad_(List.of(p), List.of(g), List.of(sum), List.of(t), 0.1, 1,
          0, 1e-10, false);
    }
    // step 2: lr / (1 + 1 * 1) = 0.05, sum = 2 g^2, so p moves by 0.05 / sqrt(2) * sign(g)
    double d = 0.05 / Math.sqrt(2);
    assertArrayEquals(new float[] {(float) (0.9 - d), (float) (2.1 + d)}, p.toFloatArray(), TOL);
    assertArrayEquals(new float[] {0.5f, 2}, sum.toFloatArray(), TOL);
  }

  @Test
  void severalParametersOfDifferentShapes_areUpdatedInOneCall() {
    Tensor p1 = param();
    Tensor p2 = Torch.fromArray(new float[] {1, 1, 1, 1, 1, 1}, 2, 3);
    Tensor g2 = Torch.fromArray(new float[] {1, -1, 2, -2, 3, -3}, 2, 3);
    try (NoGradScope noGrad = Torch.noGrad()) {
      FusedOptimizerKernels.sgd_(List.of(p1, p2), List.of(grad(), g2), List.of(), 0, 0, 0.5, 0,
          false, false, false);
    }
    assertArrayEquals(new float[] {0.75f, 2.5f}, p1.toFloatArray(), TOL);
    assertArrayEquals(new float[] {0.5f, 1.5f, 0, 2, -0.5f, 2.5f}, p2.toFloatArray(), TOL);
  }

  @Test
  void nonContiguousTensors_areUpdatedThroughCopies() {
    Tensor p = Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t(); // [3, 2], strided
    Tensor g = Torch.fromArray(new float[] {1, -1, 1, -1, 1, -1}, 2, 3).t();
    Tensor buf = Torch.zeros(2, 3).t();
    try (NoGradScope noGrad = Torch.noGrad()) {
      FusedOptimizerKernels.sgd_(List.of(p), List.of(g), List.of(buf), 0, 0.5, 0.1, 0, false,
          false, true);
    }
    // p.t() was [[1,2,3],[4,5,6]] and g.t() [[1,-1,1],[-1,1,-1]]: p - 0.1 g, read back in p's order
    assertArrayEquals(new float[] {0.9f, 4.1f, 2.1f, 4.9f, 2.9f, 6.1f}, p.toFloatArray(), TOL);
    assertArrayEquals(g.toFloatArray(), buf.toFloatArray(), 0f);
  }

  @Test
  void aStateTensorOfAnotherShape_isAShapeErrorNamingTheListTheIndexAndBothShapes() {
    Tensor p = param();
    ShapeException e = assertThrows(ShapeException.class, () -> FusedOptimizerKernels.adam_(
        List.of(p, Torch.zeros(2, 2)), List.of(grad(), Torch.zeros(2, 2)),
        List.of(Torch.zeros(2), Torch.zeros(4)), List.of(Torch.zeros(2), Torch.zeros(2, 2)),
        List.of(), List.of(step(), step()), 0.1, 0.9, 0.999, 0, 1e-8, false, false));
    assertEquals("[shape.mismatch.optimizer] FusedOptimizerKernels.adam_: expAvgs[1] is [4] but"
        + " params[1] is [2, 2]; each gradient and state tensor has its parameter's shape",
        e.getMessage());
    assertEquals(FusedOptimizerKernels.SHAPE_KEY, e.key());
    assertArrayEquals(new float[] {1, 2}, p.toFloatArray(), "nothing was updated");
  }

  @Test
  void listsOfOtherLengths_areRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.adam_(List.of(param()), List.of(grad()),
            List.of(Torch.zeros(2)), List.of(Torch.zeros(2)), List.of(), List.of(step()), 0.1,
            0.9, 0.999, 0, 1e-8, true, false));
    assertEquals("FusedOptimizerKernels.adam_: 1 params but 0 maxExpAvgSqs (expected 1)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FusedOptimizerKernels.sgd_(
        List.of(param()), List.of(), List.of(), 0, 0, 0.1, 0, false, false, false));
  }

  @Test
  void otherDtypes_integerParameters_andBadStepCounters_areRejected() {
    IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.sgd_(List.of(param()), List.of(grad().to(DType.FLOAT64)),
            List.of(), 0, 0, 0.1, 0, false, false, false));
    assertEquals("FusedOptimizerKernels.sgd_: grads[0] is float64[2] on cpu but params[0] is"
        + " float32[2] on cpu; each gradient and state tensor has its parameter's dtype and"
        + " device", dtype.getMessage());
    Tensor ints = Torch.fromArray(new long[] {1, 2}, 2);
    IllegalArgumentException integer = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.sgd_(List.of(ints), List.of(ints), List.of(), 0, 0, 0.1, 0,
            false, false, false));
    assertEquals("FusedOptimizerKernels.sgd_: params[0] is int64[2]; the fused kernels update"
        + " floating-point tensors (float32, float64, float16, bfloat16)", integer.getMessage());
    IllegalArgumentException counter = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.adagrad_(List.of(param()), List.of(grad()),
            List.of(Torch.zeros(2)), List.of(Torch.zeros(1)), 0.1, 0, 0, 1e-10, false));
    assertEquals("FusedOptimizerKernels.adagrad_: stateSteps[0] is float32[1] on cpu; each step"
        + " counter is a 0-d float32 tensor on its parameter's device (cpu)",
        counter.getMessage());
  }

  @Test
  void aFreedTensor_raisesBeforeAnythingIsUpdated() {
    Tensor p = param();
    Tensor g = grad();
    g.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FusedOptimizerKernels.sgd_(List.of(p), List.of(g), List.of(), 0, 0, 0.1, 0, false,
            false, false));
    assertTrue(e.getMessage().startsWith("FusedOptimizerKernels.sgd_: a tensor it was given has"
        + " been freed"), e.getMessage());
    assertArrayEquals(new float[] {1, 2}, p.toFloatArray());
  }

  @Test
  void aLeafThatRequiresGrad_outsideNoGrad_isRefused() {
    Tensor p = param().requiresGrad_(true);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FusedOptimizerKernels.sgd_(List.of(p), List.of(grad()), List.of(), 0, 0, 0.1, 0,
            false, false, false));
    assertEquals("FusedOptimizerKernels.sgd_: params[0] requires grad and autograd is recording;"
        + " update parameters inside Torch.noGrad(), as Optimizer.step() does", e.getMessage());
    assertArrayEquals(new float[] {1, 2}, p.detach().toFloatArray());
  }

  @Test
  void nullLists_areNamedUnderTheKernel() {
    List<Tensor> one = List.of(Torch.randn(2));
    IllegalArgumentException params = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.sgd_(null, one, List.of(), 0, 0, 0.1, 0, false, false,
            false));
    assertEquals("FusedOptimizerKernels.sgd_: params is null; pass a value", params.getMessage());
    IllegalArgumentException grads = assertThrows(IllegalArgumentException.class,
        () -> FusedOptimizerKernels.sgd_(one, null, List.of(), 0, 0, 0.1, 0, false, false,
            false));
    assertEquals("FusedOptimizerKernels.sgd_: grads is null; pass a value", grads.getMessage());
  }
}
