package dev.shapetorch.samples.transfer;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.serialize.SafeTensors;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.models.ResNet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer-learning sample in its smoke mode ({@code --limit}): it loads a ResNet-18 written
 * by name in a safetensors file (the 1000-class head included), replaces the head, and fine-tunes
 * it on a slice of Fashion-MNIST; the loss falls, the backbone stays as loaded, the head changes,
 * and a file with a wrong-shaped tensor is refused naming the key and both shapes.
 */
class TransferTrainerSmokeTest {

  /** How many steps are averaged at each end of the run. */
  private static final int K = 4;

  @TempDir Path dir;

  /**
   * Writes a seeded ResNet-18's state dict as {@code
   * safetensors.torch.save_file(resnet18().state_dict(), file)} would: one tensor per
   * torchvision name, the ImageNet head included, with {@code replaced} put over it.
   */
  private Path writeWeights(Map<String, Tensor> replaced) {
    Torch.manualSeed(42);
    Map<String, Tensor> state = new LinkedHashMap<>(ResNet.resnet18(1000).stateDict());
    state.putAll(replaced);
    Path file = dir.resolve("resnet18.safetensors");
    SafeTensors.save(state, file);
    return file;
  }

  @Test
  void smokeRun_learnsTheHead_andLeavesTheBackboneAsLoaded() throws IOException {
    Path weights = writeWeights(Map.of());
    Map<String, Tensor> saved = SafeTensors.load(weights);
    // torchvision's names, as resnet18().state_dict() has them
    assertThat(saved).hasSize(122);
    assertThat(saved.keySet()).containsAtLeast("conv1.weight", "bn1.running_mean",
        "bn1.num_batches_tracked", "layer1.0.bn1.running_mean", "layer2.0.downsample.0.weight",
        "layer4.1.conv2.weight", "fc.weight", "fc.bias");
    assertThat(saved.get("fc.weight").shape()).isEqualTo(new long[] {1000, 512});

    Path out = dir.resolve("run");
    TransferTrainer.Options o = TransferCommand.commandLine()
        .parseArgs("--weights", weights.toString(), "--epochs", "2", "--limit", "256",
            "--batch-size", "32", "--lr", "3e-3", "--threads", "2", "--out", out.toString())
        .asCommandLineList().get(0).<TransferCommand>getCommand().options();
    TransferTrainer.Result r = TransferTrainer.train(o);

    double[] steps = r.stepLosses();
    assertThat(steps).hasLength(2 * 256 / 32);
    double first = Arrays.stream(steps, 0, K).average().orElseThrow();
    double last = Arrays.stream(steps, steps.length - K, steps.length).average().orElseThrow();
    assertWithMessage("mean loss of the last %s steps vs the first %s", K, K)
        .that(last).isLessThan(first);
    assertThat(r.testLosses()[1]).isLessThan(r.testLosses()[0]);

    Map<String, Tensor> tuned = r.model().stateDict();
    assertThat(tuned.get("fc.weight").shape()).isEqualTo(new long[] {10, 512});
    assertThat(tuned.get("fc.bias").shape()).isEqualTo(new long[] {10});
    for (var e : saved.entrySet()) {
      if (e.getKey().startsWith("fc.")) {
        continue;
      }
      assertWithMessage("backbone tensor %s after fine-tuning", e.getKey())
          .that(maxAbsDifference(tuned.get(e.getKey()), e.getValue())).isEqualTo(0.0);
    }
    assertWithMessage("head weight change")
        .that(maxAbsDifference(tuned.get("fc.weight"), r.initialHeadWeight()))
        .isGreaterThan(0.0);
    for (var p : r.model().namedParameters().entrySet()) {
      assertWithMessage("requiresGrad of %s", p.getKey())
          .that(p.getValue().get().requiresGrad()).isEqualTo(p.getKey().startsWith("fc."));
    }

    BufferedImage curves = ImageIO.read(out.resolve("curves.png").toFile());
    assertThat(curves.getWidth()).isGreaterThan(0);
  }

  @Test
  void weights_withAWrongShapedTensor_areRefusedNamingTheKeyAndBothShapes() {
    Path weights = writeWeights(Map.of("layer1.0.conv1.weight", Torch.zeros(64, 64, 1, 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backbone.loadResNet18(weights));
    assertThat(e).hasMessageThat().contains("layer1.0.conv1.weight");
    assertThat(e).hasMessageThat().contains("[64, 64, 3, 3]");
    assertThat(e).hasMessageThat().contains("[64, 64, 1, 1]");
  }

  @Test
  void options_tooSmallAnImage_isRefusedWithTheFlagNamed() {
    var command = new TransferCommand();
    command.weights = Path.of("w.safetensors");
    command.size = 28;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::options);
    assertThat(e).hasMessageThat().contains("--size 28 must be at least 32");
  }

  @Test
  void missingWeights_exitsTwo() {
    picocli.CommandLine line = TransferCommand.commandLine();
    line.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(line.execute("--epochs", "1")).isEqualTo(2);
  }

  private static double maxAbsDifference(Tensor a, Tensor b) {
    return a.to(dev.shapetorch.tensor.DType.FLOAT64).sub(b.to(dev.shapetorch.tensor.DType.FLOAT64))
        .abs().max().item();
  }
}
