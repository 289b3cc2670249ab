package dev.shapetorch.amp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mixed precision: what {@code Torch.autocast} runs in lower precision (libtorch's lists, as
 * PyTorch's), that a model trained under it with a {@link GradScaler} reaches the accuracy of
 * float32 training, and the scaler's arithmetic: unscaled gradients equal the true ones, a step
 * with an overflowed gradient is skipped and backs the scale off, clean steps grow it.
 */
class MixedPrecisionTest {

  @Test
  void autocast_runsMatrixProductsInBfloat16_andKeepsTheRestInFloat32() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor a = Torch.randn(4, 8);
      Tensor b = Torch.randn(8, 3);
      Linear linear = new Linear(8, 3);
      assertFalse(Torch.isAutocastEnabled(Device.CPU));
      try (var ac = Torch.autocast(Device.CPU)) {
        assertTrue(Torch.isAutocastEnabled(Device.CPU));
        assertEquals(DType.BFLOAT16, Torch.matmul(a, b).dtype());
        assertEquals(DType.BFLOAT16, linear.forward(a).dtype());
        assertEquals(DType.FLOAT32, a.add(a).dtype(), "pointwise ops keep their inputs' dtype");
        Tensor logits = linear.forward(a);
        Tensor loss = F.crossEntropy(logits, Torch.tensor(0L, 1L, 2L, 0L));
        assertEquals(DType.FLOAT32, loss.dtype(), "losses run in float32");
        try (var off = Torch.autocast(Device.CPU, DType.BFLOAT16, false)) {
          assertFalse(Torch.isAutocastEnabled(Device.CPU));
          assertEquals(DType.FLOAT32, Torch.matmul(a, b).dtype());
        }
        assertTrue(Torch.isAutocastEnabled(Device.CPU));
      }
      assertFalse(Torch.isAutocastEnabled(Device.CPU));
      assertEquals(DType.FLOAT32, Torch.matmul(a, b).dtype());
      try (var half = Torch.autocast(Device.CPU, DType.FLOAT16)) {
        assertEquals(DType.FLOAT16, Torch.matmul(a, b).dtype());
      }
    }
  }

  @Test
  void autocast_refusesADtypeThatIsNotALowerPrecision() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.autocast(Device.CPU, DType.FLOAT64));
    assertEquals("Torch.autocast: FLOAT64 is not a lower precision; autocast runs in BFLOAT16 or"
        + " FLOAT16 (BFLOAT16 is the CPU's default, FLOAT16 the GPU's)", e.getMessage());
    assertFalse(Torch.isAutocastEnabled(Device.CPU), "a refused scope changes nothing");
  }

  /** Four classes given by a fixed linear teacher over 16 features; 512 samples. */
  private static Tensor[] teacherData() {
    Torch.manualSeed(11);
    Tensor x = Torch.randn(512, 16);
    Tensor teacher = Torch.randn(16, 4);
    Tensor y = Torch.matmul(x, teacher).argmax(1);
    return new Tensor[] {x, y};
  }

  private static double train(boolean mixed) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor[] data = teacherData();
      Torch.manualSeed(5);
      Linear l1 = new Linear(16, 64);
      Linear l2 = new Linear(64, 4);
      List<Parameter> params = new ArrayList<>(l1.parameters());
      params.addAll(l2.parameters());
      Adam opt = new Adam(params, AdamOptions.lr(1e-2));
      GradScaler scaler = new GradScaler(1024.0, 2.0, 0.5, 50, mixed);
      for (int step = 0; step < 150; step++) {
        try (TensorScope s = TensorScope.open()) {
          Tensor loss;
          try (var ac = Torch.autocast(Device.CPU, DType.BFLOAT16, mixed)) {
            loss = F.crossEntropy(l2.forward(F.relu(l1.forward(data[0]))), data[1]);
          }
          opt.zeroGrad();
          scaler.scale(loss).backward();
          scaler.step(opt);
          scaler.update();
        }
      }
      try (var ng = Torch.noGrad()) {
        Tensor predicted = l2.forward(F.relu(l1.forward(data[0]))).argmax(1);
        return predicted.eq(data[1]).to(DType.FLOAT32).mean().item();
      }
    }
  }

  @Test
  void trainingUnderAutocastWithAScaler_reachesTheAccuracyOfFloat32() {
    double full = train(false);
    double mixed = train(true);
    assertTrue(full > 0.9, "float32 training learns the teacher: " + full);
    assertTrue(mixed > 0.9, "bfloat16 autocast training learns the teacher: " + mixed);
    assertTrue(Math.abs(full - mixed) <= 0.05,
        "the same accuracy band: float32 " + full + ", mixed " + mixed);
  }

  @Test
  void unscale_givesTheGradientsOfTheUnscaledLoss() {
    try (TensorScope scope = TensorScope.open()) {
      Parameter w = new Parameter(Torch.tensor(1f, -2f, 3f));
      SGD opt = new SGD(List.of(w), SGDOptions.lr(0.1));
      GradScaler scaler = new GradScaler();
      assertEquals(65536.0, scaler.getScale());
      Tensor loss = w.get().mul(w.get()).sum(); // gradient 2w
      Tensor scaled = scaler.scale(loss);
      assertEquals(loss.item() * 65536.0, scaled.item(), 1e-3);
      scaled.backward();
      assertArrayEquals(new float[] {2f * 65536, -4f * 65536, 6f * 65536},
          w.grad().toFloatArray());
      scaler.unscale_(opt);
      assertArrayEquals(new float[] {2f, -4f, 6f}, w.grad().toFloatArray());
      IllegalStateException twice =
          assertThrows(IllegalStateException.class, () -> scaler.unscale_(opt));
      assertTrue(twice.getMessage().startsWith("GradScaler.unscale_: already called"),
          twice.getMessage());
      assertTrue(scaler.step(opt), "finite gradients: the optimizer steps");
      assertArrayEquals(new float[] {0.8f, -1.6f, 2.4f}, w.get().toFloatArray(), 1e-6f);
      scaler.update();
      assertEquals(65536.0, scaler.getScale(), "one clean step of 2000 changes nothing");
    }
  }

  @Test
  void aStepWithAnOverflowedGradientIsSkipped_andTheScaleBacksOff_cleanStepsGrowIt() {
    try (TensorScope scope = TensorScope.open()) {
      Parameter w = new Parameter(Torch.tensor(1f, 2f));
      SGD opt = new SGD(List.of(w), SGDOptions.lr(0.1));
      GradScaler scaler = new GradScaler(8.0, 2.0, 0.5, 3, true);

      scaler.scale(w.get().mul(Float.POSITIVE_INFINITY).sum()).backward(); // inf gradient
      assertFalse(scaler.step(opt));
      assertArrayEquals(new float[] {1f, 2f}, w.get().toFloatArray(), "skipped: unchanged");
      scaler.update();
      assertEquals(4.0, scaler.getScale());

      for (int i = 0; i < 3; i++) {
        opt.zeroGrad();
        scaler.scale(w.get().sum()).backward();
        assertTrue(scaler.step(opt));
        scaler.update();
      }
      assertEquals(8.0, scaler.getScale(), "three clean steps in a row double it");
      assertArrayEquals(new float[] {0.7f, 1.7f}, w.get().toFloatArray(), 1e-6f);

      Map<String, Double> state = scaler.stateDict();
      GradScaler restored = new GradScaler(1.0, 2.0, 0.5, 3, true);
      restored.loadStateDict(state);
      assertEquals(state, restored.stateDict());
      IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
          () -> new GradScaler().loadStateDict(state));
      assertTrue(other.getMessage().startsWith("GradScaler.loadStateDict: the state's factors"),
          other.getMessage());
    }
  }

  @Test
  void aDisabledScaler_passesEverythingThrough() {
    try (TensorScope scope = TensorScope.open()) {
      Parameter w = new Parameter(Torch.tensor(1f));
      SGD opt = new SGD(List.of(w), SGDOptions.lr(0.5));
      GradScaler scaler = new GradScaler(1024.0, 2.0, 0.5, 10, false);
      Tensor loss = w.get().mul(3.0).sum();
      assertEquals(loss.item(), scaler.scale(loss).item());
      scaler.scale(loss).backward();
      assertTrue(scaler.step(opt));
      scaler.update();
      assertEquals(1.0, scaler.getScale());
      assertArrayEquals(new float[] {-0.5f}, w.get().toFloatArray());
    }
  }
}
