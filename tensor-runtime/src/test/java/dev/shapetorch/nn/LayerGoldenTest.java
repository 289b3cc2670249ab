package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Every feed-forward layer against PyTorch 1.13: the same state dict (loaded by name), the
 * same input, the same output, input gradient and parameter gradients (of {@code
 * output.sum()}); and the output's shape is the one the layer's {@code forward} declares.
 */
class LayerGoldenTest {

  /** Forward, compare, backward, compare; returns the output. */
  private static Tensor check(String fixture, Module layer, long[] hyper,
      java.util.function.Function<Tensor, Tensor> forward) {
    Golden g = Golden.load(fixture);
    g.loadInto(layer);
    Tensor x = g.has("grad.x") ? g.leaf("in.x") : g.tensor("in.x");
    Tensor y = forward.apply(x);
    g.assertClose("out.y", y);
    assertDeclaredShape(layer.getClass(), hyper, x, y);
    y.sum().backward();
    if (g.has("grad.x")) {
      g.assertClose("grad.x", x.grad());
    }
    if (!layer.namedParameters().isEmpty()) {
      g.assertParameterGrads(layer);
    }
    return y;
  }

  /**
   * The output's shape is the one the layer's declaration gives: its rule's result, or its
   * declared result instantiated by the input's bindings.
   */
  static void assertDeclaredShape(Class<?> layer, long[] hyper, Tensor x, Tensor y) {
    ForwardContract sig = Guard.forward(layer, "input");
    assertEquals(sig.check(hyper, x), y.shapeOf(), layer.getSimpleName() + " declared shape");
  }

  @Test
  void linear() {
    Linear l = new Linear(4, 5);
    check("linear", l, new long[] {4, 5}, l::forward);
  }

  @Test
  void linear_withoutBias_onBatchedInput() {
    Linear l = new Linear(4, 2, false);
    check("linear_nobias_batched", l, new long[] {4, 2}, l::forward);
  }

  @Test
  void bilinear() {
    Bilinear b = new Bilinear(4, 2, 3);
    Golden g = Golden.load("bilinear");
    g.loadInto(b);
    Tensor x1 = g.leaf("in.x1");
    Tensor x2 = g.leaf("in.x2");
    Tensor y = b.forward(x1, x2);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x1", x1.grad());
    g.assertClose("grad.x2", x2.grad());
    g.assertParameterGrads(b);
  }

  @Test
  void conv1d_strideAndPadding() {
    Conv1d c = new Conv1d(3, 4, 3, 2, 1, 1, 1, true);
    check("conv1d", c, new long[] {3, 4, 3, 2, 1, 1}, c::forward);
  }

  @Test
  void conv1d_groupsAndDilation() {
    Conv1d c = new Conv1d(4, 6, 2, 1, 0, 2, 2, true);
    check("conv1d_groups_dilation", c, new long[] {4, 6, 2, 1, 0, 2}, c::forward);
  }

  @Test
  void conv2d_rectangularKernelStridePaddingDilation() {
    Conv2d c = new Conv2d(3, 4, 3, 2, 2, 1, 1, 0, 1, 2, 1, true);
    check("conv2d", c, c.hyperparameters(), c::forward);
  }

  @Test
  void conv2d_samePaddingWithoutBias() {
    Conv2d c = new Conv2d(2, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, false);
    check("conv2d_square", c, c.hyperparameters(), c::forward);
  }

  @Test
  void convTranspose2d_upsamples() {
    ConvTranspose2d c = new ConvTranspose2d(3, 2, 3, 2, 1, 1);
    check("conv_transpose2d", c, new long[] {3, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1}, c::forward);
  }

  @Test
  void maxPool1d() {
    MaxPool1d p = new MaxPool1d(3, 2, 1);
    check("max_pool1d", p, new long[] {3, 2, 1, 1, 0}, p::forward);
  }

  @Test
  void maxPool2d() {
    MaxPool2d p = new MaxPool2d(3, 2, 1);
    check("max_pool2d", p, new long[] {3, 3, 2, 2, 1, 1, 1, 1, 0}, p::forward);
  }

