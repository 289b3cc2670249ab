package dev.shapetorch.samples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Torch;
import java.nio.file.Path;
import java.util.List;
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
  void explicitFlags_overrideTheModelsDefaults_inAnyOrder() {
    TrainerOptions before = TrainerOptions.parse("--lr", "0.01", "--schedule", "cosine",
        "--batch-size", "32", "--model", "mlp");
    TrainerOptions after = TrainerOptions.parse("--model", "mlp", "--lr", "0.01", "--schedule",
        "cosine", "--batch-size", "32");
    assertThat(before).isEqualTo(after);
    assertThat(before.toString()).isEqualTo("model=mlp hidden=[256, 128] epochs=5 batch=32"
        + " lr=0.01 schedule=cosine threads=" + Runtime.getRuntime().availableProcessors()
        + " workers=0 seed=0 memory-format=channels-last");
    TrainerOptions cnn = TrainerOptions.parse("--schedule", "none", "--model", "cnn");
    assertThat(cnn.cosine()).isFalse();
    assertThat(cnn.lr()).isEqualTo(2e-3);
  }

  @Test
  void everyFlag_isParsed() {
    TrainerOptions o = TrainerOptions.parse("--workers", "3", "--seed", "42", "--data", "d",
        "--save", "w.safetensors", "--epochs", "1", "--epochs", "4");
    assertThat(o.workers()).isEqualTo(3);
    assertThat(o.seed()).isEqualTo(42);
    assertThat(o.data()).isEqualTo(Path.of("d"));
    assertThat(o.save()).isEqualTo(Path.of("w.safetensors"));
    assertThat(o.epochs()).isEqualTo(4);
  }

  @Test
  void help_listsEveryFlag() {
    String usage = TrainerOptions.usage();
    assertThat(usage).startsWith("usage: FashionMnistTrainer");
    for (String flag : List.of("--model", "--epochs", "--batch-size", "--lr", "--schedule",
        "--hidden", "--threads", "--workers", "--seed", "--data", "--save", "--memory-format",
        "--help")) {
      assertThat(usage).contains(flag + " ");
    }
    assertThat(usage).contains("cnn|lenet|mlp");
    assertThat(usage).contains("channels-last|contiguous");
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
    assertThat(e).hasMessageThat().contains("Unknown options: '--epochz', '3'");
    assertThat(e).hasMessageThat().contains("usage: FashionMnistTrainer");
    IllegalArgumentException model =
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--model", "gpt"));
    assertThat(model).hasMessageThat().contains("unknown model 'gpt': choose cnn, lenet or mlp");
    assertThat(model).hasMessageThat().contains("usage: FashionMnistTrainer");
    IllegalArgumentException value =
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--epochs", "x"));
    assertThat(value).hasMessageThat().contains("--epochs");
    assertThat(value).hasMessageThat().contains("'x'");
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--seed"));
    assertThat(missing).hasMessageThat().contains("--seed");
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.parse("--schedule",
            "step"))).hasMessageThat().contains("cosine or none, not 'step'");
  }

  @Test
  void theModels_mapImagesToTenScores() {
    assertThat(FashionCnn.create().forward(Torch.randn(2, 1, 28, 28)).shape())
        .isEqualTo(new long[] {2, 10});
    assertThat(Mlp.create(256, 128).forward(Torch.randn(2, 1, 28, 28)).shape())
        .isEqualTo(new long[] {2, 10});
  }
}
