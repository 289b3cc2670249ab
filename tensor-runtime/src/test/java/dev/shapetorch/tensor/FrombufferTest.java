package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@code Torch.frombuffer} and {@code Tensor.toBytes}: tensors to and from little-endian raw
 * bytes, as {@code torch.frombuffer} and {@code x.numpy().tobytes()}.
 */
class FrombufferTest {

  /** 1.0f and 2.5f as little-endian IEEE 754 (0x3f800000, 0x40200000). */
  private static final byte[] ONE_AND_TWO_AND_A_HALF = {0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, 0x40};

  @Test
  void frombuffer_readsLittleEndianFloat32InTheGivenShape() {
    try (var scope = TensorScope.open()) {
      Tensor t = Torch.frombuffer(ONE_AND_TWO_AND_A_HALF, DType.FLOAT32, 2, 1);
      assertArrayEquals(new long[] {2, 1}, t.shape());
      assertEquals(DType.FLOAT32, t.dtype());
      assertArrayEquals(new float[] {1.0f, 2.5f}, t.toFloatArray(), 0f);
    }
  }

  @Test
  void frombuffer_uint8_keepsValuesAbove127() {
    try (var scope = TensorScope.open()) {
      Tensor t = Torch.frombuffer(new byte[] {(byte) 200, 7}, DType.UINT8, 2);
      assertArrayEquals(new long[] {200, 7}, t.toLongArray());
    }
  }

  @Test
  void frombuffer_withOffsetAndLength_readsOnlyThatRange() {
    byte[] data = new byte[11];
    data[0] = 9;
    System.arraycopy(ONE_AND_TWO_AND_A_HALF, 0, data, 3, 8);
    try (var scope = TensorScope.open()) {
      Tensor t = Torch.frombuffer(data, 3, 8, DType.FLOAT32, 2);
      assertArrayEquals(new float[] {1.0f, 2.5f}, t.toFloatArray(), 0f);
    }
  }

  @Test
  void toBytes_isTheInverseOfFrombuffer() {
    try (var scope = TensorScope.open()) {
      Tensor t = Torch.frombuffer(ONE_AND_TWO_AND_A_HALF, DType.FLOAT32, 2);
      assertArrayEquals(ONE_AND_TWO_AND_A_HALF, t.toBytes());
    }
  }

  @Test
  void toBytes_ofATransposedView_isRowMajorOfTheView() {
    try (var scope = TensorScope.open()) {
      Tensor t = Torch.fromArray(new long[] {1, 2, 3, 4}, 2, 2).t();
      byte[] expected = new byte[32];
      long[] rowMajor = {1, 3, 2, 4};
      for (int i = 0; i < 4; i++) {
        expected[8 * i] = (byte) rowMajor[i];
      }
      assertArrayEquals(expected, t.toBytes());
    }
  }

  @Test
  void frombuffer_lengthThatDoesNotFillTheShape_throwsNamingOpShapeAndSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.frombuffer(new byte[7], DType.FLOAT32, 2));
    assertEquals("Torch.frombuffer: 7 bytes do not fill shape [2] of " + DType.FLOAT32
        + ", which takes 8 bytes", e.getMessage());
  }

  @Test
  void frombuffer_rangeOutsideTheArray_throwsNamingTheRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.frombuffer(new byte[11], 4, 8, DType.FLOAT32, 2));
    assertEquals("Torch.frombuffer: range [4, 12) lies outside an array of 11 bytes",
        e.getMessage());
  }
}
