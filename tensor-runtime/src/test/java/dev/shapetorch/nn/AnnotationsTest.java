package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.BCELoss;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.tensor.Tensor;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The static types the checker reads: every layer's constructor results and {@code forward}
 * shapes parse, and the hyperparameter vector a typed constructor declares has as many entries
 * as its {@code forward}'s receiver.
 */
class AnnotationsTest {

  static final List<Class<?>> TYPED_LAYERS = List.of(Linear.class, Bilinear.class,
      AdaptiveAvgPool2d.class, BatchNorm2d.class, LayerNorm.class, Embedding.class,
      TransformerEncoderLayer.class, dev.shapetorch.nn.attention.TransformerEncoder.class,
      dev.shapetorch.nn.pooling.AdaptiveAvgPool1d.class,
      dev.shapetorch.nn.pooling.AdaptiveAvgPool3d.class,
      dev.shapetorch.nn.pooling.AdaptiveMaxPool1d.class,
      dev.shapetorch.nn.pooling.AdaptiveMaxPool2d.class,
      dev.shapetorch.nn.pooling.AdaptiveMaxPool3d.class);

  /** The layers whose output sizes follow a formula: one rule each, the functional op's. */
  static final List<Class<?>> FORMULA_LAYERS = List.of(Conv1d.class, Conv2d.class,
      ConvTranspose2d.class, dev.shapetorch.nn.conv.Conv3d.class,
      dev.shapetorch.nn.conv.ConvTranspose1d.class, dev.shapetorch.nn.conv.ConvTranspose3d.class,
      MaxPool1d.class, MaxPool2d.class, AvgPool2d.class, dev.shapetorch.nn.pooling.MaxPool3d.class, dev.shapetorch.nn.pooling.AvgPool1d.class,
      dev.shapetorch.nn.pooling.AvgPool3d.class);

  static final List<Class<?>> RULE_LAYERS = List.of(BatchNorm1d.class, GroupNorm.class,
      Conv1d.class, Conv2d.class, ConvTranspose2d.class, dev.shapetorch.nn.conv.Conv3d.class,
      dev.shapetorch.nn.conv.ConvTranspose1d.class, dev.shapetorch.nn.conv.ConvTranspose3d.class,
      MaxPool1d.class, MaxPool2d.class, AvgPool2d.class, dev.shapetorch.nn.pooling.MaxPool3d.class, dev.shapetorch.nn.pooling.AvgPool1d.class,
      dev.shapetorch.nn.pooling.AvgPool3d.class, RNN.class, LSTM.class, GRU.class, Softmax.class, LogSoftmax.class,
      dev.shapetorch.nn.activation.Softmin.class, dev.shapetorch.nn.activation.GLU.class,
      dev.shapetorch.nn.pixelshuffle.PixelShuffle.class,
      dev.shapetorch.nn.pixelshuffle.PixelUnshuffle.class);

  private static int receiverRank(Class<?> layer) {
    for (Method m : layer.getDeclaredMethods()) {
      AnnotatedType r = m.getName().equals("forward") ? m.getAnnotatedReceiverType() : null;
      if (r != null && r.getAnnotation(Shape.class) != null) {
        return ShapeParser.parseShape(r.getAnnotation(Shape.class).value()).rank();
      }
    }
    return -1;
  }

  static int hyperRank(Class<?> layer) {
    int rank = -1;
    for (Constructor<?> c : layer.getConstructors()) {
      Shape s = c.getAnnotatedReturnType().getAnnotation(Shape.class);
      if (s != null) {
        int r = ShapeParser.parseShape(s.value()).rank();
        assertTrue(rank == -1 || rank == r, layer.getSimpleName() + " constructors disagree");
        rank = r;
      }
    }
    return rank;
  }

  @Test
  void typedLayers_constructorsDeclareWhatForwardsReceive() {
    for (Class<?> layer : TYPED_LAYERS) {
      int hyper = hyperRank(layer);
      assertTrue(hyper > 0, layer.getSimpleName() + " has a typed constructor");
      assertEquals(hyper, receiverRank(layer), layer.getSimpleName());
      assertNotNull(Guard.forward(layer, layer == Bilinear.class
          ? new String[] {"a", "b"}
          : new String[] {"x"}));
    }
  }

