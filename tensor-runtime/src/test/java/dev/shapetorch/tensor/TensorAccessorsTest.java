package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.TensorShape;
import org.junit.jupiter.api.Test;

/** Shape, dtype, device, values and conversions to Java arrays. */
class TensorAccessorsTest {

  @Test
  void shapeAccessors() {
    Tensor t = Torch.zeros(2, 3, 4);
    assertArrayEquals(new long[] {2, 3, 4}, t.shape());
    assertEquals(TensorShape.of(2, 3, 4), t.shapeOf());
    assertEquals(3, t.dim());
    assertEquals(24, t.numel());
    assertEquals(4, t.size(-1));
    assertEquals(2, t.size(-3));
    assertEquals(3, t.size(1));
  }

  @Test
  void shape_isACopy() {
    Tensor t = Torch.zeros(2, 3);
    t.shape()[0] = 99;
    assertArrayEquals(new long[] {2, 3}, t.shape());
  }

  @Test
  void size_outOfRange_throwsNamingTheShape() {
    Tensor t = Torch.zeros(2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.size(2));
    assertEquals("Tensor.size: dim 2 is out of range for a tensor of shape [2, 3] (expected -2 to 1)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.size(-3));
    assertEquals("Tensor.size: dim 0 is out of range for a tensor of shape [] (a 0-d tensor has no dims)",
        assertThrows(IllegalArgumentException.class, () -> Torch.scalarTensor(1.0).size(0)).getMessage());
  }

  @Test
  void defaultDtypesFollowPyTorch() {
    assertEquals(DType.FLOAT32, Torch.zeros(1).dtype());
    assertEquals(DType.FLOAT32, Torch.tensor(1.0, 2.0).dtype());
    assertEquals(DType.INT64, Torch.arange(3).dtype());
    assertEquals(DType.INT64, Torch.tensor(1L, 2L).dtype());
    assertEquals(DType.BOOL, Torch.tensor(true).dtype());
    assertEquals(DType.FLOAT64, Torch.fromArray(new double[] {1}, 1).dtype());
    assertEquals(DType.INT32, Torch.fromArray(new int[] {1}, 1).dtype());
    assertEquals(DType.INT64, Torch.full(new long[] {1}, 7L).dtype());
    assertEquals(DType.FLOAT32, Torch.full(new long[] {1}, 7.0).dtype());
  }

  @Test
  void everyDtypeRoundTrips() {
    for (DType d : DType.values()) {
      Tensor t = Torch.ones(new long[] {2}, d);
      assertEquals(d, t.dtype(), d.toString());
      assertArrayEquals(new double[] {1, 1}, t.toDoubleArray(), d.toString());
    }
  }

  @Test
  void device_isCpuByDefault() {
    assertSame(Device.CPU, Torch.zeros(1).device());
    assertEquals("cpu", Device.CPU.toString());
    assertEquals("cuda:1", Device.cuda(1).toString());
    assertEquals(Device.cuda(0), Device.cuda(0));
  }

  @Test
  void items() {
    assertEquals(2.5, Torch.scalarTensor(2.5).item());
    assertEquals(7L, Torch.scalarTensor(7L).itemLong());
    assertTrue(Torch.scalarTensor(true).itemBoolean());
    assertEquals(3.0, Torch.tensor(3f).item()); // one element, 1-D
  }

  @Test
  void item_onManyElements_throwsNamingTheShape() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Torch.zeros(2, 3).item());
    assertEquals("Tensor.item: a tensor of shape [2, 3] has 6 elements, not one; reduce it first"
        + " (sum(), mean()) or select an element", e.getMessage());
  }

  @Test
  void arrays_roundTripInRowMajorOrder() {
    Tensor f = Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, f.t().toFloatArray());
    assertArrayEquals(new double[] {1.5, -2}, Torch.fromArray(new double[] {1.5, -2}, 2).toDoubleArray());
    assertArrayEquals(new long[] {5, -6}, Torch.fromArray(new long[] {5, -6}, 2).toLongArray());
    assertArrayEquals(new int[] {7, 8}, Torch.fromArray(new int[] {7, 8}, 1, 2).toIntArray());
    assertArrayEquals(new boolean[] {true, false, true},
        Torch.fromArray(new boolean[] {true, false, true}, 3).toBooleanArray());
    assertArrayEquals(new long[] {1, -1}, Torch.tensor(1.9, -1.9).toLongArray());
  }

  @Test
  void fromArray_lengthMismatch_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.fromArray(new float[] {1, 2, 3, 4, 5}, 2, 3));
    assertEquals("Torch.fromArray: 5 values do not fill shape [2, 3], which holds 6; pass as many"
        + " values as the product of the sizes", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Torch.fromArray(new long[] {1}, 2));
    assertThrows(IllegalArgumentException.class, () -> Torch.fromArray(new boolean[0], 1));
  }

  @Test
  void fromArray_copiesTheData() {
    float[] data = {1, 2};
    Tensor t = Torch.fromArray(data, 2);
    data[0] = 100;
    assertArrayEquals(new float[] {1, 2}, t.toFloatArray());
  }

  @Test
  void factories_giveExactValues() {
    assertArrayEquals(new long[] {2, 5, 8}, Torch.arange(2, 10, 3).toLongArray());
    assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f}, Torch.arange(0.0, 1.0, 0.25).toFloatArray());
    assertArrayEquals(new float[] {0, 0.5f, 1}, Torch.linspace(0, 1, 3).toFloatArray());
    assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, Torch.eye(2, 3).toFloatArray());
    assertArrayEquals(new float[] {7, 7}, Torch.fullLike(Torch.zeros(2), 7).toFloatArray());
    assertArrayEquals(new float[] {1, 1}, Torch.onesLike(Torch.zeros(2)).toFloatArray());
  }

  @Test
  void manualSeed_makesRandomFactoriesRepeatable() {
    Torch.manualSeed(42);
    float[] a = Torch.rand(5).toFloatArray();
    long[] ia = Torch.randint(0, 10, 5).toLongArray();
    Torch.manualSeed(42);
    assertArrayEquals(a, Torch.rand(5).toFloatArray());
    assertArrayEquals(ia, Torch.randint(0, 10, 5).toLongArray());
    for (long v : ia) {
      assertTrue(v >= 0 && v < 10);
    }
  }

  @Test
  void autograd_basics() {
    Tensor w = Torch.tensor(1f, 2f, 3f).requiresGrad_(true);
    assertTrue(w.requiresGrad());
    assertTrue(w.isLeaf());
    assertNull(w.grad());
    Tensor y = w.mul(w).sum();
    assertEquals("SumBackward0", y.gradFnName());
    y.backward();
    assertArrayEquals(new float[] {2, 4, 6}, w.grad().toFloatArray());
    w.zeroGrad_();
    assertArrayEquals(new float[] {0, 0, 0}, w.grad().toFloatArray());
    assertFalse(w.detach().requiresGrad());
    Tensor held = w.grad();
    w.clearGrad_();
    assertNull(w.grad());
    assertTrue(w.requiresGrad(), "still a leaf that requires grad");
    assertArrayEquals(new float[] {0, 0, 0}, held.toFloatArray(), "a handle taken before lives on");
    w.mul(3.0).sum().backward();
    assertArrayEquals(new float[] {3, 3, 3}, w.grad().toFloatArray());
    assertSame(w, w.clearGrad_().clearGrad_(), "no gradient: nothing to drop");
    assertNull(w.grad());
  }

  @Test
  void backwardWithAGradient_andRetainGrad() {
    Tensor x = Torch.tensor(1f, 2f).requiresGrad_(true);
    Tensor y = x.mul(3.0).retainGrad();
    y.backward(Torch.tensor(1f, 10f));
    assertArrayEquals(new float[] {3, 30}, x.grad().toFloatArray());
    assertArrayEquals(new float[] {1, 10}, y.grad().toFloatArray());
  }

  @Test
  void noGrad_stopsRecording() {
    Tensor w = Torch.ones(2).requiresGrad_(true);
    try (NoGradScope ng = Torch.noGrad()) {
      assertFalse(Torch.isGradEnabled());
      assertFalse(w.mul(2.0).requiresGrad());
      try (NoGradScope nested = Torch.noGrad()) {
        assertFalse(Torch.isGradEnabled());
      }
      assertFalse(Torch.isGradEnabled());
    }
    assertTrue(Torch.isGradEnabled());
    assertTrue(w.mul(2.0).requiresGrad());
  }

  @Test
  void inPlaceOps_mutateAndReturnThis() {
    Tensor t = Torch.zeros(3);
    assertSame(t, t.add_(2.0));
    t.mul_(Torch.tensor(1f, 2f, 3f)).sub_(1.0);
    assertArrayEquals(new float[] {1, 3, 5}, t.toFloatArray());
    t.clamp_(2, 4);
    assertArrayEquals(new float[] {2, 3, 4}, t.toFloatArray());
    t.fill_(9).div_(3.0);
    assertArrayEquals(new float[] {3, 3, 3}, t.toFloatArray());
    t.copy_(Torch.tensor(5f));
    assertArrayEquals(new float[] {5, 5, 5}, t.toFloatArray());
    t.zero_();
    assertArrayEquals(new float[] {0, 0, 0}, t.toFloatArray());
  }

  @Test
  void unwrapAndWrap_roundTrip() {
    Tensor t = Torch.arange(4);
    org.bytedeco.pytorch.Tensor raw = org.bytedeco.pytorch.global.torch.mul(t.unwrap(), t.unwrap());
    assertArrayEquals(new long[] {0, 1, 4, 9}, Torch.wrap(raw).toLongArray());
    assertThrows(IllegalArgumentException.class, () -> Torch.wrap(new org.bytedeco.pytorch.Tensor()));
  }

  @Test
  void nativeAccess_isInstalledOnce_byTensorsClass() {
    assertEquals(1, Torch.zeros(1).numel()); // Tensor's class has installed it
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> dev.shapetorch.internal.NativeTensors.install(new NativeAccess()));
    assertEquals("NativeTensors.install: the access is installed already", e.getMessage());
  }
}
