package dev.shapetorch.samples.backprop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The pure-backprop sample in its smoke mode ({@code --limit}): three epochs of plain SGD on
 * 2,048 images learn (the loss of the last steps is well below that of the first ones), and
 * libtorch's autograd is never asked for: the parameters never require a gradient.
 */
class BackpropMlpTrainerSmokeTest {

  /** How many steps are averaged at each end of the run. */
  private static final int K = 10;

  @Test
  void smokeRun_lossGoesDown_andTheTestSetIsLearned() {
    BackpropMlpTrainer.Options o = BackpropMlpCommand.commandLine()
        .parseArgs("--epochs", "3", "--limit", "2048", "--threads", "2")
        .asCommandLineList().get(0).<BackpropMlpCommand>getCommand().options();
    BackpropMlpTrainer.Result r = BackpropMlpTrainer.train(o);

    double[] steps = r.stepLosses();
    assertThat(steps).hasLength(3 * 2048 / 64);
    double first = Arrays.stream(steps, 0, K).average().orElseThrow();
    double last = Arrays.stream(steps, steps.length - K, steps.length).average().orElseThrow();
    assertWithMessage("mean loss of the last %s steps vs the first %s", K, K)
        .that(last).isLessThan(0.6 * first);
    assertThat(r.epochLosses()[2]).isLessThan(r.epochLosses()[0]);
    // ten classes: chance is 10%
    assertThat(r.testAccuracy()).isGreaterThan(0.5);
  }

  @Test
  void options_badValue_isRefusedWithTheFlagNamed() {
    var command = new BackpropMlpCommand();
    command.lr = -1;
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            command::options);
    assertThat(e).hasMessageThat().contains("--lr -1.0 must be positive");
  }

  @Test
  void help_listsTheFlags_andExitsZero() {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine line = BackpropMlpCommand.commandLine();
    line.setOut(new java.io.PrintWriter(out));
    assertThat(line.execute("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--limit");
    assertThat(out.toString()).contains("--hidden");
  }

  @Test
  void unknownFlag_exitsTwo() {
    picocli.CommandLine line = BackpropMlpCommand.commandLine();
    line.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(line.execute("--epochz", "3")).isEqualTo(2);
  }
}
