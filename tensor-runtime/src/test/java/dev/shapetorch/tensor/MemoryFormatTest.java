package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Memory layouts: strides and contiguity as PyTorch 1.13 reports them for the same calls
 * ({@code x.to(memory_format=...)}, {@code x.contiguous(memory_format=...)}, {@code
 * x.is_contiguous(...)}), values unchanged, and rank errors that say which layout fits.
 */
class MemoryFormatTest {

  private static Tensor counting(long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return Torch.arange(n).to(DType.FLOAT32).reshape(shape);
  }

  @Test
  void stride_ofContiguousTensor_isRowMajor() {
    assertArrayEquals(new long[] {60, 20, 5, 1}, counting(2, 3, 4, 5).stride());
  }

  @Test
  void toChannelsLast_givesNhwcStrides_andKeepsValues() {
    Tensor x = counting(2, 3, 4, 5);
    Tensor y = x.to(MemoryFormat.CHANNELS_LAST);
    // torch.arange(120.).reshape(2,3,4,5).to(memory_format=torch.channels_last).stride()
    assertArrayEquals(new long[] {60, 1, 15, 3}, y.stride());
    assertArrayEquals(x.shape(), y.shape());
    assertArrayEquals(x.toFloatArray(), y.contiguous().toFloatArray());
    assertFalse(y.isContiguous());
    assertTrue(y.isContiguous(MemoryFormat.CHANNELS_LAST));
    assertEquals(MemoryFormat.CHANNELS_LAST, y.suggestMemoryFormat());
    assertEquals(MemoryFormat.CONTIGUOUS, x.suggestMemoryFormat());
  }

  @Test
  void toChannelsLast_whenAlreadyChannelsLast_returnsTheSameStorage() {
    Tensor y = counting(2, 3, 4, 5).to(MemoryFormat.CHANNELS_LAST);
    Tensor z = y.to(MemoryFormat.CHANNELS_LAST);
    z.fill_(7);
    assertEquals(7.0, y.sum().item() / 120, 0.0);
  }

  @Test
  void oneChannel_contiguousKeepsStrides_butToRestrides() {
    // a [6, 1, 5, 5] weight is contiguous in both layouts: contiguous(CL) leaves it, to(CL)
    // gives it channels-last strides (PyTorch: (25, 25, 5, 1) and (25, 1, 5, 1))
    Tensor w = Torch.zeros(6, 1, 5, 5);
    assertArrayEquals(new long[] {25, 25, 5, 1}, w.contiguous(MemoryFormat.CHANNELS_LAST).stride());
    Tensor cl = w.to(MemoryFormat.CHANNELS_LAST);
    assertArrayEquals(new long[] {25, 1, 5, 1}, cl.stride());
    assertEquals(MemoryFormat.CHANNELS_LAST, cl.suggestMemoryFormat());
  }

  @Test
  void convolution_withChannelsLastWeight_returnsChannelsLast() {
    Torch.manualSeed(3);
    Tensor x = Torch.randn(2, 1, 8, 8);
    Tensor w = Torch.randn(6, 1, 5, 5);
    Tensor plain = Torch.conv2d(x, w, null, new long[] {1, 1}, new long[] {0, 0},
        new long[] {1, 1}, 1);
    Tensor nhwc = Torch.conv2d(x, w.to(MemoryFormat.CHANNELS_LAST), null, new long[] {1, 1},
        new long[] {0, 0}, new long[] {1, 1}, 1);
    // PyTorch: the result's stride is (96, 1, 24, 6)
    assertArrayEquals(new long[] {96, 1, 24, 6}, nhwc.stride());
    float[] a = plain.toFloatArray();
    float[] b = nhwc.contiguous().toFloatArray();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-5, "element " + i);
    }
  }

  @Test
  void channelsLast3d_onFiveDimensions() {
    // torch.zeros(2,3,4,5,6).to(memory_format=torch.channels_last_3d).stride()
    assertArrayEquals(new long[] {360, 1, 90, 18, 3},
        Torch.zeros(2, 3, 4, 5, 6).to(MemoryFormat.CHANNELS_LAST_3D).stride());
  }

  @Test
  void channelsLast_onThreeDimensions_namesTheRankAndTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.zeros(2, 3, 4).to(MemoryFormat.CHANNELS_LAST));
    assertEquals("Tensor.to: CHANNELS_LAST lays out 4-d tensors, but this tensor is 3-d with"
        + " shape [2, 3, 4]", e.getMessage());
    IllegalArgumentException five = assertThrows(IllegalArgumentException.class,
        () -> Torch.zeros(1, 2, 3, 4, 5).contiguous(MemoryFormat.CHANNELS_LAST));
    assertTrue(five.getMessage().contains("CHANNELS_LAST_3D"), five.getMessage());
  }

  @Test
  void preserve_isNoLayoutToBeContiguousIn() {
    Tensor x = Torch.zeros(2, 3, 4, 5);
    assertThrows(IllegalArgumentException.class, () -> x.contiguous(MemoryFormat.PRESERVE));
    assertThrows(IllegalArgumentException.class, () -> x.isContiguous(MemoryFormat.PRESERVE));
    assertArrayEquals(x.stride(), x.to(MemoryFormat.PRESERVE).stride());
  }

  @Test
  void isContiguous_forALayoutOfAnotherRank_isFalse() {
    assertFalse(Torch.zeros(2, 3).isContiguous(MemoryFormat.CHANNELS_LAST));
    assertTrue(Torch.zeros(2, 3).isContiguous());
  }

  @Test
  void gradient_flowsThroughALayoutChange() {
    Tensor x = Torch.randn(2, 3, 4, 5).requiresGrad_(true);
    x.to(MemoryFormat.CHANNELS_LAST).mul(2).sum().backward();
    float[] g = x.grad().toFloatArray();
    for (float v : g) {
      assertEquals(2f, v, 0f);
    }
  }
}
