package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerDecoder;
import dev.shapetorch.nn.attention.TransformerDecoderLayer;
import dev.shapetorch.nn.attention.TransformerEncoder;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * TransformerDecoderLayer, TransformerEncoder, TransformerDecoder and Transformer against
 * PyTorch 1.13 (golden/nn/transformer_*.txt from nn_transformer_golden.py): outputs in eval
 * mode, with and without masks, pre- and post-norm, both layouts, the gradients of the
 * sequences and of every parameter; the state-dict keys, shapes and parameter counts of
 * PyTorch's defaults; the stacks' copies; the errors for bad inputs.
 */
class TransformerStackTest {
  private static final double ATOL = 1e-4;
  private static final double RTOL = 1e-3;

  @Test
  void decoderLayer_postNormReluSequenceFirst_withEveryMask() {
    TransformerDecoderLayer m = new TransformerDecoderLayer(4, 2, 8);
    decoder("decoder_layer_masks", m, 3, (x) -> m.forward(x[0], x[1], x[2], x[3], x[4], x[5]));
  }

  @Test
  void decoderLayer_preNormGeluBatchFirst() {
    TransformerDecoderLayer m =
        new TransformerDecoderLayer(6, 3, 10, 0.0, "gelu", 1e-5, true, true);
    decoder("decoder_layer_norm_first", m, 2, (x) -> m.forward(x[0], x[1]));
  }

  @Test
  void decoder_preNormBatchFirstWithNorm_withEveryMask() {
    TransformerDecoder m = new TransformerDecoder(
        new TransformerDecoderLayer(4, 2, 8, 0.1, "relu", 1e-5, true, true), 2, new LayerNorm(4));
    decoder("decoder_masks", m, 3, (x) -> m.forward(x[0], x[1], x[2], x[3], x[4], x[5]));
  }

  @Test
  void decoder_postNormSequenceFirst() {
    TransformerDecoder m = new TransformerDecoder(new TransformerDecoderLayer(4, 2, 8, 0.0), 2);
    decoder("decoder_post_norm", m, 2, (x) -> m.forward(x[0], x[1]));
    assertNull(m.norm());
    assertEquals(2, m.numLayers());
  }

