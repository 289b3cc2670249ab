package dev.shapetorch.nn.dropout;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Dropout1d/2d/3d, AlphaDropout and FeatureAlphaDropout: random, so their properties are checked
 * (with fixed seeds), not values: whole channels dropped, the identity in evaluation mode and for
 * {@code p = 0}, zeros for {@code p = 1}, the mean (and for alpha dropout the standard deviation)
 * kept within 6 standard errors.
 */
class ChannelDropoutTest {

  /** Each channel of {@code y} (blocks of {@code size} values) is all 0 or all {@code 1/(1-p)}. */
  private static void assertWholeChannels(float[] y, int size, double p) {
    int dropped = 0;
    int kept = 0;
    for (int c = 0; c < y.length / size; c++) {
      boolean zero = y[c * size] == 0f;
      for (int i = 0; i < size; i++) {
        assertEquals(zero ? 0.0 : 1 / (1 - p), y[c * size + i], 1e-6, "channel " + c);
      }
      if (zero) {
        dropped++;
      } else {
        kept++;
      }
    }
    assertTrue(dropped > 0 && kept > 0, "dropped " + dropped + ", kept " + kept);
  }

  private static void checkChannels(DoubleFunction<UnaryModule> layer, long[] batched,
      long[] unbatched, int channelSize) {
    Torch.manualSeed(14);
    UnaryModule d = layer.apply(0.5);
    assertWholeChannels(d.forward(Torch.ones(batched)).toFloatArray(), channelSize, 0.5);
    Tensor one = Torch.ones(unbatched);
    Tensor y = d.forward(one);
    assertArrayEquals(unbatched, y.shape());
    assertWholeChannels(y.toFloatArray(), channelSize, 0.5);
    // p = 0 and evaluation mode: the identity; p = 1: zeros
    Tensor x = Torch.randn(batched);
    assertArrayEquals(x.toFloatArray(), layer.apply(0.0).forward(x).toFloatArray());
    // 0 * negative is -0.0, as in PyTorch: compared with a delta, so that -0.0 equals 0.0
    assertArrayEquals(new float[(int) x.numel()], layer.apply(1.0).forward(x).toFloatArray(),
        0f);
    d.eval();
    assertArrayEquals(x.toFloatArray(), d.forward(x).toFloatArray());
    assertArrayEquals(one.toFloatArray(), d.forward(one).toFloatArray());
  }

  @Test
  void dropout1d_zeroesWholeChannels_batchedAndUnbatched() {
    checkChannels(Dropout1d::new, new long[] {4, 8, 5}, new long[] {16, 5}, 5);
  }

  @Test
  void dropout2d_zeroesWholeChannels_batchedAndUnbatched() {
    checkChannels(Dropout2d::new, new long[] {4, 8, 2, 3}, new long[] {16, 2, 3}, 6);
  }

  @Test
  void dropout3d_zeroesWholeChannels_batchedAndUnbatched() {
    checkChannels(Dropout3d::new, new long[] {4, 8, 2, 2, 2}, new long[] {16, 2, 2, 2}, 8);
  }

  @Test
  void channelDropout_keepsTheMean_within6StandardErrors() {
    Torch.manualSeed(1914);
    double p = 0.3;
    int channels = 64 * 1024;
    float[] y = new Dropout2d(p).forward(Torch.ones(64, 1024, 2, 2)).toFloatArray();
    double sum = 0;
    for (float v : y) {
      sum += v;
    }
    // each channel is 0 or 1/(1-p): mean 1, variance p/(1-p); its 4 values move together
    double se = Math.sqrt(p / (1 - p) / channels);
    assertEquals(1.0, sum / y.length, 6 * se);
  }

  /** The mean and standard deviation of {@code y}. */
  private static double[] moments(float[] y) {
    double sum = 0;
    for (float v : y) {
      sum += v;
    }
    double mean = sum / y.length;
    double sq = 0;
    for (float v : y) {
      sq += (v - mean) * (v - mean);
    }
    return new double[] {mean, Math.sqrt(sq / y.length)};
  }

