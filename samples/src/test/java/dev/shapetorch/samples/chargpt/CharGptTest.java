package dev.shapetorch.samples.chargpt;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Generator;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model of the character-level GPT sample without training: its shapes, that attention is
 * causal (a position's logits do not depend on the characters after it, and do on those
 * before), its parameter names, and generation (the count asked for, indices of the
 * vocabulary, the same text from the same seed, top-k 1 the greedy choice).
 */
class CharGptTest {

  private static final int VOCAB = 11;
  private static final int CONTEXT = 8;

  @Test
  void forward_givesEveryPositionTheLogitsOfTheVocabulary() {
    try (TensorScope scope = TensorScope.open(); NoGradScope ng = Torch.noGrad()) {
      Torch.manualSeed(0);
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 2, 4);
      Tensor logits = model.forward(Torch.randint(0, VOCAB, 3, 5));
      assertThat(logits.shape()).asList().containsExactly(3L, 5L, (long) VOCAB).inOrder();
    }
  }

  @Test
  void attention_isCausal_aPositionSeesOnlyItselfAndThePast() {
    try (TensorScope scope = TensorScope.open(); NoGradScope ng = Torch.noGrad()) {
      Torch.manualSeed(1);
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 2, 2);
      model.train(false);
      long[] a = {1, 2, 3, 4, 5, 6, 7, 8};
      long[] b = a.clone();
      b[5] = 0; // changes position 5 only
      float[] la = model.forward(Torch.tensor(a).view(1, CONTEXT)).toFloatArray();
      float[] lb = model.forward(Torch.tensor(b).view(1, CONTEXT)).toFloatArray();
      for (int pos = 0; pos < CONTEXT; pos++) {
        double diff = 0;
        for (int v = 0; v < VOCAB; v++) {
          diff = Math.max(diff, Math.abs(la[pos * VOCAB + v] - lb[pos * VOCAB + v]));
        }
        if (pos < 5) {
          assertThat(diff).isLessThan(1e-5);
        } else {
          assertThat(diff).isGreaterThan(1e-4);
        }
      }
    }
  }

  @Test
  void causalMask_hidesExactlyTheLaterPositions() {
    try (TensorScope scope = TensorScope.open()) {
      boolean[] m = CharGpt.causalMask(4).toBooleanArray();
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          assertThat(m[i * 4 + j]).isEqualTo(j > i);
        }
      }
    }
  }

  @Test
  void parameters_areNamedAsNanoGptsPyTorchModuleWouldBe() {
    try (TensorScope scope = TensorScope.open()) {
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 2, 4);
      assertThat(model.namedParameters().keySet()).containsAtLeast("tokens.weight",
          "positions.weight", "blocks.0.ln1.weight", "blocks.0.attn.in_proj_weight",
          "blocks.1.proj.bias", "norm.weight", "head.weight");
      // 2 embeddings, per block 2 LayerNorms, attention (in 3D*D + 3D, out D*D + D), MLP
      long d = 16;
      long block = 4 * d + 3 * d * d + 3 * d + d * d + d + d * 4 * d + 4 * d + 4 * d * d + d;
      assertThat(model.parameterCount())
          .isEqualTo(VOCAB * d + CONTEXT * d + 2 * block + 2 * d + d * VOCAB + VOCAB);
    }
  }

  @Test
  void generate_returnsTheCountAskedFor_fromTheVocabulary_repeatablyBySeed() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(2);
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 2, 4);
      long[] prompt = {3};
      // longer than the context: the model sees the last CONTEXT characters
      long[] one = model.generate(prompt, 20, 1.0, 0, Generator.seeded(5));
      long[] two = model.generate(prompt, 20, 1.0, 0, Generator.seeded(5));
      assertThat(one).hasLength(20);
      assertThat(one).isEqualTo(two);
      for (long c : one) {
        assertThat(c).isAtLeast(0L);
        assertThat(c).isLessThan((long) VOCAB);
      }
    }
  }

  @Test
  void generate_withTopK1_isTheGreedyChoice() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(3);
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 2, 4);
      long[] prompt = {1, 4, 2};
      long[] next = model.generate(prompt, 1, 1.0, 1, Generator.seeded(9));
      try (NoGradScope ng = Torch.noGrad()) {
        Tensor logits = model.forward(Torch.tensor(prompt).view(1, 3)).select(1, -1);
        assertThat(next[0]).isEqualTo(logits.argmax(-1).toLongArray()[0]);
      }
    }
  }

  @Test
  void generate_refusesAnEmptyPromptAndABadTemperature() {
    try (TensorScope scope = TensorScope.open()) {
      CharGpt model = CharGpt.create(VOCAB, CONTEXT, 16, 1, 4);
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
          () -> model.generate(new long[0], 3, 1.0, 0, Generator.seeded(0)));
      assertThat(empty).hasMessageThat().startsWith("CharGpt.generate: the prompt is empty");
      IllegalArgumentException cold = assertThrows(IllegalArgumentException.class,
          () -> model.generate(new long[] {1}, 3, 0.0, 0, Generator.seeded(0)));
      assertThat(cold).hasMessageThat().contains("temperature 0.0 must be positive");
    }
  }

  @Test
  void batches_targetsAreTheInputsShiftedByOne() {
    try (TensorScope scope = TensorScope.open()) {
      long[] part = new long[100];
      for (int i = 0; i < part.length; i++) {
        part[i] = i;
      }
      CharText.Batch batch = CharText.batch(part, 4, 10, new SplittableRandom(0));
      long[] x = batch.inputs().toLongArray();
      long[] y = batch.targets().toLongArray();
      for (int i = 0; i < x.length; i++) {
        assertThat(y[i]).isEqualTo(x[i] + 1);
      }
    }
  }

  @Test
  void text_encodesAndDecodesBack_andSplitsNinetyTen() {
    String s = "the devil's dictionary, ".repeat(10);
    CharText text = CharText.of(s);
    assertThat(text.train().length).isEqualTo(216);
    assertThat(text.val().length).isEqualTo(24);
    assertThat(text.decode(text.encode("devil"))).isEqualTo("devil");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> text.encode("Devil"));
    assertThat(e).hasMessageThat().contains("'D' (U+0044) is not in the text's vocabulary");
  }
}
