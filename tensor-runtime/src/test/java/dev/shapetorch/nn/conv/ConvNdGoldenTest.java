package dev.shapetorch.nn.conv;

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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conv3d, ConvTranspose1d and ConvTranspose3d (and their F forms) against PyTorch 1.13 ({@code
 * src/test/python/nn_conv_golden.py}): PyTorch's state dict loaded by name, the same input, the
 * output, the input's and the parameters' gradients of {@code (y * g).sum()} for a random
 * {@code g}; the output's shape is the one the layer's declaration gives; the repr is PyTorch's.
 * These convolutions take ShapeTorch's reference path on a CPU (never oneDNN), so the gradients
 * compared here are that path's.
 */
class ConvNdGoldenTest {

  private static void check(String fixture, Module layer, long[] hyper) {
    Golden g = Golden.load("conv3_" + fixture);
    g.loadInto(layer);
    Tensor x = g.leaf("in.x");
    Tensor y = ((UnaryModule) layer).forward(x);
    g.assertClose("out.y", y);
    ForwardContract sig = Guard.forward(layer.getClass(), "input");
    assertEquals(sig.check(hyper, x), y.shapeOf(), fixture + ": declared shape");
    y.mul(g.tensor("in.g")).sum().backward();
    g.assertClose("grad.x", x.grad());
    g.assertParameterGrads(layer);
    assertEquals(reprs().get(fixture), layer.toString(), fixture + ": repr");
  }

  private static Map<String, String> reprs() {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = ConvNdGoldenTest.class.getResourceAsStream(
        "/golden/nn/conv3_reprs.txt")) {
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

  @Test
  void conv3d_everyOptionPerDim() {
    Conv3d c = new Conv3d(3, 4, 3, 2, 2, 2, 1, 2, 1, 0, 1, 1, 2, 1, 1, true);
    check("conv3d", c, c.spec().typeVector());
  }

  @Test
  void conv3d_cubeWithStrideAndPadding() {
    Conv3d c = new Conv3d(2, 3, 3, 2, 1);
    check("conv3d_cube", c, c.spec().typeVector());
  }

  @Test
  void conv3d_groupsWithoutBias() {
    Conv3d c = new Conv3d(4, 6, 2, 2, 2, 1, 1, 1, 0, 0, 0, 1, 1, 1, 2, false);
    check("conv3d_groups_nobias", c, c.spec().typeVector());
  }

  @Test
  void conv3d_defaults() {
    Conv3d c = new Conv3d(2, 3, 2);
    check("conv3d_default", c, c.spec().typeVector());
  }

  @Test
  void convTranspose1d_strideAndPaddings() {
    ConvTranspose1d c = new ConvTranspose1d(3, 2, 3, 2, 1, 1);
    check("conv_transpose1d", c, c.spec().typeVector());
  }

  @Test
  void convTranspose1d_groupsDilationWithoutBias() {
    ConvTranspose1d c = new ConvTranspose1d(4, 6, 3, 3, 2, 1, 2, 2, false);
    check("conv_transpose1d_groups_dilation", c, c.spec().typeVector());
  }

  @Test
  void convTranspose1d_defaults() {
    ConvTranspose1d c = new ConvTranspose1d(2, 3, 4);
    check("conv_transpose1d_default", c, c.spec().typeVector());
  }

  @Test
  void convTranspose3d_everyOptionPerDim() {
    ConvTranspose3d c = new ConvTranspose3d(3, 2, 3, 2, 3, 2, 1, 3, 1, 0, 2, 1, 0, 1, 1, 2, 1,
        1, true);
    check("conv_transpose3d", c, c.spec().typeVector());
  }

  @Test
  void convTranspose3d_groupsWithoutBias() {
    ConvTranspose3d c = new ConvTranspose3d(4, 6, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1,
        2, false);
    check("conv_transpose3d_groups_nobias", c, c.spec().typeVector());
  }

  @Test
  void convTranspose3d_cube() {
    ConvTranspose3d c = new ConvTranspose3d(2, 3, 3, 2, 1, 1);
    check("conv_transpose3d_cube", c, c.spec().typeVector());
  }

  @Test
  void convTranspose3d_defaults() {
    ConvTranspose3d c = new ConvTranspose3d(2, 3, 2);
    check("conv_transpose3d_default", c, c.spec().typeVector());
  }

  @Test
  void fConv3d_batchedAndUnbatched_matchTheModule() {
    Golden g = Golden.load("conv3_conv3d_cube");
    Tensor x = g.tensor("in.x");
    Tensor w = g.tensor("state.weight");
    Tensor b = g.tensor("state.bias");
    g.assertClose("out.y", F.conv3d(x, w, b, 2, 1));
    Tensor first = F.conv3d(x.select(0, 0), w, b, new long[] {2}, new long[] {1},
        new long[] {1}, 1);
    assertArrayEquals(new long[] {3, 3, 3, 3}, first.shape());
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(),
        1e-5f);
    Golden d = Golden.load("conv3_conv3d_default");
    d.assertClose("out.y", F.conv3d(d.tensor("in.x"), d.tensor("state.weight"),
        d.tensor("state.bias")));
  }

