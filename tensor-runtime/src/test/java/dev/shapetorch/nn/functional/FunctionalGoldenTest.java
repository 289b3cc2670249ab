package dev.shapetorch.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Golden;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.PadMode;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;

/**
 * The {@code F} functions that no layer test covers, against PyTorch 1.13: interpolation,
 * padding, one-hot, dropout, and the functional forms of the layers' kernels.
 */
class FunctionalGoldenTest {

  @Test
  void interpolate_nearestAndBilinear_bySizeAndByScale() {
    Golden g = Golden.load("interpolate");
    Tensor x = g.tensor("in.x");
    g.assertClose("out.nearest_size",
        F.interpolate(x, new long[] {5, 6}, InterpolationMode.NEAREST));
    g.assertClose("out.nearest_scale", F.interpolate(x, 2.0, InterpolationMode.NEAREST, false));
    g.assertClose("out.bilinear", F.interpolate(x, new long[] {5, 7}, InterpolationMode.BILINEAR));
    g.assertClose("out.bilinear_aligned",
        F.interpolate(x, new long[] {5, 7}, InterpolationMode.BILINEAR, true));
    assertThrows(IllegalArgumentException.class,
        () -> F.interpolate(x, new long[] {5, 7}, InterpolationMode.NEAREST, true));
  }

  @Test
  void pad_everyMode() {
    Golden g = Golden.load("pad");
    Tensor x = g.tensor("in.x");
    g.assertClose("out.constant", F.pad(x, new long[] {1, 2, 0, 1}, PadMode.CONSTANT, 0.5));
    g.assertClose("out.reflect", F.pad(x, new long[] {2, 1, 1, 2}, PadMode.REFLECT, 0));
    g.assertClose("out.replicate", F.pad(x, new long[] {1, 1, 2, 0}, PadMode.REPLICATE, 0));
    g.assertClose("out.circular", F.pad(x, new long[] {1, 2, 1, 0}, PadMode.CIRCULAR, 0));
    assertArrayEquals(new long[] {1, 2, 3, 6}, F.pad(x, 1, 1).shape());
  }

  @Test
  void oneHot_givenAndInferredClassCount() {
    Golden g = Golden.load("one_hot");
    Tensor idx = g.tensor("in.idx");
    Tensor y = F.oneHot(idx, 5);
    assertEquals(DType.INT64, y.dtype());
    g.assertClose("out.y", y);
    g.assertClose("out.inferred", F.oneHot(idx));
  }

  @Test
  void dropout_function_followsTheTrainingFlag() {
    Tensor x = Torch.ones(1000);
    assertArrayEquals(x.toFloatArray(), F.dropout(x, 0.9, false).toFloatArray());
    float[] y = F.dropout(x, 0.5, true).toFloatArray();
    for (float v : y) {
      assertEquals(v == 0f ? 0f : 2f, v);
    }
    assertThrows(IllegalArgumentException.class, () -> F.dropout(x, 1.5, true));
  }

  @Test
  void functionalLayers_matchTheModulesGoldenValues() {
    Golden lin = Golden.load("linear");
    lin.assertClose("out.y",
        F.linear(lin.tensor("in.x"), lin.tensor("state.weight"), lin.tensor("state.bias")));
    Golden conv = Golden.load("conv2d_square");
    conv.assertClose("out.y", F.conv2d(conv.tensor("in.x"), conv.tensor("state.weight"), null, 1, 1));
    Golden conv1 = Golden.load("conv1d");
    conv1.assertClose("out.y", F.conv1d(conv1.tensor("in.x"), conv1.tensor("state.weight"),
        conv1.tensor("state.bias"), 2, 1, 1, 1));
    Golden pool = Golden.load("max_pool2d");
    pool.assertClose("out.y", F.maxPool2d(pool.tensor("in.x"), 3, 2, 1));
    Golden avg = Golden.load("avg_pool2d");
    avg.assertClose("out.y", F.avgPool2d(avg.tensor("in.x"), 2));
    Golden pool1 = Golden.load("max_pool1d");
    pool1.assertClose("out.y", F.maxPool1d(pool1.tensor("in.x"), 3, 2, 1, 1, false));
    Golden emb = Golden.load("embedding");
    emb.assertClose("out.y", F.embedding(emb.tensor("in.idx"), emb.tensor("state.weight")));
    Golden ln = Golden.load("layer_norm");
    ln.assertClose("out.y", F.layerNorm(ln.tensor("in.x"), new long[] {4},
        ln.tensor("state.weight"), ln.tensor("state.bias"), 1e-5));
  }

  @Test
  void convTranspose2d_matchesTheModulesGoldenValues_batchedAndUnbatched() {
    Golden g = Golden.load("conv_transpose2d");
    Tensor x = g.tensor("in.x");
    Tensor w = g.tensor("state.weight");
    Tensor b = g.tensor("state.bias");
    long[] two = {2, 2};
    long[] one = {1, 1};
    Tensor y = F.convTranspose2d(x, w, b, two, one, one, 1, one);
    assertArrayEquals(new long[] {2, 2, 8, 10}, y.shape());
    g.assertClose("out.y", y);
    Tensor first = F.convTranspose2d(x.select(0, 0), w, b, two, one, one, 1, one);
    assertArrayEquals(new long[] {2, 8, 10}, first.shape());
    assertArrayEquals(g.tensor("out.y").select(0, 0).toFloatArray(), first.toFloatArray(), 1e-5f);
  }

  @Test
  void batchNorm_function_inEvaluationMode_usesTheGivenStatistics() {
    Tensor x = Torch.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor mean = Torch.fromArray(new float[] {1, 2}, 2);
    Tensor var = Torch.fromArray(new float[] {4, 1}, 2);
    float[] y = F.batchNorm(x, mean, var, null, null, false, 0.1, 0.0).toFloatArray();
    assertArrayEquals(new float[] {0, 0, 1, 2}, y, 1e-6f);
  }
}
