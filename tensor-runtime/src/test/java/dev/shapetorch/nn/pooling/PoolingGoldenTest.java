package dev.shapetorch.nn.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.Golden;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MaxPool3d, AvgPool1d, AvgPool3d and the adaptive 1-D/3-D average and 1-D/2-D/3-D max pooling
 * layers (and their F forms) against PyTorch 1.13 ({@code src/test/python/nn_pool_golden.py}):
 * the same input, the output, the indices of the maxima ({@code return_indices=True}), the
 * input's gradient of {@code (y * g).sum()} for a random {@code g}; the output's shape is the one
 * the layer's declaration gives; the repr is PyTorch's. Bad arguments are refused before libtorch
 * in words that name the op and the shapes.
 */
class PoolingGoldenTest {

  private static Golden check(String fixture, Module layer, long[] hyper) {
    Golden g = Golden.load("pool_" + fixture);
    Tensor x = g.leaf("in.x");
    Tensor y = ((UnaryModule) layer).forward(x);
    g.assertClose("out.y", y);
    ForwardContract sig = Guard.forward(layer.getClass(), "input");
    assertEquals(sig.check(hyper, x), y.shapeOf(), fixture + ": declared shape");
    y.mul(g.tensor("in.g")).sum().backward();
    g.assertClose("grad.x", x.grad());
    assertEquals(reprs().get(fixture), layer.toString(), fixture + ": repr");
    return g;
  }

  private static void assertIndices(Golden g, ValuesAndIndices r) {
    g.assertClose("out.y", r.values());
    assertEquals(DType.INT64, r.indices().dtype());
    assertArrayEquals(g.tensor("out.idx").toLongArray(), r.indices().toLongArray());
  }

  private static Map<String, String> reprs() {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = PoolingGoldenTest.class.getResourceAsStream(
        "/golden/nn/pool_reprs.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", 2);
        out.put(f[0], f[1]);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  // MaxPool3d

  @Test
  void maxPool3d_everyOptionPerDim_withIndices() {
    MaxPool3d p = new MaxPool3d(3, 2, 2, 2, 1, 2, 1, 0, 1, 1, 2, 1, false);
    Golden g = check("max_pool3d", p, p.spec().typeVector());
    assertIndices(g, Torch.maxPool3dWithIndices(g.tensor("in.x"), new long[] {3, 2, 2},
        new long[] {2, 1, 2}, new long[] {1, 0, 1}, new long[] {1, 2, 1}, false));
  }

  @Test
  void maxPool3d_ceilMode_withIndices() {
    MaxPool3d p = new MaxPool3d(2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, true);
    Golden g = check("max_pool3d_ceil", p, p.spec().typeVector());
    assertArrayEquals(new long[] {1, 2, 3, 3, 3}, g.tensor("out.y").shape());
    assertIndices(g, F.maxPool3dWithIndices(g.tensor("in.x"), new long[] {2},
        new long[] {2}, new long[] {0}, new long[] {1}, true));
  }

  @Test
  void maxPool3d_cubeWithStrideAndPadding() {
    MaxPool3d p = new MaxPool3d(3, 2, 1);
    check("max_pool3d_pad", p, p.spec().typeVector());
  }

  @Test
  void maxPool3d_defaults_andTheShortF() {
    MaxPool3d p = new MaxPool3d(2);
    Golden g = check("max_pool3d_default", p, p.spec().typeVector());
    g.assertClose("out.y", F.maxPool3d(g.tensor("in.x"), 2));
  }

  @Test
  void maxPool3d_unbatchedF_matchesTheBatchedRow() {
    Golden g = Golden.load("pool_max_pool3d_pad");
    Tensor first = Torch.maxPool3d(g.tensor("in.x").select(0, 0), new long[] {3},
        new long[] {2}, new long[] {1}, new long[] {1}, false);
    Tensor expected = g.tensor("out.y").select(0, 0);
    assertArrayEquals(expected.shape(), first.shape());
    assertArrayEquals(expected.toFloatArray(), first.toFloatArray(), 1e-6f);
  }

  // AvgPool1d

  @Test
  void avgPool1d_strideAndPadding() {
    AvgPool1d p = new AvgPool1d(3, 2, 1);
    check("avg_pool1d", p, p.spec().typeVector());
  }

  @Test
  void avgPool1d_ceilModeWithoutPaddingCounted() {
    AvgPool1d p = new AvgPool1d(3, 2, 1, true, false);
    check("avg_pool1d_ceil_nopad", p, p.spec().typeVector());
  }

  @Test
  void avgPool1d_defaults_andTheShortF_andUnbatched() {
    AvgPool1d p = new AvgPool1d(2);
    Golden g = check("avg_pool1d_default", p, p.spec().typeVector());
    g.assertClose("out.y", F.avgPool1d(g.tensor("in.x"), 2));
    Tensor first = F.avgPool1d(g.tensor("in.x").select(0, 0), 2);
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(),
        1e-6f);
  }

