package dev.shapetorch.monitor.progress;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link TrainingProgress}: the line a log gets, to the character, and the live bar's content. */
class TrainingProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void lineMode_printsNothingWhileRunning_thenOneExactLine() {
    TrainingProgress p = TrainingProgress.lines("epoch 1/6", 1000, out, clock::get);
    p.update(400, 0.5, 300);
    clock.addAndGet(2_500_000_000L);
    p.update(600, 0.25, 540);
    assertThat(printed()).isEmpty();
    // time after the last update (evaluation, say) is not the pass's
    clock.addAndGet(7_000_000_000L);
    p.setPostfix("test accuracy 86.10%");
    p.close();
    // loss: (400 * 0.5 + 600 * 0.25) / 1000; accuracy: 840 / 1000; 1000 items in 2.5 s
    assertThat(printed()).isEqualTo(
        "epoch 1/6  1000/1000 items  2.5 s  400 items/s  loss 0.3500  accuracy 84.00%"
            + "  test accuracy 86.10%" + System.lineSeparator());
    p.close();
    assertThat(printed().lines().count()).isEqualTo(1);
  }

  @Test
  void lineMode_withoutAccuracyOrTotal_leavesThemOut() {
    try (TrainingProgress p = TrainingProgress.lines("test", 0, out, clock::get)) {
      clock.addAndGet(1_000_000_000L);
      p.update(10, 1.0);
    }
    assertThat(printed()).isEqualTo(
        "test  10 items  1.0 s  10 items/s  loss 1.0000" + System.lineSeparator());
  }

  @Test
  void runningFigures_areWeightedByItems() {
    TrainingProgress p = TrainingProgress.lines("t", 30, out, clock::get);
    p.update(10, 3.0, 10);
    p.update(20, 0.0, 5);
    assertThat(p.done()).isEqualTo(30);
    assertThat(p.meanLoss()).isWithin(1e-12).of(1.0);
    assertThat(p.accuracy()).isWithin(1e-12).of(0.5);
  }

  @Test
  void update_moreCorrectThanItems_isRefused() {
    TrainingProgress p = TrainingProgress.lines("epoch 2/6", 10, out, clock::get);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.update(4, 0.1, 5));
    assertThat(e).hasMessageThat()
        .isEqualTo("TrainingProgress.update: 5 correct of 4 items in 'epoch 2/6'; give 0 to 4");
  }

  @Test
  void update_afterClose_isRefused() {
    TrainingProgress p = TrainingProgress.lines("epoch 3/6", 10, out, clock::get);
    p.close();
    assertThrows(IllegalStateException.class, () -> p.update(1, 0.1));
  }

  @Test
  void barMode_drawsTaskCountsAndMetrics() {
    try (TrainingProgress p = TrainingProgress.bar("epoch 1/2", 100, out, 200)) {
      p.update(100, 0.125, 75);
      p.setPostfix("test accuracy 70.00%");
    }
    String drawn = printed();
    assertThat(drawn).contains("epoch 1/2");
    assertThat(drawn).contains("100/100");
    assertThat(drawn).contains("loss 0.1250  accuracy 75.00%  test accuracy 70.00%");
    assertThat(drawn).contains("items/s");
  }
}
