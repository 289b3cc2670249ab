package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.BatchNorm;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A layer's hyperparameters by name ({@code spec()}, a {@code Spec} record): the spec holds
 * what the constructor was given, its vector is the layer's type in the type's order (what the
 * checker reads from the constructor's {@code @Shape}), and the spec checks its values as the
 * constructor does, with the same messages.
 */
class SpecTest {

  @Test
  void typeVector_isTheTypeTheConstructorDeclares_inItsOrder() {
    assertVector(Linear.class, new Linear(4, 5).spec().typeVector(), 4, 5);
    assertVector(Bilinear.class, new Bilinear(4, 2, 3).spec().typeVector(), 4, 2, 3);
    assertVector(Conv1d.class, new Conv1d(3, 4, 3, 2, 1, 2, 1, true).spec().typeVector(),
        3, 4, 3, 2, 1, 2);
    assertVector(Conv2d.class, new Conv2d(4, 6, 3, 2, 2, 1, 1, 0, 1, 2, 2, false).spec()
        .typeVector(), 4, 6, 3, 2, 2, 1, 1, 0, 1, 2);
    assertVector(ConvTranspose2d.class, new ConvTranspose2d(3, 2, 3, 2, 1, 1).spec()
        .typeVector(), 3, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1);
    assertVector(MaxPool1d.class, new MaxPool1d(3, 2, 1, 2, true).spec().typeVector(),
        3, 2, 1, 2, 1);
    assertVector(MaxPool2d.class, new MaxPool2d(3, 2, 2, 1, 1, 0, 1, 2, false).spec()
        .typeVector(), 3, 2, 2, 1, 1, 0, 1, 2, 0);
    assertVector(AvgPool2d.class, new AvgPool2d(3, 2, 2, 1, 1, 0, true, false).spec()
        .typeVector(), 3, 2, 2, 1, 1, 0, 1);
    assertVector(AdaptiveAvgPool2d.class, new AdaptiveAvgPool2d(3, 2).spec().typeVector(), 3, 2);
    assertVector(BatchNorm1d.class, new BatchNorm1d(5).spec().typeVector(), 5);
    assertVector(BatchNorm2d.class, new BatchNorm2d(5).spec().typeVector(), 5);
    assertVector(GroupNorm.class, new GroupNorm(3, 6).spec().typeVector(), 6, 3);
    assertVector(LayerNorm.class, new LayerNorm(7).spec().typeVector(), 7);
    assertVector(Embedding.class, new Embedding(10, 3).spec().typeVector(), 10, 3);
    assertVector(MultiheadAttention.class,
        new MultiheadAttention(8, 2, 0.0, true).spec().typeVector(), 8, 2, 1);
    assertVector(TransformerEncoderLayer.class,
        new TransformerEncoderLayer(8, 2, 16).spec().typeVector(), 8, 2, 16, 0);
  }

  private static void assertVector(Class<?> layer, long[] actual, long... expected) {
    assertArrayEquals(expected, actual, layer.getSimpleName());
    assertEquals(AnnotationsTest.hyperRank(layer), actual.length,
        layer.getSimpleName() + ": as many entries as its constructors' @Shape");
  }

  @Test
  void spec_holdsWhatTheConstructorWasGiven_optionsOutsideTheTypeIncluded() {
    assertEquals(new Conv2d.Spec(3, 8, 3, 3, 2, 2, 1, 1, 1, 1, 1, true),
        new Conv2d(3, 8, 3, 2, 1).spec());
    assertEquals(new ConvTranspose2d.Spec(3, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, true),
        new ConvTranspose2d(3, 2, 3, 2, 1, 1).spec());
    assertEquals(new Linear.Spec(4, 2, false), new Linear(4, 2, false).spec());
    assertEquals(new AvgPool2d.Spec(2, 2, 2, 2, 0, 0, false, true), new AvgPool2d(2).spec());
    assertEquals(new MaxPool1d.Spec(3, 3, 0, 1, false), new MaxPool1d(3).spec());
    assertEquals(new BatchNorm.Spec(3, 1e-5, null, true, false),
        new BatchNorm1d(3, 1e-5, null, true, false).spec());
    assertEquals(new BatchNorm2d(3).spec(), new BatchNorm1d(3).spec());
    assertEquals(new GroupNorm.Spec(3, 6, 1e-3, false), new GroupNorm(3, 6, 1e-3, false).spec());
    assertEquals(new LayerNorm.Spec(List.of(3L, 4L), 1e-3, false),
        new LayerNorm(new long[] {3, 4}, 1e-3, false).spec());
    assertEquals(new TransformerEncoderLayer.Spec(8, 2, 16, 0.1, "relu", 1e-5, false, false),
        new TransformerEncoderLayer(8, 2, 16).spec());
    Conv2d conv = new Conv2d(1, 6, 5);
    assertArrayEquals(conv.spec().typeVector(), conv.hyperparameters());
    assertNotSame(conv.hyperparameters(), conv.hyperparameters());
  }

  @Test
  void spec_checksAsTheConstructorDoes_underTheNameCalled() {
    assertMessage("[shape.conv.params] Conv2d: kernel must be positive, got 0",
        () -> new Conv2d(3, 8, 0));
    assertMessage("[shape.conv.params] Conv2d.Spec: kernel must be positive, got 0",
        () -> new Conv2d.Spec(3, 8, 0, 3, 1, 1, 0, 0, 1, 1, 1, true));
    assertMessage("[shape.conv.params] Conv1d.Spec: groups (2) must be positive and divide both"
        + " in (3) and out (4) channels; choose groups among their common divisors",
        () -> new Conv1d.Spec(3, 4, 3, 1, 0, 1, 2, true));
    assertMessage("ConvTranspose2d: the output padding (2, 0) must be smaller than the stride or"
        + " the dilation", () -> new ConvTranspose2d.Spec(3, 2, 3, 3, 2, 2, 0, 0, 2, 0, 1, 1, 1,
            true));
    assertMessage("MaxPool2d.Spec: padding (2) must be at most half the kernel's extent (3)",
        () -> new MaxPool2d.Spec(3, 3, 1, 1, 2, 0, 1, 1, false));
    assertMessage("Linear.Spec: out must be positive, got -1", () -> new Linear.Spec(3, -1, true));
    assertMessage("BatchNorm2d: eps must be positive, got 0.0",
        () -> new BatchNorm2d(3, 0.0, 0.1, true, true));
    assertMessage("BatchNorm1d: momentum must be in [0, 1]",
        () -> new BatchNorm1d(3, 1e-5, 1.5, true, true));
    assertMessage("BatchNorm.Spec: eps must be positive, got 0.0",
        () -> new BatchNorm.Spec(3, 0.0, 0.1, true, true));
    assertMessage("[shape.module.params] GroupNorm.Spec: numChannels (5) must be divisible by"
        + " numGroups (2); choose a numGroups that divides it",
        () -> new GroupNorm.Spec(2, 5, 1e-5, true));
    assertMessage("LayerNorm: the normalized shape is empty",
        () -> new LayerNorm.Spec(List.of(), 1e-5, true));
    assertMessage("Embedding: paddingIdx 5 is out of range for num 5 embeddings",
        () -> new Embedding.Spec(5, 3, OptionalLong.of(5)));
    assertMessage("MultiheadAttention.Spec: the dropout probability must be in [0, 1], got 2.0",
        () -> new MultiheadAttention.Spec(8, 2, 2.0, false));
    assertMessage("TransformerEncoderLayer: activation must be \"relu\" or \"gelu\", got \"tanh\"",
        () -> new TransformerEncoderLayer.Spec(8, 2, 16, 0.1, "tanh", 1e-5, false, false));
  }

  @Test
  void embeddingSpec_normalisesANegativePaddingIdx_asTheLayerDoes() {
    assertEquals(OptionalLong.of(4), new Embedding.Spec(5, 3, OptionalLong.of(-1)).paddingIdx());
    assertEquals(new Embedding.Spec(5, 3, OptionalLong.of(4)), new Embedding(5, 3, -1).spec());
    assertEquals(OptionalLong.empty(), new Embedding(5, 3).spec().paddingIdx());
  }

  @Test
  void layerNormSpec_keepsItsOwnCopyOfTheShape() {
    List<Long> shape = new ArrayList<>(List.of(3L, 4L));
    LayerNorm.Spec spec = new LayerNorm.Spec(shape, 1e-5, true);
    shape.set(0, 9L);
    assertEquals(List.of(3L, 4L), spec.normalizedShape());
    assertThrows(UnsupportedOperationException.class, () -> spec.normalizedShape().add(1L));
    assertArrayEquals(new long[] {3, 4}, spec.typeVector());
  }

  private static void assertMessage(String start, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