  @Test
  void fConvTranspose1d_andUnbatched_matchTheModule() {
    Golden g = Golden.load("conv3_conv_transpose1d");
    Tensor x = g.tensor("in.x");
    Tensor w = g.tensor("state.weight");
    Tensor b = g.tensor("state.bias");
    g.assertClose("out.y", F.convTranspose1d(x, w, b, 2, 1, 1, 1, 1));
    Tensor first = F.convTranspose1d(x.select(0, 0), w, b, 2, 1, 1, 1, 1);
    assertArrayEquals(new long[] {2, 12}, first.shape());
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(),
        1e-5f);
    Golden d = Golden.load("conv3_conv_transpose1d_default");
    d.assertClose("out.y", F.convTranspose1d(d.tensor("in.x"), d.tensor("state.weight"),
        d.tensor("state.bias")));
  }

  @Test
  void fConvTranspose3d_andUnbatched_matchTheModule() {
    Golden g = Golden.load("conv3_conv_transpose3d_cube");
    Tensor x = g.tensor("in.x");
    Tensor w = g.tensor("state.weight");
    Tensor b = g.tensor("state.bias");
    long[] two = {2};
    long[] one = {1};
    g.assertClose("out.y", F.convTranspose3d(x, w, b, two, one, one, 1, one));
    Tensor first = F.convTranspose3d(x.select(0, 0), w, b, two, one, one, 1, one);
    assertArrayEquals(new long[] {3, 4, 6, 4}, first.shape());
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(),
        1e-5f);
    Golden d = Golden.load("conv3_conv_transpose3d_default");
    d.assertClose("out.y", F.convTranspose3d(d.tensor("in.x"), d.tensor("state.weight"),
        d.tensor("state.bias")));
  }

  @Test
  void float64_takesLibtorchsKernel_andAgreesWithTheReferencePath() {
    Golden g = Golden.load("conv3_conv_transpose3d");
    Tensor x = g.tensor("in.x");
    Tensor w = g.tensor("state.weight");
    long[] s = {2, 1, 3};
    long[] p = {1, 0, 2};
    long[] op = {1, 0, 1};
    long[] d = {1, 2, 1};
    Tensor fast = F.convTranspose3d(x.to(DType.FLOAT64), w.to(DType.FLOAT64), null, s, p, op, 1,
        d);
    Tensor reference = F.convTranspose3d(x, w, null, s, p, op, 1, d);
    assertTrue(fast.to(DType.FLOAT32).allclose(reference, 1e-4, 1e-5));
    Golden c = Golden.load("conv3_conv3d");
    Tensor y64 = F.conv3d(c.tensor("in.x").to(DType.FLOAT64), c.tensor("state.weight")
        .to(DType.FLOAT64), null, new long[] {2, 1, 2}, new long[] {1, 0, 1},
        new long[] {1, 2, 1}, 1);
    Tensor y32 = F.conv3d(c.tensor("in.x"), c.tensor("state.weight"), null,
        new long[] {2, 1, 2}, new long[] {1, 0, 1}, new long[] {1, 2, 1}, 1);
    assertTrue(y64.to(DType.FLOAT32).allclose(y32, 1e-4, 1e-5));
  }

  @Test
  void errors_nameTheLayerAndWhatToChange() {
    IllegalArgumentException op = assertThrows(IllegalArgumentException.class,
        () -> new ConvTranspose1d(2, 3, 3, 2, 0, 2));
    assertTrue(op.getMessage().startsWith("ConvTranspose1d: the output padding (2,)"),
        op.getMessage());
    RuntimeException groups = assertThrows(RuntimeException.class,
        () -> new Conv3d(3, 4, 3, 3, 3, 1, 1, 1, 0, 0, 0, 1, 1, 1, 2, true));
    assertTrue(groups.getMessage().contains("Conv3d: groups (2)"), groups.getMessage());
    ShapeException rank = assertThrows(ShapeException.class,
        () -> new Conv3d(2, 3, 2).forward(Torch.zeros(2, 4, 4, 4)));
    assertTrue(rank.getMessage().contains("Conv3d"), rank.getMessage());
    ShapeException channels = assertThrows(ShapeException.class,
        () -> new ConvTranspose3d(2, 3, 2).forward(Torch.zeros(1, 3, 2, 2, 2)));
    assertTrue(channels.getMessage().contains("ConvTranspose3d"), channels.getMessage());
    ShapeException small = assertThrows(ShapeException.class,
        () -> F.conv3d(Torch.zeros(1, 2, 1, 4, 4), Torch.zeros(3, 2, 2, 2, 2)));
    assertTrue(small.getMessage().contains("conv3d"), small.getMessage());
  }
}
