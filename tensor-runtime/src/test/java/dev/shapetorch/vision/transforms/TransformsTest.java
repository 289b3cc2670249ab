package dev.shapetorch.vision.transforms;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ToTensor, Normalize, RandomHorizontalFlip, RandomCrop, Resize, Compose. */
class TransformsTest {

  private static Tensor uint8(long[] shape, int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return Torch.frombuffer(b, DType.UINT8, shape);
  }

  @Test
  void toTensor_scalesUint8ToUnitRange_andAddsAChannelTo2d() {
    Tensor x = new ToTensor().apply(uint8(new long[] {2, 2}, 0, 255, 51, 102));
    assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(x.shape()).isEqualTo(new long[] {1, 2, 2});
    assertThat(x.toFloatArray()).usingTolerance(1e-7).containsExactly(new float[] {0, 1, 0.2f, 0.4f}).inOrder();
  }

  @Test
  void normalize_standardisesEachChannel() {
    Tensor img = Torch.fromArray(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 2, 2, 2);
    Tensor y = new Normalize(new double[] {2, 20}, new double[] {0.5, 10}).apply(img);
    assertThat(y.toFloatArray()).usingTolerance(1e-6)
        .containsExactly(new float[] {-2, 0, 2, 4, -1, 0, 1, 2}).inOrder();
    Tensor batch = Torch.stack(java.util.List.of(img, img), 0);
    assertThat(new Normalize(new double[] {2, 20}, new double[] {0.5, 10}).apply(batch).shape())
        .isEqualTo(new long[] {2, 2, 2, 2});
  }

  @Test
  void normalize_withTheWrongNumberOfChannels_saysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Normalize(new double[] {0.5, 0.5}, new double[] {1, 1}).apply(Torch.zeros(3, 4, 4)));
    assertThat(e).hasMessageThat()
        .isEqualTo("Normalize: 2 means for an image of 3 channels (shape [3, 4, 4])");
    assertThrows(IllegalArgumentException.class,
        () -> new Normalize(new double[] {0.5}, new double[] {0}));
  }

  @Test
  void horizontalFlip_mirrorsTheLastDimension() {
    Tensor img = Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    assertThat(new RandomHorizontalFlip(1.0).apply(img).toFloatArray())
        .isEqualTo(new float[] {3, 2, 1, 6, 5, 4});
    assertThat(new RandomHorizontalFlip(0.0).apply(img).toFloatArray())
        .isEqualTo(new float[] {1, 2, 3, 4, 5, 6});
  }

  @Test
  void horizontalFlip_flipsAboutHalfTheTime_reproduciblyFromTheSeed() {
    Tensor img = Torch.fromArray(new float[] {1, 2}, 1, 1, 2);
    SampleRandom.seed(42);
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      first.append(new RandomHorizontalFlip().apply(img).toFloatArray()[0] == 2 ? 'f' : '.');
    }
    long flips = first.chars().filter(c -> c == 'f').count();
    assertThat(flips).isIn(com.google.common.collect.Range.closed(70L, 130L));
    SampleRandom.seed(42);
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      second.append(new RandomHorizontalFlip().apply(img).toFloatArray()[0] == 2 ? 'f' : '.');
    }
    assertThat(second.toString()).isEqualTo(first.toString());
  }

  @Test
  void randomCrop_withPadding_takesEveryWindowOfThePaddedImage() {
    // 2x2 image padded by 1 -> 4x4; 2x2 crops: 3 x 3 = 9 positions
    Tensor img = Torch.fromArray(new float[] {1, 2, 3, 4}, 1, 2, 2);
    Set<String> seen = new HashSet<>();
    SampleRandom.seed(7);
    for (int i = 0; i < 300; i++) {
      Tensor c = new RandomCrop(2, 1).apply(img);
      assertThat(c.shape()).isEqualTo(new long[] {1, 2, 2});
      seen.add(java.util.Arrays.toString(c.toFloatArray()));
    }
    assertThat(seen).containsExactly(
        "[0.0, 0.0, 0.0, 1.0]", "[0.0, 0.0, 1.0, 2.0]", "[0.0, 0.0, 2.0, 0.0]",
        "[0.0, 1.0, 0.0, 3.0]", "[1.0, 2.0, 3.0, 4.0]", "[2.0, 0.0, 4.0, 0.0]",
        "[0.0, 3.0, 0.0, 0.0]", "[3.0, 4.0, 0.0, 0.0]", "[4.0, 0.0, 0.0, 0.0]");
  }

  @Test
  void randomCrop_largerThanThePaddedImage_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomCrop(5, 1).apply(Torch.zeros(1, 2, 2)));
    assertThat(e).hasMessageThat().isEqualTo("RandomCrop: a 5x5 crop does not fit in an image of"
        + " shape [1, 2, 2] padded by 1 (4x4)");
  }

  @Test
  void resize_isBilinearWithoutAlignedCorners_asPyTorch() {
    // F.interpolate(x, size=(4, 4), mode="bilinear", align_corners=False) in PyTorch 1.13
    Tensor img = Torch.fromArray(new float[] {0, 1, 2, 3}, 1, 2, 2);
    Tensor y = new Resize(4).apply(img);
    assertThat(y.shape()).isEqualTo(new long[] {1, 4, 4});
    assertThat(y.toFloatArray()).usingTolerance(1e-6).containsExactly(new float[] {
        0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f,
        2, 2.25f, 2.75f, 3}).inOrder();
  }

  @Test
  void resize_roundsUint8Images() {
    // PyTorch: interpolate([[0, 255], [255, 0]] as float, (3, 3)).round() = 0 128 255 / 128 ...
    Tensor y = new Resize(3, 3).apply(uint8(new long[] {1, 2, 2}, 0, 255, 255, 0));
    assertThat(y.dtype()).isEqualTo(DType.UINT8);
    assertThat(y.toLongArray()).isEqualTo(new long[] {0, 128, 255, 128, 128, 128, 255, 128, 0});
  }

  @Test
  void compose_appliesInOrder_andIsBatchableOnlyIfAllAre() {
    Transform t = Compose.of(new ToTensor(), new Normalize(new double[] {0.5}, new double[] {0.5}));
    assertThat(t.batchable()).isTrue();
    assertThat(t.apply(uint8(new long[] {1, 1, 2}, 0, 255)).toFloatArray())
        .usingTolerance(1e-6).containsExactly(new float[] {-1, 1}).inOrder();
    assertThat(t.andThen(new RandomHorizontalFlip()).batchable()).isFalse();
  }
}
