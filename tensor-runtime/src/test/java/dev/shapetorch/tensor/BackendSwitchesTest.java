package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The global switches ({@code torch.use_deterministic_algorithms}, {@code torch.backends.*},
 * {@code torch.cuda.*}): each is set, read back and restored, and the ones with an effect on the
 * CPU show it. The CUDA utilities behave as PyTorch's do without CUDA.
 */
class BackendSwitchesTest {

  @Test
  void deterministicAlgorithms_areReadBack_andFillUninitialisedMemory() {
    assertFalse(Torch.areDeterministicAlgorithmsEnabled());
    try {
      Torch.useDeterministicAlgorithms(true);
      assertTrue(Torch.areDeterministicAlgorithmsEnabled());
      assertFalse(Torch.isDeterministicAlgorithmsWarnOnlyEnabled());
      try (TensorScope scope = TensorScope.open()) {
        float[] empty = Torch.empty(16).toFloatArray();
        for (float v : empty) {
          assertTrue(Float.isNaN(v), "deterministic mode fills empty float memory with NaN");
        }
      }
      Torch.useDeterministicAlgorithms(true, true);
      assertTrue(Torch.isDeterministicAlgorithmsWarnOnlyEnabled());
    } finally {
      Torch.useDeterministicAlgorithms(false);
    }
    assertFalse(Torch.areDeterministicAlgorithmsEnabled());
    assertFalse(Torch.isDeterministicAlgorithmsWarnOnlyEnabled());
  }

  @Test
  void float32MatmulPrecision_isSetAndReadBack_andAnUnknownNameIsRefused() {
    assertEquals("highest", Torch.getFloat32MatmulPrecision());
    try {
      Torch.setFloat32MatmulPrecision("medium");
      assertEquals("medium", Torch.getFloat32MatmulPrecision());
      Torch.setFloat32MatmulPrecision("high");
      assertEquals("high", Torch.getFloat32MatmulPrecision());
    } finally {
      Torch.setFloat32MatmulPrecision("highest");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.setFloat32MatmulPrecision("low"));
    assertEquals("Torch.setFloat32MatmulPrecision: \"low\" is not a precision; use"
        + " \"highest\", \"high\" or \"medium\"", e.getMessage());
  }

  @Test
  void cudnnSwitches_areSetAndReadBack() {
    boolean benchmark = Backends.Cudnn.isBenchmark();
    boolean deterministic = Backends.Cudnn.isDeterministic();
    try {
      Backends.Cudnn.setBenchmark(!benchmark);
      assertEquals(!benchmark, Backends.Cudnn.isBenchmark());
      Backends.Cudnn.setDeterministic(!deterministic);
      assertEquals(!deterministic, Backends.Cudnn.isDeterministic());
    } finally {
      Backends.Cudnn.setBenchmark(benchmark);
      Backends.Cudnn.setDeterministic(deterministic);
    }
    assertTrue(Backends.Cudnn.isEnabled(), "enabled by default, as PyTorch's");
    assertEquals(Backends.Cudnn.isAvailable(), Backends.Cudnn.version() > 0);
  }

  @Test
  void mkldnnDisabled_convolutionStillComputesTheSameValues() {
    assertTrue(Backends.Mkldnn.isEnabled());
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(3);
      Tensor x = Torch.randn(2, 3, 9, 9);
      Tensor w = Torch.randn(4, 3, 3, 3);
      Tensor b = Torch.zeros(4);
      long[] one = {1, 1};
      long[] zero = {0, 0};
      float[] with = Torch.conv2d(x, w, b, one, zero, one, 1).toFloatArray();
      Backends.Mkldnn.setEnabled(false);
      assertFalse(Backends.Mkldnn.isEnabled());
      float[] without = Torch.conv2d(x, w, b, one, zero, one, 1).toFloatArray();
      assertEquals(with.length, without.length);
      for (int i = 0; i < with.length; i++) {
        assertEquals(with[i], without[i], 1e-4f, "element " + i);
      }
    } finally {
      Backends.Mkldnn.setEnabled(true);
    }
    assertTrue(Backends.Mkldnn.isEnabled());
  }

  static boolean noCuda() {
    return !Cuda.isAvailable();
  }

  @Test
  @EnabledIf("noCuda")
  void cudaUtilities_withoutCuda_answerAsPyTorchDoes() {
    assertFalse(Cuda.isAvailable());
    assertEquals(0, Cuda.deviceCount());
    assertEquals(0, Cuda.memoryAllocated());
    assertEquals(0, Cuda.maxMemoryAllocated());
    assertEquals(0, Cuda.memoryReserved());
    Cuda.emptyCache(); // nothing to do, nothing thrown
    IllegalStateException e = assertThrows(IllegalStateException.class, Cuda::synchronize);
    assertTrue(e.getMessage().startsWith("Cuda.synchronize: CUDA is not available: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Pcuda"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Cuda.synchronize(0));
  }

  @Test
  @EnabledIf("dev.shapetorch.tensor.Cuda#isAvailable")
  void cudaUtilities_withCuda_countTheMemoryOfATensor() {
    long before = Cuda.memoryAllocated();
    try (TensorScope scope = TensorScope.open()) {
      Tensor t = Torch.ones(1024, 1024).to(Device.cuda(0));
      Cuda.synchronize();
      assertTrue(Cuda.memoryAllocated() >= before + 4L * 1024 * 1024);
      assertTrue(Cuda.maxMemoryAllocated() >= Cuda.memoryAllocated());
      assertTrue(Cuda.memoryReserved() >= Cuda.memoryAllocated());
    }
    Cuda.emptyCache();
  }
}