  // AvgPool3d

  @Test
  void avgPool3d_everyOptionPerDim() {
    AvgPool3d p = new AvgPool3d(3, 2, 2, 2, 1, 2, 1, 0, 1, false, true, 0);
    check("avg_pool3d", p, p.spec().typeVector());
  }

  @Test
  void avgPool3d_ceilModeWithoutPaddingCounted() {
    AvgPool3d p = new AvgPool3d(3, 3, 3, 2, 2, 2, 1, 1, 1, true, false, 0);
    check("avg_pool3d_ceil_nopad", p, p.spec().typeVector());
  }

  @Test
  void avgPool3d_divisorOverride() {
    AvgPool3d p = new AvgPool3d(2, 2, 2, 1, 1, 1, 1, 1, 1, false, true, 3);
    Golden g = check("avg_pool3d_divisor", p, p.spec().typeVector());
    g.assertClose("out.y", Torch.avgPool3d(g.tensor("in.x"), new long[] {2},
        new long[] {1}, new long[] {1}, false, true, 3));
  }

  @Test
  void avgPool3d_defaults_andTheShortF() {
    AvgPool3d p = new AvgPool3d(2);
    Golden g = check("avg_pool3d_default", p, p.spec().typeVector());
    g.assertClose("out.y", F.avgPool3d(g.tensor("in.x"), 2));
  }

  // Adaptive average pooling

