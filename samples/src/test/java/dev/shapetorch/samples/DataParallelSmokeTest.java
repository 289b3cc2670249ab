package dev.shapetorch.samples;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.distributed.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sample 6, the Fashion-MNIST trainer's data-parallel run, in smoke mode: two worker processes
 * on 127.0.0.1 (what {@code --nproc 2} starts) train the MLP for two epochs on 2,048 images with
 * DistributedDataParallel; the loss over both ranks' shares goes down, only rank 0 evaluates and
 * prints, and both workers exit 0.
 */
class DataParallelSmokeTest {

  private static final Pattern EPOCH = Pattern.compile(
      "\\[rank 0\\] epoch (\\d)/2 .*all ranks: loss ([0-9.]+) .*test accuracy ([0-9.]+)%");

  @Test
  void twoProcesses_learn_andOnlyRankZeroReports() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = Launcher.run(new String[] {"--nproc", "2",
        FashionMnistTrainer.class.getName(), "--model", "mlp", "--hidden", "64", "--epochs", "2",
        "--limit", "2048", "--batch-size", "64", "--threads", "1", "--no-logs"}, out, out);
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertWithMessage(log).that(code).isEqualTo(0);
    List<Double> losses = new ArrayList<>();
    for (String line : log.split("\n")) {
      Matcher m = EPOCH.matcher(line);
      if (m.find()) {
        losses.add(Double.parseDouble(m.group(2)));
        assertWithMessage(line).that(Double.parseDouble(m.group(3))).isGreaterThan(10.0);
      }
    }
    assertWithMessage(log).that(losses).hasSize(2);
    assertWithMessage(log).that(losses.get(1)).isLessThan(losses.get(0));
    assertWithMessage(log).that(log).contains("data-parallel on 2 processes, 32 images each");
    assertWithMessage("rank 1 prints no epoch lines: " + log)
        .that(log).doesNotContain("[rank 1] epoch");
  }
}