  /**
   * Every public class of this package family that declares rule-annotated methods ({@code F}'s,
   * {@code Torch}'s and {@code Linalg}'s are generated from their declarations, annotations
   * included).
   */
  static final List<Class<?>> RULE_DECLARERS = List.of(
      dev.shapetorch.nn.functional.F.class,
      dev.shapetorch.tensor.Torch.class,
      dev.shapetorch.tensor.Linalg.class,
      BatchNorm1d.class, GroupNorm.class, Conv1d.class, Conv2d.class, ConvTranspose2d.class,
      dev.shapetorch.nn.conv.Conv3d.class, dev.shapetorch.nn.conv.ConvTranspose1d.class,
      dev.shapetorch.nn.conv.ConvTranspose3d.class, MaxPool1d.class, MaxPool2d.class, AvgPool2d.class, RNN.class, LSTM.class, GRU.class,
      dev.shapetorch.nn.pooling.MaxPool3d.class, dev.shapetorch.nn.pooling.AvgPool1d.class,
      dev.shapetorch.nn.pooling.AvgPool3d.class,
      Softmax.class, LogSoftmax.class, MultiheadAttention.class, CrossEntropyLoss.class,
      NLLLoss.class, MSELoss.class, L1Loss.class, SmoothL1Loss.class, HuberLoss.class,
      BCELoss.class, BCEWithLogitsLoss.class, KLDivLoss.class,
      dev.shapetorch.nn.activation.Softmin.class, dev.shapetorch.nn.activation.GLU.class,
      dev.shapetorch.nn.loss.PoissonNLLLoss.class,
      dev.shapetorch.nn.pixelshuffle.PixelShuffle.class,
      dev.shapetorch.nn.pixelshuffle.PixelUnshuffle.class);

  @Test
  void everyShapeRule_feedsTheRuleOneArgumentPerInput() {
    int rules = 0;
    for (Class<?> c : RULE_DECLARERS) {
      for (Method m : c.getDeclaredMethods()) {
        ShapeRule r = m.getAnnotation(ShapeRule.class);
        if (r == null) {
          continue;
        }
        rules++;
        int inputs = r.value().inputs().size();
        String where = c.getSimpleName() + "." + m.getName() + " (" + r.value() + ")";
        if (r.args().length == 0) {
          boolean instance = !java.lang.reflect.Modifier.isStatic(m.getModifiers());
          assertEquals(inputs, m.getParameterCount() + (instance ? 1 : 0), where);
        } else {
          assertEquals(inputs, r.args().length, where);
          long named = java.util.Arrays.stream(r.args())
              .filter(a -> !a.matches("-?[0-9]+|true|false|null")).count();
          assertTrue(named <= m.getParameterCount() + 1, where);
        }
      }
    }
    assertTrue(rules >= 40, "rules found: " + rules);
  }

  @Test
  void ruleLayers_nameARuleOnTheirForward_andHaveTypedConstructors() {
    for (Class<?> layer : RULE_LAYERS) {
      assertTrue(hyperRank(layer) > 0, layer.getSimpleName());
      boolean ruled = false;
      for (Method m : layer.getDeclaredMethods()) {
        ShapeRule r = m.getAnnotation(ShapeRule.class);
        if (m.getName().equals("forward") && r != null && m.getParameterCount() == 1) {
          ruled = true;
          assertEquals(List.of("this", "input"), List.of(r.args()), layer.getSimpleName());
          assertEquals(2, r.value().inputs().size());
        } else if (m.getName().equals("forward") && r != null) {
          // A recurrent layer's forward from given states checks each state against the layout.
          assertEquals(Rule.RECURRENT_HIDDEN, r.value(), layer.getSimpleName());
          assertEquals(layer == LSTM.class ? List.of("this", "input", "h0", "c0")
              : List.of("this", "input", "h0", "null"), List.of(r.args()),
              layer.getSimpleName());
        }
      }
      assertTrue(ruled, layer.getSimpleName() + ".forward names a rule");
      assertNotNull(Guard.forward(layer, "input"), layer.getSimpleName());
    }
    assertEquals(5, hyperRank(LSTM.class));
    for (Method m : LSTM.class.getDeclaredMethods()) {
      if (m.getName().equals("batchFirst")) {
        assertEquals(List.of("inputSize", "hiddenSize", "numLayers", "0", "1"),
            List.of(m.getAnnotatedReturnType().getAnnotation(Shape.class).value()));
      }
    }
  }