  @Test
  void adaptiveAvgPool1d_sizeThatDoesNotDivide_andUnbatched() {
    AdaptiveAvgPool1d p = new AdaptiveAvgPool1d(3);
    Golden g = check("adaptive_avg_pool1d", p, p.spec().typeVector());
    Tensor first = Torch.adaptiveAvgPool1d(g.tensor("in.x").select(0, 0), 3);
    assertArrayEquals(new long[] {3, 3}, first.shape());
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(),
        1e-6f);
  }

  @Test
  void adaptiveAvgPool3d_perDimSizes() {
    AdaptiveAvgPool3d p = new AdaptiveAvgPool3d(2, 3, 4);
    check("adaptive_avg_pool3d", p, p.spec().typeVector());
  }

  @Test
  void adaptiveAvgPool3d_oneSize_andTheF() {
    AdaptiveAvgPool3d p = new AdaptiveAvgPool3d(2);
    Golden g = check("adaptive_avg_pool3d_cube", p, p.spec().typeVector());
    g.assertClose("out.y", F.adaptiveAvgPool3d(g.tensor("in.x"), 2));
  }

  // Adaptive max pooling

  @Test
  void adaptiveMaxPool1d_valuesIndicesAndGradient() {
    AdaptiveMaxPool1d p = new AdaptiveMaxPool1d(4);
    Golden g = check("adaptive_max_pool1d", p, p.spec().typeVector());
    assertIndices(g, p.forwardWithIndices(g.tensor("in.x")));
    assertIndices(g, Torch.adaptiveMaxPool1dWithIndices(g.tensor("in.x"), 4));
    g.assertClose("out.y", F.adaptiveMaxPool1d(g.tensor("in.x"), 4));
  }

  @Test
  void adaptiveMaxPool2d_valuesIndicesAndGradient() {
    AdaptiveMaxPool2d p = new AdaptiveMaxPool2d(3, 2);
    Golden g = check("adaptive_max_pool2d", p, p.spec().typeVector());
    assertIndices(g, p.forwardWithIndices(g.tensor("in.x")));
    ValuesAndIndices first = F.adaptiveMaxPool2dWithIndices(g.tensor("in.x").select(0, 0), 3,
        2);
    assertArrayEquals(g.tensor("out.idx").select(0, 0).toLongArray(),
        first.indices().toLongArray());
  }

  @Test
  void adaptiveMaxPool2d_oneSize() {
    AdaptiveMaxPool2d p = new AdaptiveMaxPool2d(4);
    Golden g = check("adaptive_max_pool2d_square", p, p.spec().typeVector());
    assertIndices(g, Torch.adaptiveMaxPool2dWithIndices(g.tensor("in.x"), 4));
    g.assertClose("out.y", F.adaptiveMaxPool2d(g.tensor("in.x"), 4));
  }

  @Test
  void adaptiveMaxPool3d_valuesIndicesAndGradient() {
    AdaptiveMaxPool3d p = new AdaptiveMaxPool3d(2, 3, 2);
    Golden g = check("adaptive_max_pool3d", p, p.spec().typeVector());
    assertIndices(g, p.forwardWithIndices(g.tensor("in.x")));
    g.assertClose("out.y", Torch.adaptiveMaxPool3d(g.tensor("in.x"), 2, 3, 2));
  }

  // Bad arguments, refused before libtorch

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void kernelLargerThanThePaddedInput_isAShapeError() {
    Tensor x = Torch.zeros(1, 2, 2, 5, 5);
    ShapeException e = assertThrows(ShapeException.class, () -> new MaxPool3d(3).forward(x));
    assertMentions(e, "MaxPool3d", "[1, 2, 2, 5, 5]");
    ShapeException f = assertThrows(ShapeException.class,
        () -> F.avgPool3d(x, new long[] {3}, new long[] {1}, new long[] {0}, false, true, 0));
    assertMentions(f, "avgPool3d", "[1, 2, 2, 5, 5]", "too small");
    ShapeException g = assertThrows(ShapeException.class,
        () -> new AvgPool1d(4).forward(Torch.zeros(1, 2, 3)));
    assertMentions(g, "AvgPool1d", "[1, 2, 3]");
  }

  @Test
  void paddingOverHalfTheKernel_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AvgPool3d(2, 2, 2));
    assertMentions(e, "AvgPool3d", "padding (2)");
    assertThrows(IllegalArgumentException.class, () -> new MaxPool3d(3, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new AvgPool1d(2, 1, 2));
    ShapeException f = assertThrows(ShapeException.class, () -> Torch.maxPool3d(
        Torch.zeros(1, 1, 6, 6, 6), new long[] {2}, new long[] {2}, new long[] {2},
        new long[] {1}, false));
    assertMentions(f, "maxPool3d", "half of kernel size");
  }

  @Test
  void nonPositiveSizes_areRefused() {
    assertMentions(assertThrows(IllegalArgumentException.class, () -> new MaxPool3d(0)),
        "MaxPool3d", "kernel");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> new AdaptiveMaxPool3d(2, 0, 2)), "AdaptiveMaxPool3d", "output height");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> new AdaptiveAvgPool1d(-1)), "AdaptiveAvgPool1d", "output length");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> new AvgPool3d(2, 2, 2, 2, 2, 2, 0, 0, 0, false, true, -1)), "divisorOverride");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> Torch.avgPool3d(Torch.zeros(1, 1, 4, 4, 4), new long[] {2}, new long[] {2},
            new long[] {0}, false, true, -2)), "avgPool3d", "divisorOverride");
    ShapeException s = assertThrows(ShapeException.class, () -> Torch.avgPool1d(
        Torch.zeros(1, 2, 8), new long[] {2}, new long[] {0}, new long[] {0}, false, true));
    assertMentions(s, "avgPool1d", "stride");
    assertThrows(ShapeException.class,
        () -> Torch.adaptiveAvgPool3d(Torch.zeros(1, 2, 4, 4, 4), 2, -1, 2));
  }

  @Test
  void wrongRank_isAShapeError() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> F.maxPool3d(Torch.zeros(4, 4, 4), 2));
    assertMentions(e, "maxPool3d", "[4, 4, 4]", "5-D");
    ShapeException m = assertThrows(ShapeException.class,
        () -> new AdaptiveMaxPool2d(2).forward(Torch.zeros(3, 5, 5)));
    assertMentions(m, "AdaptiveMaxPool2d", "[3, 5, 5]");
    ShapeException a = assertThrows(ShapeException.class,
        () -> Torch.adaptiveMaxPool1dWithIndices(Torch.zeros(2, 3, 4, 5), 2));
    assertMentions(a, "adaptiveMaxPool1dWithIndices", "[2, 3, 4, 5]");
    assertThrows(ShapeException.class, () -> F.adaptiveAvgPool1d(Torch.zeros(7), 2));
    assertThrows(ShapeException.class, () -> new AvgPool3d(2).forward(Torch.zeros(2, 4, 4, 4)));
  }

  @Test
  void emptySpatialDim_isRefusedByAdaptiveMaxPooling() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.adaptiveMaxPool2d(Torch.zeros(1, 2, 0, 3), 2, 2));
    assertMentions(e, "adaptiveMaxPool2d", "[1, 2, 0, 3]", "empty");
  }
}
