package dev.shapetorch.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;

/**
 * Initialisation: PyTorch's gains and fans, the bounds and spreads of each distribution, the
 * layers' default initialisation, and orthogonality.
 */
class InitTest {

  /** Largest absolute value and standard deviation of a tensor's values. */
  private static double[] maxAbsAndStd(Tensor t) {
    double[] v = t.to(dev.shapetorch.tensor.DType.FLOAT64).toDoubleArray();
    double max = 0;
    double sum = 0;
    double sq = 0;
    for (double x : v) {
      max = Math.max(max, Math.abs(x));
      sum += x;
      sq += x * x;
    }
    double mean = sum / v.length;
    return new double[] {max, Math.sqrt(sq / v.length - mean * mean)};
  }

  /** Uniform in [-bound, bound]: nothing outside, the extremes reached, the spread of U. */
  private static void assertUniform(Tensor t, double bound) {
    double[] s = maxAbsAndStd(t);
    assertTrue(s[0] <= bound * (1 + 1e-6), "max |w| " + s[0] + " <= " + bound);
    assertTrue(s[0] >= bound * 0.98, "max |w| " + s[0] + " reaches " + bound);
    assertEquals(bound / Math.sqrt(3), s[1], bound / Math.sqrt(3) * 0.05, "std");
  }