  @Test
  void maxPool2d_ceilMode_roundsUp() {
    MaxPool2d p = new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, true);
    check("max_pool2d_ceil", p, new long[] {2, 2, 2, 2, 0, 0, 1, 1, 1}, p::forward);
  }

  @Test
  void avgPool2d() {
    AvgPool2d p = new AvgPool2d(2);
    check("avg_pool2d", p, new long[] {2, 2, 2, 2, 0, 0, 0}, p::forward);
  }

  @Test
  void avgPool2d_paddingNotCounted() {
    AvgPool2d p = new AvgPool2d(3, 3, 2, 2, 1, 1, false, false);
    check("avg_pool2d_pad", p, new long[] {3, 3, 2, 2, 1, 1, 0}, p::forward);
  }

  @Test
  void adaptiveAvgPool2d() {
    AdaptiveAvgPool2d p = new AdaptiveAvgPool2d(3, 2);
    check("adaptive_avg_pool2d", p, new long[] {3, 2}, p::forward);
  }

  @Test
  void layerNorm_lastDim() {
    LayerNorm n = new LayerNorm(4);
    check("layer_norm", n, new long[] {4}, n::forward);
  }

  @Test
  void layerNorm_twoTrailingDims_withoutAffine() {
    LayerNorm n = new LayerNorm(new long[] {3, 4}, 1e-3, false);
    Golden g = Golden.load("layer_norm_2d");
    Tensor x = g.leaf("in.x");
    Tensor y = n.forward(x);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x", x.grad(), 1e-4, 1e-3);
  }

  @Test
  void groupNorm() {
    GroupNorm n = new GroupNorm(3, 6);
    Golden g = Golden.load("group_norm");
    g.loadInto(n);
    Tensor x = g.leaf("in.x");
    Tensor y = n.forward(x);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x", x.grad(), 1e-4, 1e-3);
    g.assertParameterGrads(n);
  }

  @Test
  void embedding_paddingRowGetsNoGradient() {
    Embedding e = new Embedding(10, 3, 1);
    Golden g = Golden.load("embedding");
    g.loadInto(e);
    Tensor idx = g.tensor("in.idx");
    Tensor y = e.forward(idx);
    g.assertClose("out.y", y);
    ForwardContract sig = Guard.forward(Embedding.class, "indices");
    assertEquals(sig.check(new long[] {10, 3}, idx), y.shapeOf());
    y.sum().backward();
    g.assertParameterGrads(e);
  }
  @Test
  void embedding_negativePaddingIdx_isTheLastRow_asInPyTorch() {
    Embedding fresh = new Embedding(5, 3, -1);
    assertEquals(OptionalLong.of(4), fresh.paddingIdx());
    assertArrayEquals(new float[] {0, 0, 0}, fresh.weight().get().select(0, 4).toFloatArray());
    Embedding e = new Embedding(5, 3, -1);
    Golden g = Golden.load("embedding_negative_padding");
    g.loadInto(e);
    Tensor y = e.forward(g.tensor("in.idx"));
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertParameterGrads(e);
    assertArrayEquals(new float[] {0, 0, 0}, e.weight().get().grad().select(0, 4).toFloatArray(),
        "the padding row's gradient stays zero although index 4 is looked up three times");
    Tensor viaF = F.embedding(g.tensor("in.idx"), e.weight().get(), -1);
    g.assertClose("out.y", viaF);
  }

  @Test
  void embedding_paddingIdxOutOfRange_namesTheIndexAndTheTableSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Embedding(5, 3, 5));
    assertEquals("Embedding: paddingIdx 5 is out of range for num 5 embeddings; it must be in"
        + " [-5, 5) (negative counts from the end: -1 is row 4); for no padding row, use new"
        + " Embedding(num, dim)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Embedding(5, 3, -6));
    assertTrue(e.getMessage().startsWith("Embedding: paddingIdx -6 is out of range for num 5"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> F.embedding(Torch.zeros(new long[] {2}, DType.INT64), Torch.zeros(5, 3), -6));
    assertEquals("F.embedding: paddingIdx -6 is out of range for weight [5, 3] with 5"
        + " embeddings; it must be in [-5, 5)", e.getMessage());
    assertEquals(OptionalLong.empty(), new Embedding(5, 3).paddingIdx());
  }
}
