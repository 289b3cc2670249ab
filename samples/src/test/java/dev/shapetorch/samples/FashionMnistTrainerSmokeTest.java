package dev.shapetorch.samples;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.monitor.tensorboard.Event;
import dev.shapetorch.monitor.tensorboard.EventFileReader;
import dev.shapetorch.monitor.tensorboard.SummaryValue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fashion-MNIST sample in its smoke mode ({@code --limit}): two epochs on 2,048 images learn
 * (the training loss goes down), and the run leaves its TensorBoard logs and pictures.
 */
class FashionMnistTrainerSmokeTest {

  @TempDir Path dir;

  @Test
  void smokeRun_learns_andLeavesLogsAndPictures() throws IOException {
    TrainerOptions o = TrainerOptions.parse("--model", "cnn", "--epochs", "2", "--limit", "2048",
        "--threads", "2", "--logdir", dir.toString());
    FashionMnistTrainer.Result result = FashionMnistTrainer.train(o);

    assertThat(result.epochLosses()[1]).isLessThan(result.epochLosses()[0]);
    assertThat(result.testAccuracy()).isGreaterThan(0.1);
    assertThat(result.logDir()).isEqualTo(dir);

    List<Event> events = EventFileReader.read(EventFileReader.eventFiles(dir).get(0));
    List<Long> lossSteps = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Event e : events) {
      for (SummaryValue v : e.values()) {
        tags.add(v.tag());
        if (v.tag().equals("loss/train")) {
          lossSteps.add(e.step());
          assertThat((double) v.simpleValue())
              .isWithin(1e-6).of(result.epochLosses()[(int) e.step() - 1]);
        }
      }
    }
    assertThat(lossSteps).containsExactly(1L, 2L).inOrder();
    assertThat(tags).containsAtLeast("options/text_summary", "test images", "loss/test",
        "accuracy/train", "accuracy/test", "lr", "conv1.weight", "conv1.weight.grad");
    for (String picture : TrainingLog.pictures()) {
      Path file = dir.resolve(picture);
      assertThat(Files.exists(file)).isTrue();
      BufferedImage png = ImageIO.read(file.toFile());
      assertThat(png.getWidth()).isGreaterThan(100);
    }
  }
}
