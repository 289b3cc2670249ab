package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results taken out of native containers (tuples, vectors) own their tensors: they stay valid
 * after the container is gone, after other allocations and after a garbage collection.
 */
class NativeOwnershipTest {

  private static void churn() {
    for (int i = 0; i < 200; i++) {
      Torch.full(new long[] {64}, 123.0).close();
    }
    System.gc();
  }

  @Test
  void maxAndMinAlongADim_outliveTheNativeTuple() {
    Tensor x = Torch.fromArray(new float[] {1, 5, 3, 7, 2, 0}, 2, 3);
    ValuesAndIndices max = x.max(1);
    ValuesAndIndices min = Torch.min(x, 0, true);
    churn();
    assertArrayEquals(new float[] {5, 7}, max.values().toFloatArray());
    assertArrayEquals(new long[] {1, 0}, max.indices().toLongArray());
    assertArrayEquals(new long[] {1, 3}, min.values().shape());
    assertArrayEquals(new float[] {1, 2, 0}, min.values().toFloatArray());
    assertArrayEquals(new long[] {0, 1, 1}, min.indices().toLongArray());
  }

  @Test
  void sortAndTopk_outliveTheNativeTuple() {
    Tensor x = Torch.fromArray(new float[] {3, 1, 2, 9, 7, 8}, 2, 3);
    ValuesAndIndices sorted = x.sort(1, false);
    ValuesAndIndices top = Torch.topk(x, 2, 1);
    ValuesAndIndices bottom = x.topk(1, 0, false);
    churn();
    assertArrayEquals(new float[] {1, 2, 3, 7, 8, 9}, sorted.values().toFloatArray());
    assertArrayEquals(new long[] {1, 2, 0, 1, 2, 0}, sorted.indices().toLongArray());
    assertArrayEquals(new float[] {3, 2, 9, 8}, top.values().toFloatArray());
    assertArrayEquals(new long[] {0, 2, 0, 2}, top.indices().toLongArray());
    assertArrayEquals(new long[] {1, 3}, bottom.values().shape());
    assertArrayEquals(new float[] {3, 1, 2}, bottom.values().toFloatArray());
  }

  @Test
  void topkLargerThanTheDim_isAShapeException() {
    assertThrows(ShapeException.class, () -> Torch.zeros(2, 3).topk(4, 1));
  }

  @Test
  void splitAndChunkPieces_outliveTheNativeVector() {
    Tensor x = Torch.arange(7);
    List<Tensor> pieces = x.split(3, 0);
    List<Tensor> sized = x.split(new long[] {2, 5}, 0);
    List<Tensor> chunks = Torch.chunk(x, 2, 0);
    churn();
    assertEquals(3, pieces.size());
    assertArrayEquals(new long[] {6}, pieces.get(2).toLongArray());
    assertArrayEquals(new long[] {2, 3, 4, 5, 6}, sized.get(1).toLongArray());
    assertArrayEquals(new long[] {0, 1, 2, 3}, chunks.get(0).toLongArray());
    assertArrayEquals(new long[] {4, 5, 6}, chunks.get(1).toLongArray());
  }

  @Test
  void integerPowerAndScalarScatter() {
    Tensor x = Torch.arange(4);
    Tensor squared = x.pow(2);
    assertEquals(DType.INT64, squared.dtype());
    assertArrayEquals(new long[] {0, 1, 4, 9}, squared.toLongArray());
    Tensor z = Torch.zeros(2, 3).scatter(1, Torch.tensor(2L, 0L).reshape(2, 1), 5.0);
    assertArrayEquals(new float[] {0, 0, 5, 5, 0, 0}, z.toFloatArray());
  }
}
