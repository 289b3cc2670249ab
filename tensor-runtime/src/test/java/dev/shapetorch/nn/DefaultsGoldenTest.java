package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.BCELoss;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.nn.normalization.BatchNorm;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.nn.recurrent.RecurrentOptions;
import dev.shapetorch.nn.recurrent.RecurrentSpec;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every default argument of the PyTorch classes and functions ShapeTorch maps is ShapeTorch's
 * default too, or a known gap with its reason. The defaults are PyTorch 1.13's, read with {@code
 * inspect.signature} into {@code golden/defaults/pytorch_defaults.json} by {@code
 * src/test/python/defaults_golden.py}. A module's default is read from its {@code spec()} or
 * getters after construction with PyTorch's required arguments only; a function's (and a
 * loss's) by calling it with the required arguments only and comparing with the call that spells
 * out PyTorch's defaults. A keyword that is neither checked nor listed as a gap fails the test,
 * so a PyTorch default cannot be skipped silently.
 */
class DefaultsGoldenTest {
  private static final JsonObject GOLDEN = load();

  /** A check of some keywords of one PyTorch name against the golden defaults. */
  private record Check(List<String> keywords, Consumer<JsonObject> assertion) {}

  private static final Map<String, List<Check>> CHECKS = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> GAPS = new LinkedHashMap<>();

  static {
    recurrent("nn.RNN", () -> new RNN(3, 4).spec());
    recurrent("nn.GRU", () -> new GRU(3, 4).spec());
    recurrent("nn.LSTM", () -> new LSTM(3, 4).spec());
    // The options record's default instance is PyTorch's too.
    RecurrentOptions o = RecurrentOptions.defaults();
    value("nn.LSTM", "num_layers", o::numLayers);
    value("nn.LSTM", "bias", o::bias);
    value("nn.LSTM", "batch_first", o::batchFirst);
    value("nn.LSTM", "dropout", o::dropout);
    value("nn.LSTM", "bidirectional", o::bidirectional);
    check("nn.RNN", d -> {
      // nonlinearity: RNN(3, 4) computes what RNN(..., "tanh", ...) computes.
      String nonlinearity = d.get("nonlinearity").getAsString();
      Torch.manualSeed(7);
      RNN byDefault = new RNN(3, 4);
      Torch.manualSeed(7);
      RNN spelled = new RNN(3, 4, 1, nonlinearity, true, false, 0.0, false);
      Tensor x = Torch.randn(5, 2, 3);
      assertTrue(Torch.equal(byDefault.forward(x), spelled.forward(x)));
    }, "nonlinearity");
    for (String name : List.of("nn.RNN", "nn.GRU", "nn.LSTM")) {
      gap(name, "proj_size", "LSTM projections (proj_size > 0) are not implemented");
    }

    Supplier<TransformerEncoderLayer.Spec> enc = () -> new TransformerEncoderLayer(8, 2).spec();
    value("nn.TransformerEncoderLayer", "dim_feedforward", () -> enc.get().dimFeedforward());
    value("nn.TransformerEncoderLayer", "dropout", () -> enc.get().dropout());
    value("nn.TransformerEncoderLayer", "activation", () -> enc.get().activation());
    value("nn.TransformerEncoderLayer", "layer_norm_eps", () -> enc.get().layerNormEps());
    value("nn.TransformerEncoderLayer", "batch_first", () -> enc.get().batchFirst());
    value("nn.TransformerEncoderLayer", "norm_first", () -> enc.get().normFirst());

    Supplier<dev.shapetorch.nn.attention.TransformerDecoderLayer.Spec> dec =
        () -> new dev.shapetorch.nn.attention.TransformerDecoderLayer(8, 2).spec();
    value("nn.TransformerDecoderLayer", "dim_feedforward", () -> dec.get().dimFeedforward());
    value("nn.TransformerDecoderLayer", "dropout", () -> dec.get().dropout());
    value("nn.TransformerDecoderLayer", "activation", () -> dec.get().activation());
    value("nn.TransformerDecoderLayer", "layer_norm_eps", () -> dec.get().layerNormEps());
    value("nn.TransformerDecoderLayer", "batch_first", () -> dec.get().batchFirst());
    value("nn.TransformerDecoderLayer", "norm_first", () -> dec.get().normFirst());
    value("nn.TransformerEncoder", "norm",
        () -> new dev.shapetorch.nn.attention.TransformerEncoder(
            new TransformerEncoderLayer(8, 2, 4), 1).norm());
    gap("nn.TransformerEncoder", "enable_nested_tensor", "no inference fast path: the regular"
        + " path always runs (as PyTorch's whenever gradients are recorded)");
    gap("nn.TransformerEncoder", "mask_check", "no fast path whose mask could be checked");
    value("nn.TransformerDecoder", "norm",
        () -> new dev.shapetorch.nn.attention.TransformerDecoder(
            new dev.shapetorch.nn.attention.TransformerDecoderLayer(8, 2, 4), 1).norm());
    // nn.Transformer() holds 44M parameters: built once, on first use.
    dev.shapetorch.nn.attention.Transformer.Spec[] built = {null};
    Supplier<dev.shapetorch.nn.attention.Transformer.Spec> tr = () -> built[0] != null
        ? built[0] : (built[0] = new dev.shapetorch.nn.attention.Transformer().spec());
    value("nn.Transformer", "d_model", () -> tr.get().dModel());
    value("nn.Transformer", "nhead", () -> tr.get().nhead());
    value("nn.Transformer", "num_encoder_layers", () -> tr.get().numEncoderLayers());
    value("nn.Transformer", "num_decoder_layers", () -> tr.get().numDecoderLayers());
    value("nn.Transformer", "dim_feedforward", () -> tr.get().dimFeedforward());
    value("nn.Transformer", "dropout", () -> tr.get().dropout());
    value("nn.Transformer", "activation", () -> tr.get().activation());
    value("nn.Transformer", "layer_norm_eps", () -> tr.get().layerNormEps());
    value("nn.Transformer", "batch_first", () -> tr.get().batchFirst());
    value("nn.Transformer", "norm_first", () -> tr.get().normFirst());
    gap("nn.Transformer", "custom_encoder", "not implemented: the encoder is always built");
    gap("nn.Transformer", "custom_decoder", "not implemented: the decoder is always built");

    Supplier<MultiheadAttention.Spec> mha = () -> new MultiheadAttention(8, 2).spec();
    value("nn.MultiheadAttention", "dropout", () -> mha.get().dropout());
    value("nn.MultiheadAttention", "batch_first", () -> mha.get().batchFirst());
    gap("nn.MultiheadAttention", "bias", "the projections always have biases (bias=False is not"
        + " implemented)");
    gap("nn.MultiheadAttention", "add_bias_kv", "not implemented");
    gap("nn.MultiheadAttention", "add_zero_attn", "not implemented");
    gap("nn.MultiheadAttention", "kdim", "key and value sizes other than embedDim are not"
        + " implemented");
    gap("nn.MultiheadAttention", "vdim", "key and value sizes other than embedDim are not"
        + " implemented");

    value("nn.Linear", "bias", () -> new Linear(3, 4).spec().bias());
    value("nn.Bilinear", "bias", () -> new Bilinear(3, 4, 5).spec().bias());

    Supplier<Conv1d.Spec> c1 = () -> new Conv1d(2, 3, 3).spec();
    value("nn.Conv1d", "stride", () -> c1.get().stride());
    value("nn.Conv1d", "padding", () -> c1.get().padding());
    value("nn.Conv1d", "dilation", () -> c1.get().dilation());
    value("nn.Conv1d", "groups", () -> c1.get().groups());
    value("nn.Conv1d", "bias", () -> c1.get().bias());
    Supplier<Conv2d.Spec> c2 = () -> new Conv2d(2, 3, 3).spec();
    value("nn.Conv2d", "stride", () -> same(c2.get().strideH(), c2.get().strideW()));
    value("nn.Conv2d", "padding", () -> same(c2.get().paddingH(), c2.get().paddingW()));
    value("nn.Conv2d", "dilation", () -> same(c2.get().dilationH(), c2.get().dilationW()));
    value("nn.Conv2d", "groups", () -> c2.get().groups());
    value("nn.Conv2d", "bias", () -> c2.get().bias());
    Supplier<ConvTranspose2d.Spec> ct = () -> new ConvTranspose2d(2, 3, 3).spec();
    value("nn.ConvTranspose2d", "stride", () -> same(ct.get().strideH(), ct.get().strideW()));
    value("nn.ConvTranspose2d", "padding", () -> same(ct.get().paddingH(), ct.get().paddingW()));
    value("nn.ConvTranspose2d", "output_padding",
        () -> same(ct.get().outputPaddingH(), ct.get().outputPaddingW()));
    value("nn.ConvTranspose2d", "dilation",
        () -> same(ct.get().dilationH(), ct.get().dilationW()));
    value("nn.ConvTranspose2d", "groups", () -> ct.get().groups());
    value("nn.ConvTranspose2d", "bias", () -> ct.get().bias());
    for (String name : List.of("nn.Conv1d", "nn.Conv2d", "nn.ConvTranspose2d")) {
      gap(name, "padding_mode", "only zero padding is implemented (F.pad pads otherwise)");
    }

    Supplier<MaxPool1d.Spec> mp1 = () -> new MaxPool1d(3).spec();
    value("nn.MaxPool1d", "stride", () -> strideOrNone(mp1.get().stride(), 3));
    value("nn.MaxPool1d", "padding", () -> mp1.get().padding());
    value("nn.MaxPool1d", "dilation", () -> mp1.get().dilation());
    value("nn.MaxPool1d", "ceil_mode", () -> mp1.get().ceilMode());
    Supplier<MaxPool2d.Spec> mp2 = () -> new MaxPool2d(3).spec();
    value("nn.MaxPool2d", "stride",
        () -> strideOrNone(same(mp2.get().strideH(), mp2.get().strideW()), 3));
    value("nn.MaxPool2d", "padding", () -> same(mp2.get().paddingH(), mp2.get().paddingW()));
    value("nn.MaxPool2d", "dilation", () -> same(mp2.get().dilationH(), mp2.get().dilationW()));
    value("nn.MaxPool2d", "ceil_mode", () -> mp2.get().ceilMode());
    for (String name : List.of("nn.MaxPool1d", "nn.MaxPool2d", "F.max_pool1d")) {
      gap(name, "return_indices", "the indices come from a separate op (maxPool2dWithIndices),"
          + " not a flag that changes the result's type");
    }
    gap("F.max_pool2d", "return_indices", "the indices come from F.maxPool2dWithIndices, not a"
        + " flag that changes the result's type");
    Supplier<AvgPool2d.Spec> ap = () -> new AvgPool2d(3).spec();
    value("nn.AvgPool2d", "stride",
        () -> strideOrNone(same(ap.get().strideH(), ap.get().strideW()), 3));
    value("nn.AvgPool2d", "padding", () -> same(ap.get().paddingH(), ap.get().paddingW()));
    value("nn.AvgPool2d", "ceil_mode", () -> ap.get().ceilMode());
    value("nn.AvgPool2d", "count_include_pad", () -> ap.get().countIncludePad());
    gap("nn.AvgPool2d", "divisor_override", "the module has no divisorOverride (Torch.avgPool2d"
        + " and F.avgPool2d with every parameter have it)");

    value("nn.Embedding", "padding_idx", () -> {
      var idx = new Embedding(5, 3).spec().paddingIdx();
      return idx.isPresent() ? idx.getAsLong() : null;
    });
    gap("nn.Embedding", "max_norm", "not implemented");
    gap("nn.Embedding", "norm_type", "not implemented (goes with max_norm)");
    gap("nn.Embedding", "scale_grad_by_freq", "not implemented");
    gap("nn.Embedding", "sparse", "sparse gradients are not implemented");

    value("nn.LayerNorm", "eps", () -> new LayerNorm(4).spec().eps());
    value("nn.LayerNorm", "elementwise_affine", () -> new LayerNorm(4).spec().elementwiseAffine());
    value("nn.GroupNorm", "eps", () -> new GroupNorm(2, 4).spec().eps());
    value("nn.GroupNorm", "affine", () -> new GroupNorm(2, 4).spec().affine());
    batchNorm("nn.BatchNorm1d", () -> new BatchNorm1d(4).spec());
    batchNorm("nn.BatchNorm2d", () -> new BatchNorm2d(4).spec());

    value("nn.Dropout", "p", () -> new Dropout().p());
    gap("nn.Dropout", "inplace", "modules never overwrite their input; F.dropout_ is the"
        + " in-place form");
    check("nn.Flatten", d -> {
      Tensor x = Torch.zeros(2, 3, 4, 5);
      Tensor spelled = Torch.flatten(x, d.get("start_dim").getAsInt(),
          d.get("end_dim").getAsInt());
      assertEquals(Arrays.toString(spelled.shape()),
          Arrays.toString(new Flatten().forward(x).shape()));
    }, "start_dim", "end_dim");

    lossCase("nn.CrossEntropyLoss", CrossEntropyLoss::new, CrossEntropyLoss::reduction,
        d -> new CrossEntropyLoss(null,
        d.get("ignore_index").getAsLong(), reduction(d), d.get("label_smoothing").getAsDouble()),
        true, "weight", "ignore_index", "label_smoothing");
    lossCase("nn.NLLLoss", NLLLoss::new, NLLLoss::reduction, d -> new NLLLoss(null,
        d.get("ignore_index").getAsLong(), reduction(d)), true, "weight", "ignore_index");
    lossCase("nn.MSELoss", MSELoss::new, MSELoss::reduction, d -> new MSELoss(reduction(d)), false);
    lossCase("nn.L1Loss", L1Loss::new, L1Loss::reduction, d -> new L1Loss(reduction(d)), false);
    lossCase("nn.HuberLoss", HuberLoss::new, HuberLoss::reduction,
        d -> new HuberLoss(reduction(d), d.get("delta").getAsDouble()), false, "delta");
    lossCase("nn.SmoothL1Loss", SmoothL1Loss::new, SmoothL1Loss::reduction,
        d -> new SmoothL1Loss(reduction(d), d.get("beta").getAsDouble()), false, "beta");
    lossCase("nn.KLDivLoss", KLDivLoss::new, KLDivLoss::reduction,
        d -> new KLDivLoss(reduction(d), d.get("log_target").getAsBoolean()), false,
        "log_target");
    lossCase("nn.BCELoss", BCELoss::new, BCELoss::reduction,
        d -> new BCELoss(null, reduction(d)), false, "weight");
    lossCase("nn.BCEWithLogitsLoss", BCEWithLogitsLoss::new, BCEWithLogitsLoss::reduction,
        d -> new BCEWithLogitsLoss(null, reduction(d), null), false, "weight", "pos_weight");

    functions();
  }

  private static void functions() {
    check("F.linear", d -> {
      assertTrue(d.get("bias").isJsonNull());
      Tensor x = randn(2, 3);
      Tensor w = randn(4, 3);
      assertTrue(Torch.equal(F.linear(x, w), Torch.linear(x, w, null)));
    }, "bias");
    check("F.conv1d", d -> {
      assertTrue(d.get("bias").isJsonNull());
      Tensor x = randn(1, 2, 9);
      Tensor w = randn(3, 2, 3);
      assertTrue(Torch.equal(F.conv1d(x, w), Torch.conv1d(x, w, null, l(d, "stride"),
          l(d, "padding"), l(d, "dilation"), l(d, "groups"))));
    }, "bias", "stride", "padding", "dilation", "groups");
    check("F.conv2d", d -> {
      assertTrue(d.get("bias").isJsonNull());
      Tensor x = randn(1, 2, 7, 7);
      Tensor w = randn(3, 2, 3, 3);
      assertTrue(Torch.equal(F.conv2d(x, w), Torch.conv2d(x, w, null, pair(d, "stride"),
          pair(d, "padding"), pair(d, "dilation"), l(d, "groups"))));
    }, "bias", "stride", "padding", "dilation", "groups");
    check("F.conv_transpose2d", d -> {
      assertTrue(d.get("bias").isJsonNull());
      Tensor x = randn(1, 2, 5, 5);
      Tensor w = randn(2, 3, 3, 3);
      assertTrue(Torch.equal(F.convTranspose2d(x, w), Torch.convTranspose2d(x, w, null,
          pair(d, "stride"), pair(d, "padding"), pair(d, "output_padding"), l(d, "groups"),
          pair(d, "dilation"))));
    }, "bias", "stride", "padding", "output_padding", "groups", "dilation");
    check("F.max_pool1d", d -> {
      assertTrue(d.get("stride").isJsonNull()); // None: the kernel size
      Tensor x = randn(1, 2, 9);
      assertTrue(Torch.equal(F.maxPool1d(x, 3), Torch.maxPool1d(x, new long[] {3},
          new long[] {3}, new long[] {l(d, "padding")}, new long[] {l(d, "dilation")},
          d.get("ceil_mode").getAsBoolean())));
    }, "stride", "padding", "dilation", "ceil_mode");
    check("F.max_pool2d", d -> {
      assertTrue(d.get("stride").isJsonNull());
      Tensor x = randn(1, 2, 7, 7);
      long[] k = {3, 3};
      assertTrue(Torch.equal(F.maxPool2d(x, 3), Torch.maxPool2d(x, k, k, pair(d, "padding"),
          pair(d, "dilation"), d.get("ceil_mode").getAsBoolean())));
    }, "stride", "padding", "dilation", "ceil_mode");
    check("F.avg_pool2d", d -> {
      assertTrue(d.get("stride").isJsonNull());
      assertTrue(d.get("divisor_override").isJsonNull());
      Tensor x = randn(1, 2, 7, 7);
      long[] k = {3, 3};
      assertTrue(Torch.equal(F.avgPool2d(x, 3), Torch.avgPool2d(x, k, k, pair(d, "padding"),
          d.get("ceil_mode").getAsBoolean(), d.get("count_include_pad").getAsBoolean(), 0)));
    }, "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override");
    check("torch.flatten", d -> {
      Tensor x = Torch.zeros(2, 3, 4);
      long[] spelled = Torch.flatten(x, d.get("start_dim").getAsInt(),
          d.get("end_dim").getAsInt()).shape();
      assertEquals(Arrays.toString(spelled), Arrays.toString(Torch.flatten(x).shape()));
      // flatten(x, start_dim): end_dim's default alone.
      assertEquals(Arrays.toString(Torch.flatten(x, 1, d.get("end_dim").getAsInt()).shape()),
          Arrays.toString(Torch.flatten(x, 1).shape()));
    }, "start_dim", "end_dim");
    check("Tensor.flatten", d -> {
      Tensor x = Torch.zeros(2, 3, 4);
      assertEquals(Arrays.toString(x.flatten(d.get("start_dim").getAsInt(),
          d.get("end_dim").getAsInt()).shape()), Arrays.toString(x.flatten().shape()));
      assertEquals(Arrays.toString(x.flatten(1, d.get("end_dim").getAsInt()).shape()),
          Arrays.toString(x.flatten(1).shape()));
    }, "start_dim", "end_dim");
  }

  static Stream<String> pytorchNames() {
    return GOLDEN.getAsJsonObject("defaults").keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pytorchNames")
  void everyDefault_isShapeTorchsOrAKnownGap(String name) {
    JsonObject defaults = GOLDEN.getAsJsonObject("defaults").getAsJsonObject(name);
    List<Check> checks = CHECKS.getOrDefault(name, List.of());
    Map<String, String> gaps = GAPS.getOrDefault(name, Map.of());
    Set<String> covered = new LinkedHashSet<>(gaps.keySet());
    for (Check c : checks) {
      covered.addAll(c.keywords());
    }
    List<String> unchecked = new ArrayList<>();
    for (String keyword : defaults.keySet()) {
      if (!covered.contains(keyword)) {
        unchecked.add(keyword);
      }
    }
    assertTrue(unchecked.isEmpty(), name + ": PyTorch defaults neither checked nor listed as a"
        + " known gap: " + unchecked + "; add a check or a gap with its reason");
    Set<String> stale = new LinkedHashSet<>(covered);
    stale.removeAll(defaults.keySet());
    assertTrue(stale.isEmpty(), name + ": checks or gaps for keywords PyTorch 1.13 does not"
        + " have: " + stale);
    for (Check c : checks) {
      c.assertion().accept(defaults);
    }
  }

  @Test
  void everyCheckedName_isInTheFixture() {
    Set<String> names = new LinkedHashSet<>(CHECKS.keySet());
    names.addAll(GAPS.keySet());
    names.removeAll(GOLDEN.getAsJsonObject("defaults").keySet());
    assertTrue(names.isEmpty(), "names checked here but absent from pytorch_defaults.json: "
        + names + "; add them to defaults_golden.py's TARGETS and rerun it");
  }

  @Test
  void fixture_isPyTorch113() {
    assertTrue(GOLDEN.get("torch").getAsString().startsWith("1.13"),
        "pytorch_defaults.json was written by torch " + GOLDEN.get("torch"));
  }

  // --- helpers ---

  private static void recurrent(String name, Supplier<RecurrentSpec> spec) {
    value(name, "num_layers", () -> spec.get().numLayers());
    value(name, "bias", () -> spec.get().bias());
    value(name, "batch_first", () -> spec.get().batchFirst());
    value(name, "dropout", () -> spec.get().dropout());
    value(name, "bidirectional", () -> spec.get().bidirectional());
  }

  private static void batchNorm(String name, Supplier<BatchNorm.Spec> spec) {
    value(name, "eps", () -> spec.get().eps());
    value(name, "momentum", () -> spec.get().momentum());
    value(name, "affine", () -> spec.get().affine());
    value(name, "track_running_stats", () -> spec.get().trackRunningStats());
  }

  /**
   * A loss: its reduction from the getter, its other keywords by comparing the default-built
   * loss with the one built from PyTorch's defaults (a weight of None is null here).
   */
  private static <L extends Loss> void lossCase(String name, Supplier<L> byDefault,
      Function<L, Reduction> reductionOf, Function<JsonObject, Loss> spelled, boolean classes,
      String... keywords) {
    value(name, "reduction",
        () -> reductionOf.apply(byDefault.get()).name().toLowerCase(Locale.ROOT));
    if (keywords.length == 0) {
      return;
    }
    check(name, d -> {
      for (String k : List.of("weight", "pos_weight")) {
        if (d.has(k)) {
          assertTrue(d.get(k).isJsonNull(), name + "." + k);
        }
      }
      Tensor input;
      Tensor target;
      if (classes) {
        input = randn(4, 3);
        target = Torch.fromArray(new long[] {0, 2, 1, 2}, 4);
        if (name.equals("nn.NLLLoss")) {
          input = F.logSoftmax(input, 1);
        }
      } else if (name.equals("nn.BCELoss")) {
        input = Torch.sigmoid(randn(4, 3));
        target = Torch.sigmoid(randn(4, 3));
      } else if (name.equals("nn.KLDivLoss")) {
        input = F.logSoftmax(randn(4, 3), 1);
        target = F.softmax(randn(4, 3), 1);
      } else {
        input = randn(4, 3).mul(3.0);
        target = randn(4, 3);
      }
      assertTrue(Torch.equal(byDefault.get().forward(input, target),
          spelled.apply(d).forward(input, target)), name);
    }, keywords);
  }

  private static Reduction reduction(JsonObject d) {
    return Reduction.valueOf(d.get("reduction").getAsString().toUpperCase(Locale.ROOT));
  }

  private static void value(String name, String keyword, Supplier<Object> actual) {
    check(name, d -> assertSameDefault(name + "." + keyword, d.get(keyword), actual.get()),
        keyword);
  }

  private static void check(String name, Consumer<JsonObject> assertion, String... keywords) {
    CHECKS.computeIfAbsent(name, k -> new ArrayList<>())
        .add(new Check(List.of(keywords), assertion));
  }

  private static void gap(String name, String keyword, String reason) {
    GAPS.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(keyword, reason);
  }

  private static void assertSameDefault(String what, JsonElement pytorch, Object shapetorch) {
    assertNotNull(pytorch, what + " is not in the fixture");
    if (pytorch.isJsonNull()) {
      assertEquals(null, shapetorch, what + ": PyTorch's default is None");
    } else if (pytorch.getAsJsonPrimitive().isBoolean()) {
      assertEquals(pytorch.getAsBoolean(), shapetorch, what);
    } else if (pytorch.getAsJsonPrimitive().isNumber()) {
      if (!(shapetorch instanceof Number n)) {
        fail(what + ": PyTorch's default is " + pytorch + ", ShapeTorch's " + shapetorch);
        return;
      }
      assertEquals(pytorch.getAsDouble(), n.doubleValue(), 0.0, what);
    } else {
      assertEquals(pytorch.getAsString(), shapetorch, what);
    }
  }

  /** The common value of a 2-D hyperparameter, or a mismatch that no default equals. */
  private static Object same(long h, long w) {
    return h == w ? (Object) h : "(" + h + ", " + w + ")";
  }

  /** PyTorch's {@code stride=None} means the kernel size: null when it is. */
  private static Object strideOrNone(Object stride, long kernel) {
    return stride instanceof Long s && s == kernel ? null : stride;
  }

  private static long l(JsonObject d, String k) {
    return d.get(k).getAsLong();
  }

  private static long[] pair(JsonObject d, String k) {
    return new long[] {l(d, k), l(d, k)};
  }

  private static Tensor randn(long... shape) {
    Torch.manualSeed(13);
    return Torch.randn(shape);
  }

  private static JsonObject load() {
    String path = "/golden/defaults/pytorch_defaults.json";
    try (InputStream in = DefaultsGoldenTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing; run defaults_golden.py");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
