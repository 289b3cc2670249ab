package dev.shapetorch.nn.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.fold.Fold;
import dev.shapetorch.nn.fold.Unfold;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BatchNorm3d, InstanceNorm1d/2d/3d, LocalResponseNorm, Unfold and Fold (and their functional
 * forms) against PyTorch 1.13 (fixture {@code golden/nn/norm_fold.json}, from {@code
 * src/test/python/nn_norm_fold_golden.py}): repr, output, the input's gradient and, for affine
 * layers, the weight's and bias's, in training and evaluation mode, after a training step that
 * updates tracked running statistics (compared too), batched and unbatched; unfold and fold with
 * padding, stride and dilation.
 */
class NormFoldGoldenTest {
  private static final double TOL = 1e-10;

  static List<JsonObject> cases(String kind) throws IOException {
    try (InputStream in =
        NormFoldGoldenTest.class.getResourceAsStream("/golden/nn/norm_fold.json")) {
      assertNotNull(in, "missing fixture golden/nn/norm_fold.json");
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("cases")) {
        if (e.getAsJsonObject().get("kind").getAsString().equals(kind)) {
          out.add(e.getAsJsonObject());
        }
      }
      return out;
    }
  }

  static List<JsonObject> normCases() throws IOException {
    return cases("norm");
  }

  static List<JsonObject> lrnCases() throws IOException {
    return cases("lrn");
  }

  static List<JsonObject> unfoldCases() throws IOException {
    return cases("unfold");
  }

  static List<JsonObject> foldCases() throws IOException {
    return cases("fold");
  }

  private static long[] longs(JsonObject c, String key) {
    JsonArray a = c.getAsJsonArray(key);
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsLong();
    }
    return out;
  }

  private static double[] doubles(JsonObject c, String key) {
    JsonArray a = c.getAsJsonArray(key);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsDouble();
    }
    return out;
  }

  private static Tensor input(JsonObject c, String key) {
    return Torch.fromArray(doubles(c, key), longs(c, "input_shape"));
  }

  /** Runs the case's forward and backward and checks the output and the input's gradient. */
  private static Tensor check(JsonObject c, UnaryModule layer,
      java.util.function.UnaryOperator<Tensor> functional) {
    String label = c.get("repr").getAsString();
    assertEquals(label, layer.toString());
    Tensor x = input(c, "input").requiresGrad_(true);
    Tensor y = layer.forward(x);
    assertArrayEquals(longs(c, "output_shape"), y.shape(), label);
    assertArrayEquals(doubles(c, "output"), y.toDoubleArray(), TOL, label);
    if (functional != null) {
      assertArrayEquals(doubles(c, "output"), functional.apply(input(c, "input")).toDoubleArray(),
          TOL, label + " (functional)");
    }
    Tensor w = Torch.fromArray(doubles(c, "w"), y.shape());
    y.mul(w).sum().backward();
    assertArrayEquals(doubles(c, "grad"), x.grad().toDoubleArray(), TOL, label + " grad");
    return y;
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("normCases")
  void normLayers_computeDifferentiateAndTrackAsPyTorch(JsonObject c) {
    String name = c.get("layer").getAsString();
    long n = c.get("num_features").getAsLong();
    double eps = c.get("eps").getAsDouble();
    double momentum = c.get("momentum").getAsDouble();
    boolean affine = c.get("affine").getAsBoolean();
    boolean track = c.get("track").getAsBoolean();
    UnaryModule layer = switch (name) {
      case "BatchNorm3d" -> new BatchNorm3d(n, eps, momentum, affine, track);
      case "InstanceNorm1d" -> new InstanceNorm1d(n, eps, momentum, affine, track);
      case "InstanceNorm2d" -> new InstanceNorm2d(n, eps, momentum, affine, track);
      case "InstanceNorm3d" -> new InstanceNorm3d(n, eps, momentum, affine, track);
      default -> throw new AssertionError(name);
    };
    layer.to(DType.FLOAT64);
    String label = c.get("repr").getAsString();
    if (affine) {
      try (var ng = Torch.noGrad()) {
        layer.namedParameters().get("weight").get()
            .copy_(Torch.fromArray(doubles(c, "weight"), n));
        layer.namedParameters().get("bias").get().copy_(Torch.fromArray(doubles(c, "bias"), n));
      }
    } else {
      assertNull(layer.namedParameters().get("weight"), label);
    }
    if (c.has("step_input")) {
      layer.train();
      layer.forward(input(c, "step_input"));
    }
    layer.train(c.get("train").getAsBoolean());
    check(c, layer, null);
    if (affine) {
      assertArrayEquals(doubles(c, "weight_grad"),
          layer.namedParameters().get("weight").grad().toDoubleArray(), TOL, label + " dw");
      assertArrayEquals(doubles(c, "bias_grad"),
          layer.namedParameters().get("bias").grad().toDoubleArray(), TOL, label + " db");
    }
    if (track) {
      assertArrayEquals(doubles(c, "running_mean"),
          layer.namedBuffers().get("running_mean").get().toDoubleArray(), TOL, label + " mean");
      assertArrayEquals(doubles(c, "running_var"),
          layer.namedBuffers().get("running_var").get().toDoubleArray(), TOL, label + " var");
    } else {
      assertNull(layer.namedBuffers().get("running_mean"), label);
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("lrnCases")
  void localResponseNorm_computesAndDifferentiatesAsPyTorch(JsonObject c) {
    long size = c.get("size").getAsLong();
    double alpha = c.get("alpha").getAsDouble();
    double beta = c.get("beta").getAsDouble();
    double k = c.get("k").getAsDouble();
    check(c, new LocalResponseNorm(size, alpha, beta, k),
        x -> F.localResponseNorm(x, size, alpha, beta, k));
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("unfoldCases")
  void unfold_computesAndDifferentiatesAsPyTorch(JsonObject c) {
    long[] k = longs(c, "kernel_size");
    long[] d = longs(c, "dilation");
    long[] p = longs(c, "padding");
    long[] s = longs(c, "stride");
    check(c, new Unfold(k, d, p, s), x -> F.unfold(x, k, d, p, s));
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("foldCases")
  void fold_computesAndDifferentiatesAsPyTorch(JsonObject c) {
    long[] o = longs(c, "output_size");
    long[] k = longs(c, "kernel_size");
    long[] d = longs(c, "dilation");
    long[] p = longs(c, "padding");
    long[] s = longs(c, "stride");
    check(c, new Fold(o, k, d, p, s), x -> F.fold(x, o, k, d, p, s));
  }
}