  @Test
  void calculateGain_matchesPyTorch() {
    assertEquals(1.0, Init.calculateGain(Nonlinearity.LINEAR));
    assertEquals(1.0, Init.calculateGain(Nonlinearity.CONV2D));
    assertEquals(1.0, Init.calculateGain(Nonlinearity.SIGMOID));
    assertEquals(5.0 / 3, Init.calculateGain(Nonlinearity.TANH));
    assertEquals(Math.sqrt(2), Init.calculateGain(Nonlinearity.RELU));
    assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.calculateGain(Nonlinearity.LEAKY_RELU));
    assertEquals(Math.sqrt(2 / 1.04), Init.calculateGain(Nonlinearity.LEAKY_RELU, 0.2), 1e-12);
    assertEquals(0.75, Init.calculateGain(Nonlinearity.SELU));
  }

  @Test
  void fans_areChannelsTimesReceptiveField() {
    Init.Fans f = Init.calculateFanInAndFanOut(Torch.empty(16, 6, 5, 5));
    assertEquals(150, f.fanIn());
    assertEquals(400, f.fanOut());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Init.calculateFanInAndFanOut(Torch.empty(7)));
    assertEquals("Init.calculateFanInAndFanOut: fan in and fan out can not be computed for a tensor with fewer than 2"
        + " dimensions (got shape [7])", e.getMessage());
  }

  @Test
  void simpleFills() {
    assertArrayEquals(new float[] {3, 3}, Init.constant_(Torch.empty(2), 3).toFloatArray());
    assertArrayEquals(new float[] {0, 0}, Init.zeros_(Torch.empty(2)).toFloatArray());
    assertArrayEquals(new float[] {1, 1}, Init.ones_(Torch.empty(2)).toFloatArray());
    assertUniform(Init.uniform_(Torch.empty(200, 100), -0.3, 0.3), 0.3);
    double[] s = maxAbsAndStd(Init.normal_(Torch.empty(200, 100), 0, 2));
    assertEquals(2.0, s[1], 0.05);
  }

  @Test
  void xavier_boundAndSpread() {
    double bound = Math.sqrt(6.0 / (300 + 200));
    assertUniform(Init.xavierUniform_(Torch.empty(200, 300)), bound);
    assertUniform(Init.xavierUniform_(Torch.empty(200, 300), 2.0), 2 * bound);
    double[] s = maxAbsAndStd(Init.xavierNormal_(Torch.empty(200, 300)));
    assertEquals(Math.sqrt(2.0 / 500), s[1], Math.sqrt(2.0 / 500) * 0.03);
  }

  @Test
  void kaiming_modesAndNonlinearities() {
    assertUniform(Init.kaimingUniform_(Torch.empty(300, 200)), Math.sqrt(2) * Math.sqrt(3.0 / 200));
    assertUniform(Init.kaimingUniform_(Torch.empty(300, 200), 0, FanMode.FAN_OUT,
        Nonlinearity.RELU), Math.sqrt(2) * Math.sqrt(3.0 / 300));
    double[] s = maxAbsAndStd(Init.kaimingNormal_(Torch.empty(300, 200), 0, FanMode.FAN_OUT,
        Nonlinearity.RELU));
    assertEquals(Math.sqrt(2.0 / 300), s[1], Math.sqrt(2.0 / 300) * 0.03);
    Tensor none = Torch.empty(0, 3);
    assertSame(none, Init.kaimingUniform_(none));
  }

  @Test
  void linearAndConvDefaults_areUniformInOneOverSqrtFanIn() {
    Linear fc = new Linear(400, 120);
    assertUniform(fc.weight().get(), 1 / Math.sqrt(400));
    assertTrue(maxAbsAndStd(fc.bias().get())[0] <= 1 / Math.sqrt(400));
    Conv2d conv = new Conv2d(6, 16, 5);
    assertUniform(conv.weight().get(), 1 / Math.sqrt(150));
    assertTrue(maxAbsAndStd(conv.bias().get())[0] <= 1 / Math.sqrt(150));
    Conv2d grouped = new Conv2d(8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 4, true);
    assertArrayEquals(new long[] {16, 2, 3, 3}, grouped.weight().get().shape());
    assertUniform(grouped.weight().get(), 1 / Math.sqrt(2 * 9));
    ConvTranspose2d up = new ConvTranspose2d(16, 8, 4, 2, 1, 0);
    assertArrayEquals(new long[] {16, 8, 4, 4}, up.weight().get().shape());
    assertUniform(up.weight().get(), 1 / Math.sqrt(8 * 16));
    Bilinear bi = new Bilinear(20, 30, 40);
    assertUniform(bi.weight().get(), 1 / Math.sqrt(20));
  }

  @Test
  void embeddingAndAttentionDefaults() {
    Embedding e = new Embedding(1000, 50, 3);
    double[] s = maxAbsAndStd(e.weight().get());
    assertEquals(1.0, s[1], 0.03);
    assertArrayEquals(new float[50], e.weight().get().select(0, 3).toFloatArray());
    MultiheadAttention m = new MultiheadAttention(64, 4);
    assertUniform(m.inProjWeight().get(), Math.sqrt(6.0 / (64 + 192)));
    assertArrayEquals(new float[64], m.outProj().bias().get().toFloatArray());
  }

  @Test
  void orthogonal_rowsOrColumnsAreOrthonormal_timesTheGain() {
    Tensor wide = Init.orthogonal_(Torch.empty(4, 9));
    assertArrayEquals(Torch.eye(4).toFloatArray(), wide.matmul(wide.t()).toFloatArray(), 1e-5f);
    Tensor tall = Init.orthogonal_(Torch.empty(9, 4), 2.0);
    assertArrayEquals(Torch.eye(4).mul(4.0).toFloatArray(), tall.t().matmul(tall).toFloatArray(),
        1e-4f);
    Tensor conv = Init.orthogonal_(Torch.empty(3, 2, 2, 2));
    Tensor flat = conv.reshape(3, 8);
    assertArrayEquals(Torch.eye(3).toFloatArray(), flat.matmul(flat.t()).toFloatArray(), 1e-5f);
    assertThrows(IllegalArgumentException.class, () -> Init.orthogonal_(Torch.empty(5)));
  }

  @Test
  void sameSeed_sameInitialisation() {
    Torch.manualSeed(42);
    float[] a = new Linear(10, 10).weight().get().toFloatArray();
    Torch.manualSeed(42);
    float[] b = new Linear(10, 10).weight().get().toFloatArray();
    assertArrayEquals(a, b);
  }

  @Test
  void initialisingAParameter_keepsItALeafThatRequiresGrad() {
    Parameter p = new Parameter(Torch.zeros(5, 5));
    Init.kaimingNormal_(p.get());
    assertTrue(p.get().isLeaf() && p.get().requiresGrad());
    assertTrue(maxAbsAndStd(p.get())[0] > 0);
  }
}