  /**
   * A layer whose output size is a formula declares no formula of its own: its forward names
   * one of the rules that run the functional op's formula on the module's vector, and no
   * {@code @Shape} that could state it a second time.
   */
  @Test
  void formulaLayers_nameALayerRule_andNoSignature() {
    List<Rule> layerRules = List.of(Rule.CONV_LAYER, Rule.CONV_TRANSPOSE_LAYER,
        Rule.MAX_POOL_LAYER, Rule.AVG_POOL_LAYER);
    for (Class<?> layer : FORMULA_LAYERS) {
      for (Method m : layer.getDeclaredMethods()) {
        if (m.getName().equals("forward") && !m.isBridge()) {
          String where = layer.getSimpleName() + ".forward";
          assertTrue(layerRules.contains(m.getAnnotation(ShapeRule.class).value()), where);
          assertEquals(-1, receiverRank(layer), where);
          assertEquals(null, m.getAnnotatedReturnType().getAnnotation(Shape.class), where);
        }
      }
    }
  }

  /**
   * Attention checks its three inputs by one rule over its type (the query's and key's batch
   * sizes are one size only for the dim that {@code BatchFirst} names), and declares no
   * signature that could state them a second time; the class-index losses declare their rule.
   */
  @Test
  void attentionAndClassIndexLosses_nameTheirRules() throws NoSuchMethodException {
    Method forward = MultiheadAttention.class.getMethod("forward", Tensor.class,
        Tensor.class, Tensor.class);
    ShapeRule r = forward.getAnnotation(ShapeRule.class);
    assertEquals(Rule.MULTIHEAD_ATTENTION, r.value());
    assertEquals(List.of("this", "query", "key", "value"), List.of(r.args()));
    assertEquals(-1, receiverRank(MultiheadAttention.class));
    assertEquals(3, hyperRank(MultiheadAttention.class));
    assertNotNull(Guard.forward(MultiheadAttention.class, "query", "key", "value"));
    // The class-index losses read their reduction from their type ("this").
    for (Class<?> loss : List.of(CrossEntropyLoss.class, NLLLoss.class)) {
      ShapeRule l = loss.getMethod("forward", Tensor.class,
          Tensor.class).getAnnotation(ShapeRule.class);
      assertEquals(loss == NLLLoss.class ? Rule.NLL_LOSS_LAYER : Rule.CLASS_INDEX_LOSS_LAYER,
          l.value(), loss.getSimpleName());
      assertEquals(List.of("this", "input", "target"), List.of(l.args()));
      assertNotNull(Guard.forward(loss, "input", "target"));
    }
  }

  /**
   * The decoders and the Transformer check their two sequences by one rule over their type
   * [D, Heads, FF, BatchFirst] (whose BatchFirst names the batch dim), as attention does.
   */
  @Test
  void transformerStacks_nameTheirRules() throws NoSuchMethodException {
    for (Class<?> layer : List.of(dev.shapetorch.nn.attention.TransformerDecoderLayer.class,
        dev.shapetorch.nn.attention.TransformerDecoder.class,
        dev.shapetorch.nn.attention.Transformer.class)) {
      boolean whole = layer == dev.shapetorch.nn.attention.Transformer.class;
      ShapeRule r = layer.getMethod("forward", Tensor.class, Tensor.class)
          .getAnnotation(ShapeRule.class);
      assertEquals(whole ? Rule.TRANSFORMER : Rule.TRANSFORMER_DECODER, r.value());
      assertEquals(whole ? List.of("this", "src", "tgt") : List.of("this", "tgt", "memory"),
          List.of(r.args()), layer.getSimpleName());
      assertEquals(4, hyperRank(layer), layer.getSimpleName());
      assertNotNull(Guard.forward(layer, whole ? new String[] {"src", "tgt"}
          : new String[] {"tgt", "memory"}));
    }
  }
}
