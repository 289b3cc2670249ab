package dev.shapetorch.samples.chargpt;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.monitor.tensorboard.Event;
import dev.shapetorch.monitor.tensorboard.EventFileReader;
import dev.shapetorch.monitor.tensorboard.SummaryValue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The character-level GPT sample in its smoke mode: a tiny model, 60 steps on the first 20,000
 * characters of the default text (Debian's dict-devil; the test fails, saying to install it,
 * where it is missing). It learns: the first steps' loss is near that of a uniform guess, {@code
 * ln(vocabulary)}, and the mean of the last steps' is at least 0.8 below it (a model that does
 * not learn, or learns from the wrong targets, stays near it; a working one reaches about 1.3
 * below). Generation returns the requested number of characters of the vocabulary, and the run
 * leaves its curves, its samples and TensorBoard logs.
 */
class CharGptTrainerSmokeTest {

  /** How many steps are averaged at each end of the run. */
  private static final int K = 10;

  @TempDir Path dir;

  @Test
  void smokeRun_learns_generatesFromTheVocabulary_andLeavesItsFiles() throws IOException {
    assertWithMessage("the default text, The Devil's Dictionary: install Debian's %s package"
            + " (apt-get install %s), as .ci/run does", CharText.PACKAGE, CharText.PACKAGE)
        .that(Files.isRegularFile(CharText.DEFAULT)).isTrue();
    CharGptTrainer.Options o = CharGptCommand.commandLine()
        .parseArgs("--limit", "20000", "--epochs", "2", "--steps", "30", "--batch-size", "16",
            "--context", "32", "--dim", "32", "--layers", "2", "--heads", "2", "--lr", "3e-3",
            "--eval-batches", "4", "--generate", "200", "--top-k", "10", "--threads", "2",
            "--logdir", dir.toString())
        .asCommandLineList().get(0).<CharGptCommand>getCommand().options();
    CharGptTrainer.Result r = CharGptTrainer.train(o);

    double uniform = Math.log(r.vocabulary().length);
    double[] steps = r.stepLosses();
    assertThat(steps).hasLength(60);
    double first = Arrays.stream(steps, 0, 3).average().orElseThrow();
    double last = Arrays.stream(steps, steps.length - K, steps.length).average().orElseThrow();
    assertWithMessage("the first steps' loss vs ln(%s)", r.vocabulary().length)
        .that(first).isWithin(0.3).of(uniform);
    assertWithMessage("mean loss of the last %s steps vs ln(%s) = %s", K,
        r.vocabulary().length, uniform).that(last).isLessThan(uniform - 0.8);
    assertThat(r.valLosses()[1]).isLessThan(uniform - 0.8);

    assertThat(r.generated()).hasLength(200);
    String vocabulary = new String(r.vocabulary());
    for (char c : r.generated().toCharArray()) {
      assertWithMessage("generated character %s", String.format("U+%04X", (int) c))
          .that(vocabulary.indexOf(c)).isAtLeast(0);
    }
    assertThat(Files.readString(dir.resolve("samples.txt"), StandardCharsets.UTF_8))
        .isEqualTo("\n" + r.generated() + "\n");

    // loss and accuracy side by side
    BufferedImage curves = ImageIO.read(dir.resolve("curves.png").toFile());
    assertThat(curves.getWidth()).isEqualTo(1280);

    List<Long> valSteps = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Event e : EventFileReader.read(EventFileReader.eventFiles(dir).get(0))) {
      for (SummaryValue v : e.values()) {
        tags.add(v.tag());
        if (v.tag().equals("loss/val")) {
          valSteps.add(e.step());
          assertThat((double) v.simpleValue())
              .isWithin(1e-5).of(r.valLosses()[(int) e.step() - 1]);
        }
      }
    }
    assertThat(valSteps).containsExactly(1L, 2L).inOrder();
    assertThat(tags).containsAtLeast("loss/train_step", "loss/train", "accuracy/val", "generated/text_summary");
  }

  @Test
  void aMissingText_namesTheFileAndWhatToDo() {
    CharGptCommand command = new CharGptCommand();
    command.text = dir.resolve("no-such.txt");
    command.out = dir;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharGptTrainer.train(command.options()));
    assertThat(e).hasMessageThat().contains("no text at " + dir.resolve("no-such.txt"));
    assertThat(e).hasMessageThat().contains("--text");
  }

  @Test
  void theDefaultTextMissing_saysWhichPackageInstallsIt() {
    // the message itself, whether or not this machine has the package
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharText.read(Path.of("/nonexistent/devil.dict.dz"), 0));
    assertThat(e).hasMessageThat().startsWith("CharGptTrainer: no text at");
    assertThat(CharGptTrainerSmokeTest.defaultMissingMessage())
        .contains("apt-get install dict-devil");
  }

  @Test
  void options_headsThatDoNotDivideTheDim_areRefusedWithTheFlagsNamed() {
    CharGptCommand command = new CharGptCommand();
    command.dim = 30;
    command.heads = 4;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, command::options);
    assertThat(e).hasMessageThat().contains("--heads 4 must divide --dim 30");
  }

  @Test
  void help_listsTheFlags_andExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine line = CharGptCommand.commandLine();
    line.setOut(new PrintWriter(out));
    assertThat(line.execute("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--text");
    assertThat(out.toString()).contains("--logdir");
    assertThat(out.toString()).contains("from Debian's dict-devil");
  }

  @Test
  void unknownFlag_exitsTwo() {
    CommandLine line = CharGptCommand.commandLine();
    line.setErr(new PrintWriter(new StringWriter()));
    assertThat(line.execute("--epochz", "3")).isEqualTo(2);
  }

  /** What {@link CharText#read} says when the default text is missing. */
  private static String defaultMissingMessage() {
    return CharText.missingMessage(CharText.DEFAULT);
  }
}