  @Test
  void alphaDropout_keepsZeroMeanAndUnitStd_ofStandardNormalInput() {
    Torch.manualSeed(1914);
    int n = 1_000_000;
    // standard errors: 1/sqrt(n) for the mean; the std's is sqrt(m4 - 1) / (2 sqrt(n)), below
    // 1/sqrt(n) as the output's fourth moment m4 is below 5 for p <= 0.5
    double se = 1 / Math.sqrt(n);
    for (double p : new double[] {0.2, 0.5}) {
      double[] m = moments(new AlphaDropout(p).forward(Torch.randn(n)).toFloatArray());
      assertEquals(0.0, m[0], 6 * se, "mean, p = " + p);
      assertEquals(1.0, m[1], 6 * se, "std, p = " + p);
      // channels of one value each: the same distribution
      double[] f = moments(
          new FeatureAlphaDropout(p).forward(Torch.randn(1000, 1000, 1)).toFloatArray());
      assertEquals(0.0, f[0], 6 * se, "feature mean, p = " + p);
      assertEquals(1.0, f[1], 6 * se, "feature std, p = " + p);
    }
  }

  @Test
  void alphaDropouts_dropValuesToOneConstant_wholeChannelsForFeatureAlpha() {
    Torch.manualSeed(3);
    float[] y = new FeatureAlphaDropout(0.5).forward(Torch.full(new long[] {4, 16, 6}, 7.0))
        .toFloatArray();
    // kept channels are a*7+b, dropped ones a*alpha'+b: two values, constant per channel
    for (int c = 0; c < 64; c++) {
      for (int i = 1; i < 6; i++) {
        assertEquals(y[c * 6], y[c * 6 + i], 0.0, "channel " + c);
      }
    }
    Tensor x = Torch.randn(3, 4, 5);
    AlphaDropout a = new AlphaDropout(0.4);
    a.eval();
    assertArrayEquals(x.toFloatArray(), a.forward(x).toFloatArray());
    assertArrayEquals(x.toFloatArray(), new FeatureAlphaDropout(0.0).forward(x).toFloatArray());
    assertArrayEquals(x.toFloatArray(), F.alphaDropout(x, 0.5, false).toFloatArray());
  }

  @Test
  void errors_nameTheLayerAndTheArgument() {
    var p = assertThrows(IllegalArgumentException.class, () -> new Dropout2d(1.5));
    assertThat(p).hasMessageThat()
        .startsWith("Dropout2d: the dropout probability must be in [0, 1], got 1.5");
    var alpha = assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(-0.1));
    assertThat(alpha).hasMessageThat().startsWith("AlphaDropout: the dropout probability");
    var rank = assertThrows(IllegalArgumentException.class,
        () -> new Dropout2d().forward(Torch.zeros(2, 3)));
    assertThat(rank).hasMessageThat().startsWith("Dropout2d.forward");
    assertThat(rank).hasMessageThat()
        .contains("input is [2, 3] (rank 2); it must be [N, C, H, W] or [C, H, W]");
    var rank1d = assertThrows(IllegalArgumentException.class,
        () -> F.dropout1d(Torch.zeros(2, 3, 4, 5), 0.5, true));
    assertThat(rank1d).hasMessageThat().startsWith("F.dropout1d: input is [2, 3, 4, 5] (rank 4)");
    var fp = assertThrows(IllegalArgumentException.class,
        () -> F.dropout3d(Torch.zeros(2, 3, 4, 5), 2.0, true));
    assertThat(fp).hasMessageThat().startsWith("F.dropout3d: p must be in [0, 1], got 2.0");
    var feature = assertThrows(IllegalArgumentException.class,
        () -> new FeatureAlphaDropout().forward(Torch.zeros(5)));
    assertThat(feature).hasMessageThat().startsWith("FeatureAlphaDropout.forward");
  }
}
