package dev.shapetorch.samples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;

/** The trainer's flags and models. */
class TrainerOptionsTest {

  @Test
  void defaults_areTheFastCnnRecipe() {
    TrainerOptions o = TrainerOptions.parse();
    assertThat(o.model()).isEqualTo("cnn");
    assertThat(o.epochs()).isEqualTo(6);
    assertThat(o.batchSize()).isEqualTo(128);
    assertThat(o.cosine()).isTrue();
  }

  @Test
  void lenet_usesPyTorchsRecipe_andFlagsOverride() {
    TrainerOptions o = TrainerOptions.parse("--epochs", "2", "--model", "lenet", "--threads", "1");
    assertThat(o.model()).isEqualTo("lenet");
    assertThat(o.batchSize()).isEqualTo(64);
    assertThat(o.lr()).isEqualTo(1e-3);
    assertThat(o.cosine()).isFalse();
    assertThat(o.epochs()).isEqualTo(2);
    assertThat(o.threads()).isEqualTo(1);
  }

  @Test
  void mlpHiddenWidths_areParsed() {
    TrainerOptions o = TrainerOptions.parse("--model", "mlp", "--hidden", "256");
    assertThat(o.hidden()).isEqualTo(new int[] {256});
    assertThat(Mlp.create(o.hidden()).namedParameters().keySet()).containsExactly(
        "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias").inOrder();
  }

  @Test
  void memoryFormat_isChannelsLastUnlessAsked() {
    assertThat(TrainerOptions.parse("--model", "lenet").memoryFormat())
        .isEqualTo(MemoryFormat.CHANNELS_LAST);
    assertThat(TrainerOptions.parse("--memory-format", "contiguous").memoryFormat())
        .isEqualTo(MemoryFormat.CONTIGUOUS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainerOptions.parse("--memory-format", "nhwc"));
    assertThat(e).hasMessageThat().contains("channels-last or contiguous");
  }

  @Test
  void badFlags_printTheUsage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--epochz", "3"));
    assertThat(e).hasMessageThat().contains("unknown flag --epochz");
    assertThat(e).hasMessageThat().contains("usage: FashionMnistTrainer");
    assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--model", "gpt"));
  }

  @Test
  void theModels_mapImagesToTenScores() {
    assertThat(FashionCnn.create().forward(Torch.randn(2, 1, 28, 28)).shape())
        .isEqualTo(new long[] {2, 10});
    assertThat(Mlp.create(256, 128).forward(Torch.randn(2, 1, 28, 28)).shape())
        .isEqualTo(new long[] {2, 10});
  }
}
