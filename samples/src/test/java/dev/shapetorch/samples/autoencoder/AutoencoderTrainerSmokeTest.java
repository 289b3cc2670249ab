package dev.shapetorch.samples.autoencoder;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.monitor.tensorboard.Event;
import dev.shapetorch.monitor.tensorboard.EventFileReader;
import dev.shapetorch.monitor.tensorboard.SummaryValue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoencoder sample in its smoke mode ({@code --limit}): two epochs on 1,024 images learn
 * (the reconstruction loss of the last steps is below that of the first ones, and the test loss
 * falls), and the run leaves its pictures and TensorBoard logs.
 */
class AutoencoderTrainerSmokeTest {

  /** How many steps are averaged at each end of the run. */
  private static final int K = 4;

  @TempDir Path dir;

  @Test
  void smokeRun_learns_andLeavesPicturesAndLogs() throws IOException {
    AutoencoderTrainer.Options o = AutoencoderCommand.commandLine()
        .parseArgs("--epochs", "2", "--limit", "1024", "--batch-size", "64", "--threads", "2",
            "--out", dir.toString())
        .asCommandLineList().get(0).<AutoencoderCommand>getCommand().options();
    AutoencoderTrainer.Result r = AutoencoderTrainer.train(o);

    double[] steps = r.stepLosses();
    assertThat(steps).hasLength(2 * 1024 / 64);
    double first = Arrays.stream(steps, 0, K).average().orElseThrow();
    double last = Arrays.stream(steps, steps.length - K, steps.length).average().orElseThrow();
    assertWithMessage("mean loss of the last %s steps vs the first %s", K, K)
        .that(last).isLessThan(first);
    assertThat(r.testLosses()[1]).isLessThan(r.testLosses()[0]);

    // originals above reconstructions: one row of 10 of each, 3 x 28 pixels and 4 of padding
    BufferedImage grid = ImageIO.read(dir.resolve("reconstructions.png").toFile());
    assertThat(grid.getWidth()).isEqualTo(10 * (84 + 4) + 4);
    assertThat(grid.getHeight()).isEqualTo(2 * (84 + 4) + 4);
    // the loss chart alone: an autoencoder has no accuracy
    BufferedImage curves = ImageIO.read(dir.resolve("curves.png").toFile());
    assertThat(curves.getWidth()).isEqualTo(640);

    List<Long> lossSteps = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Event e : EventFileReader.read(EventFileReader.eventFiles(dir).get(0))) {
      for (SummaryValue v : e.values()) {
        tags.add(v.tag());
        if (v.tag().equals("loss/train")) {
          lossSteps.add(e.step());
          assertThat((double) v.simpleValue())
              .isWithin(1e-6).of(r.epochLosses()[(int) e.step() - 1]);
        }
      }
    }
    assertThat(lossSteps).containsExactly(1L, 2L).inOrder();
    assertThat(tags).containsAtLeast("test images", "reconstructions", "loss/test");
  }

  @Test
  void options_tooSmallALimit_isRefusedWithTheFlagNamed() {
    var command = new AutoencoderCommand();
    command.limit = 5;
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, command::options);
    assertThat(e).hasMessageThat().contains("--limit 5 must be 0 (all images) or at least 10");
  }

  @Test
  void help_listsTheFlags_andExitsZero() {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine line = AutoencoderCommand.commandLine();
    line.setOut(new java.io.PrintWriter(out));
    assertThat(line.execute("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--limit");
    assertThat(out.toString()).contains("--out");
  }

  @Test
  void unknownFlag_exitsTwo() {
    picocli.CommandLine line = AutoencoderCommand.commandLine();
    line.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(line.execute("--epochz", "3")).isEqualTo(2);
  }
}