  @Test
  void encoder_postNormSequenceFirstWithNorm_withMasks() {
    TransformerEncoder m =
        new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 2, new LayerNorm(4));
    Golden g = load("encoder_masks", m);
    Tensor src = g.leaf("in.src");
    Tensor y = m.forward(src, g.tensor("in.src_mask"), bool(g, "in.src_key_padding_mask"));
    check(g, m, y, List.of("src"), List.of(src));
  }

  @Test
  void encoder_preNormGeluBatchFirst() {
    TransformerEncoder m = new TransformerEncoder(
        new TransformerEncoderLayer(6, 2, 12, 0.0, "gelu", 1e-5, true, true), 3);
    Golden g = load("encoder_norm_first", m);
    Tensor src = g.leaf("in.src");
    check(g, m, m.forward(src), List.of("src"), List.of(src));
  }

  @Test
  void transformer_postNormSequenceFirst_withEveryMask() {
    Transformer m = new Transformer(8, 2, 2, 1, 16);
    Golden g = load("transformer_masks", m);
    Tensor src = g.leaf("in.src");
    Tensor tgt = g.leaf("in.tgt");
    Tensor y = m.forward(src, tgt, bool(g, "in.src_mask"),
        Transformer.generateSquareSubsequentMask(4), g.tensor("in.memory_mask"),
        bool(g, "in.src_key_padding_mask"), bool(g, "in.tgt_key_padding_mask"),
        bool(g, "in.memory_key_padding_mask"));
    check(g, m, y, List.of("src", "tgt"), List.of(src, tgt));
  }

  @Test
  void transformer_preNormGeluBatchFirst() {
    Transformer m = new Transformer(4, 2, 1, 2, 6, 0.0, "gelu", 1e-5, true, true);
    Golden g = load("transformer_norm_first", m);
    Tensor src = g.leaf("in.src");
    Tensor tgt = g.leaf("in.tgt");
    check(g, m, m.forward(src, tgt), List.of("src", "tgt"), List.of(src, tgt));
  }

  /** Loads the weights, in eval mode (dropout off), as the script ran PyTorch's module. */
  private static Golden load(String fixture, Module m) {
    Golden g = Golden.load("transformer_" + fixture);
    g.loadInto(m);
    m.eval();
    return g;
  }

  private static Tensor bool(Golden g, String key) {
    return g.tensor(key).to(DType.BOOL);
  }

  /** tgt, memory, then (when masks is 3) causal tgt mask, memory mask and padding masks. */
  private static void decoder(String fixture, Module m, int masks,
      Function<Tensor[], Tensor> forward) {
    Golden g = load(fixture, m);
    Tensor tgt = g.leaf("in.tgt");
    Tensor memory = g.leaf("in.memory");
    Tensor[] x = {tgt, memory, null, null, null, null};
    if (masks > 2) {
      x[2] = Transformer.generateSquareSubsequentMask(tgt.size(m instanceof TransformerDecoder
          && ((TransformerDecoder) m).spec().batchFirst() ? 1 : 0));
      x[3] = bool(g, "in.memory_mask");
      x[4] = bool(g, "in.tgt_key_padding_mask");
      x[5] = bool(g, "in.memory_key_padding_mask");
    }
    check(g, m, forward.apply(x), List.of("tgt", "memory"), List.of(tgt, memory));
  }

  /** Output, then the gradients of {@code (y * g).sum()}: inputs and every parameter. */
  private static void check(Golden g, Module m, Tensor y, List<String> names,
      List<Tensor> inputs) {
    g.assertClose("out.y", y, ATOL, RTOL);
    y.mul(g.tensor("in.g")).sum().backward();
    for (int i = 0; i < names.size(); i++) {
      g.assertClose("grad." + names.get(i), inputs.get(i).grad(), ATOL, RTOL);
    }
    int checked = 0;
    for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
      g.assertClose("pgrad." + e.getKey(), e.getValue().grad(), ATOL, RTOL);
      checked++;
    }
    assertEquals(g.state().size(), checked, "every parameter is in PyTorch's state dict");
  }

  /** module -> key -> shape ("#params" -> count), from golden/nn/transformer_keys.txt. */
  private static Map<String, Map<String, String>> pytorchKeys() throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (InputStream in =
        TransformerStackTest.class.getResourceAsStream("/golden/nn/transformer_keys.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
      }
    }
    return out;
  }

  private static Map<String, String> keysOf(Module m) {
    Map<String, String> out = new LinkedHashMap<>();
    long count = 0;
    for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
      StringBuilder s = new StringBuilder();
      for (long d : e.getValue().shape()) {
        s.append(s.length() == 0 ? "" : ",").append(d);
      }
      out.put(e.getKey(), s.toString());
    }
    for (Parameter p : m.parameters()) {
      count += p.get().numel();
    }
    out.put("#params", Long.toString(count));
    return out;
  }

  @Test
  void pytorchDefaults_haveItsStateDictKeysShapesAndParameterCounts() throws IOException {
    Map<String, Map<String, String>> want = pytorchKeys();
    assertEquals(want.get("TransformerDecoderLayer"),
        keysOf(new TransformerDecoderLayer(512, 8)));
    assertEquals(want.get("TransformerEncoder"),
        keysOf(new TransformerEncoder(new TransformerEncoderLayer(512, 8), 6)));
    assertEquals(want.get("TransformerDecoder"),
        keysOf(new TransformerDecoder(new TransformerDecoderLayer(512, 8), 6, new LayerNorm(512))));
    Transformer t = new Transformer();
    assertEquals(want.get("Transformer"), keysOf(t));
    assertEquals(new Transformer.Spec(512, 8, 6, 6, 2048, 0.1, "relu", 1e-5, false, false),
        t.spec());
    assertEquals(new TransformerDecoderLayer.Spec(512, 8, 2048, 0.1, "relu", 1e-5, false, false),
        new TransformerDecoderLayer(512, 8).spec());
    assertTrue(keysOf(t).containsKey("encoder.layers.5.self_attn.in_proj_weight"));
    assertTrue(keysOf(t).containsKey("decoder.layers.0.multihead_attn.out_proj.weight"));
  }

  @Test
  void transformer_reinitialisesMatricesXavierUniform() {
    Torch.manualSeed(7);
    Transformer t = new Transformer(16, 4, 1, 1, 32);
    // linear1.weight [32, 16]: Linear's own init is U(-1/4, 1/4); Xavier-uniform's bound is
    // sqrt(6 / 48) = 0.354. LayerNorm weights (1-D) stay 1.
    double bound = Math.sqrt(6.0 / 48);
    for (String layer : List.of("encoder", "decoder")) {
      Tensor w = t.namedParameters().get(layer + ".layers.0.linear1.weight").get();
      assertTrue(w.abs().max().item() <= bound, layer);
      assertTrue(w.abs().max().item() > 0.3,
          layer + ": re-initialised, not Linear's U(-1/4, 1/4)");
    }
    assertEquals(1.0, t.namedParameters().get("decoder.norm.weight").get().min().item());
  }

  @Test
  void stacks_copyTheLayer_eachWithItsOwnParameters() {
    TransformerEncoderLayer layer = new TransformerEncoderLayer(4, 2, 8);
    layer.eval();
    TransformerEncoder enc = new TransformerEncoder(layer, 3);
    Map<String, Parameter> original = layer.namedParameters();
    List<Tensor> firsts = new ArrayList<>();
    for (TransformerEncoderLayer copy : enc.layers()) {
      assertNotSame(layer, copy);
      assertTrue(!copy.isTraining(), "the copy takes the layer's mode");
      for (Map.Entry<String, Parameter> e : copy.namedParameters().entrySet()) {
        Tensor mine = e.getValue().get();
        Tensor theirs = original.get(e.getKey()).get();
        assertArrayEquals(theirs.toFloatArray(), mine.toFloatArray(), 0f, e.getKey());
      }
      firsts.add(copy.namedParameters().get("linear1.weight").get());
    }
    // Changing one copy changes neither the others nor the original.
    try (var ng = Torch.noGrad()) {
      firsts.get(0).add_(1.0);
    }
    float before = original.get("linear1.weight").get().toFloatArray()[0];
    assertEquals(before, firsts.get(1).toFloatArray()[0]);
    assertNotEquals(before, firsts.get(0).toFloatArray()[0]);
    assertEquals(36, enc.namedParameters().size());

    TransformerDecoderLayer d = new TransformerDecoderLayer(4, 2, 8);
    TransformerDecoder dec = new TransformerDecoder(d, 2);
    Tensor w0 = dec.layers().get(0).namedParameters().get("multihead_attn.in_proj_weight").get();
    Tensor w1 = dec.layers().get(1).namedParameters().get("multihead_attn.in_proj_weight").get();
    assertArrayEquals(w0.toFloatArray(), w1.toFloatArray(), 0f);
    assertNotSame(w0, w1);
  }

  @Test
  void generateSquareSubsequentMask_isPyTorchs() {
    Tensor m = Transformer.generateSquareSubsequentMask(3);
    assertArrayEquals(new long[] {3, 3}, m.shape());
    assertEquals(DType.FLOAT32, m.dtype());
    float inf = Float.NEGATIVE_INFINITY;
    assertArrayEquals(new float[] {0, inf, inf, 0, 0, inf, 0, 0, 0}, m.toFloatArray());
    assertArrayEquals(new long[] {0, 0}, Transformer.generateSquareSubsequentMask(0).shape());
    assertStarts("Transformer.generateSquareSubsequentMask: sz must be non-negative, got -1",
        () -> Transformer.generateSquareSubsequentMask(-1));
  }

  @Test
  void badSequences_areRefusedUnderTheModule() {
    TransformerDecoderLayer layer = new TransformerDecoderLayer(4, 2, 8);
    TransformerDecoder dec = new TransformerDecoder(layer, 2);
    Transformer t = new Transformer(4, 2, 1, 1, 8);
    TransformerEncoder enc = new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 2);
    Tensor tgt = Torch.zeros(3, 2, 4);
    Tensor memory = Torch.zeros(5, 2, 4);
    shapeError("[shape.mismatch.argument] TransformerDecoderLayer.forward: memory [5, 2, 6]"
        + " must end in the model size D = 4", () -> layer.forward(tgt, Torch.zeros(5, 2, 6)));
    shapeError("[shape.mismatch.argument] TransformerDecoder.forward: tgt [3, 2, 4] and memory"
        + " [5, 3, 4] have different batch sizes (dim 1, as not batch first)",
        () -> dec.forward(tgt, Torch.zeros(5, 3, 4)));
    shapeError("[shape.rank] TransformerDecoder.forward: tgt must be 3-D",
        () -> dec.forward(Torch.zeros(3, 4), memory));
    shapeError("[shape.mismatch.argument] Transformer.forward: tgt [3, 2, 5] must end in the"
        + " model size D = 4", () -> t.forward(memory, Torch.zeros(3, 2, 5)));
    shapeError("[shape.mismatch.argument] Transformer.forward: src [5, 2, 4] and tgt [3, 4, 4]"
        + " have different batch sizes", () -> t.forward(memory, Torch.zeros(3, 4, 4)));
    shapeError("[shape.mismatch.argument] TransformerEncoder.forward",
        () -> enc.forward(Torch.zeros(5, 2, 3)));
    Transformer batchFirst = new Transformer(4, 2, 1, 1, 8, 0.0, "relu", 1e-5, true, false);
    shapeError("[shape.mismatch.argument] Transformer.forward: src [2, 5, 4] and tgt [3, 2, 4]"
        + " have different batch sizes (dim 0, as batch first)",
        () -> batchFirst.forward(Torch.zeros(2, 5, 4), Torch.zeros(3, 2, 4)));
    assertStarts("TransformerDecoder.forward: memory is null",
        () -> dec.forward(tgt, null));
  }

  @Test
  void badMasks_areRefusedBeforeLibtorch_namingModuleAndShapes() {
    TransformerDecoder dec = new TransformerDecoder(new TransformerDecoderLayer(4, 2, 8), 1);
    Tensor tgt = Torch.zeros(3, 2, 4);
    Tensor memory = Torch.zeros(5, 2, 4);
    String layout = ": the layer is sequence-first (tgt [T, N, D] = [3, 2, 4], memory [S, N, D]"
        + " = [5, 2, 4]); ";
    shapeError("[shape.mismatch.mask] TransformerDecoder.forward: tgtMask" + layout
        + "an attention mask is [T, T] = [3, 3] or [N*Heads, T, T] = [4, 3, 3], found [3, 5]",
        () -> dec.forward(tgt, memory, Torch.zeros(3, 5), null, null, null));
    shapeError("[shape.mismatch.mask] TransformerDecoder.forward: memoryMask" + layout
        + "an attention mask is [T, S] = [3, 5] or [N*Heads, T, S] = [4, 3, 5], found [3, 3]",
        () -> dec.forward(tgt, memory, null, Torch.zeros(3, 3), null, null));
    shapeError("[shape.mismatch.mask] TransformerDecoder.forward: tgtKeyPaddingMask" + layout
        + "a key padding mask is [N, T] = [2, 3], found [3, 2]; transpose the mask or construct"
        + " the layer with batchFirst = true", () -> dec.forward(tgt, memory, null,
            null, Torch.zeros(new long[] {3, 2}, DType.BOOL), null));
    shapeError("[shape.mismatch.mask] TransformerDecoder.forward: memoryKeyPaddingMask" + layout
        + "a key padding mask is [N, S] = [2, 5], found [2, 3]", () -> dec.forward(tgt, memory,
            null, null, null, Torch.zeros(new long[] {2, 3}, DType.BOOL)));
    assertStarts("TransformerDecoder.forward: memoryKeyPaddingMask is torch.int64; a mask is"
        + " boolean (true: padding, ignored) or floating (added to the scores)",
        () -> dec.forward(tgt, memory, null, null, null,
            Torch.zeros(new long[] {2, 5}, DType.INT64)));
    assertStarts("TransformerDecoder.forward: tgtMask is torch.int64; a mask is boolean (true:"
        + " not allowed) or floating", () -> dec.forward(tgt, memory,
            Torch.zeros(new long[] {3, 3}, DType.INT64), null, null, null));
    // A per-head mask [N*Heads, T, T] is PyTorch's other form, and is accepted.
    assertArrayEquals(new long[] {3, 2, 4}, dec.forward(tgt, memory,
        Torch.zeros(4, 3, 3), null, null, null).shape());

    TransformerEncoder enc = new TransformerEncoder(
        new TransformerEncoderLayer(4, 2, 8, 0.1, "relu", 1e-5, true, false), 1);
    Tensor src = Torch.zeros(2, 5, 4);
    String bf = ": the layer is batch-first (src [N, S, D] = [2, 5, 4]); ";
    shapeError("[shape.mismatch.mask] TransformerEncoder.forward: srcMask" + bf
        + "an attention mask is [S, S] = [5, 5]", () -> enc.forward(src, Torch.zeros(2, 2), null));
    shapeError("[shape.mismatch.mask] TransformerEncoder.forward: srcKeyPaddingMask" + bf
        + "a key padding mask is [N, S] = [2, 5], found [5, 2]; transpose the mask or construct"
        + " the layer with batchFirst = false",
        () -> enc.forward(src, null, Torch.zeros(new long[] {5, 2}, DType.BOOL)));
    shapeError("[shape.mismatch.mask] TransformerEncoderLayer.forward: srcMask" + bf
        + "an attention mask is [S, S] = [5, 5]",
        () -> enc.layers().get(0).forward(src, Torch.zeros(2, 2), null));

    Transformer t = new Transformer(4, 2, 1, 1, 8);
    Tensor s = Torch.zeros(5, 2, 4);
    String both = ": the layer is sequence-first (src [S, N, D] = [5, 2, 4], tgt [T, N, D] ="
        + " [3, 2, 4]); ";
    shapeError("[shape.mismatch.mask] Transformer.forward: memoryMask" + both
        + "an attention mask is [T, S] = [3, 5] or [N*Heads, T, S] = [4, 3, 5], found [5, 3];"
        + " transpose the mask",
        () -> t.forward(s, tgt, null, null, Torch.zeros(5, 3), null, null, null));
    shapeError("[shape.mismatch.mask] Transformer.forward: srcMask" + both
        + "an attention mask is [S, S] = [5, 5]",
        () -> t.forward(s, tgt, Torch.zeros(3, 3), null, null, null, null, null));
    shapeError("[shape.mismatch.mask] Transformer.forward: tgtMask" + both
        + "an attention mask is [T, T] = [3, 3]",
        () -> t.forward(s, tgt, null, Transformer.generateSquareSubsequentMask(5), null, null,
            null, null));
  }

  @Test
  void badHyperparameters_areRefusedUnderTheModule() {
    assertStarts("TransformerDecoderLayer: dModel (4) must be divisible by nhead (3)",
        () -> new TransformerDecoderLayer(4, 3));
    assertStarts("TransformerDecoderLayer: activation must be \"relu\" or \"gelu\", got \"tanh\"",
        () -> new TransformerDecoderLayer(4, 2, 8, 0.1, "tanh", 1e-5, false, false));
    assertStarts("Transformer: dModel (6) must be divisible by nhead (4)",
        () -> new Transformer(6, 4));
    assertStarts("Transformer: numDecoderLayers must be positive, got 0",
        () -> new Transformer(4, 2, 1, 0));
    assertStarts("TransformerEncoder: numLayers must be positive, got 0",
        () -> new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 0));
    assertStarts("TransformerDecoder: decoderLayer is null",
        () -> new TransformerDecoder(null, 2));
  }

  private static void shapeError(String prefix, Executable call) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  private static void assertStarts(String prefix, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  @Test
  void parametersBeyondTheMachinesMemory_areRefusedBeforeAnyIsMade() {
    TransformerDecoderLayer layer = new TransformerDecoderLayer(4, 2, 8);
    IllegalArgumentException many = assertThrows(
        IllegalArgumentException.class, () -> new TransformerDecoder(layer, 1L << 40));
    assertTrue(many.getMessage().startsWith(
        "TransformerDecoder: the parameters of 1099511627776 layers of dModel 4,"
        + " dimFeedforward 8 need"), many.getMessage());
    assertTrue(many.getMessage().contains(
        "more than this machine's memory"), many.getMessage());
    IllegalArgumentException wide = assertThrows(
        IllegalArgumentException.class, () -> new Transformer(1L << 20, 8));
    assertTrue(wide.getMessage().startsWith(
        "Transformer: the parameters of 6 encoder and 6 decoder layers of dModel 1048576"),
        wide.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class,
        () -> new TransformerEncoderLayer(1L << 31, 1, 8));
  }
}
