package dev.shapetorch.monitor.progress;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The progress of one pass of a training or evaluation loop (an epoch, a test run): items done of
 * the total, items per second, the time left, and the running mean loss and accuracy, as {@code
 * tqdm} shows them in PyTorch loops.
 *
 * <p>On a terminal it is a live bar (the {@code me.tongfei:progressbar} library, on standard
 * error); elsewhere (CI logs, a file, a pipe) it writes nothing while the loop runs and one line
 * when it closes ({@link #summary()}), on standard output:
 *
 * <pre>
 * epoch 1/6  60000/60000 items  12.3 s  4878 items/s  loss 0.4213  accuracy 87.12%
 * </pre>
 *
 * <pre>{@code
 * try (TrainingProgress progress = TrainingProgress.start("epoch 1/6", train.size())) {
 *   for (List<Tensor> batch : loader) {
 *     ...
 *     progress.update(y.size(0), loss.item(), logits.argmax(1).eq(y).sum().itemLong());
 *   }
 * }
 * }</pre>
 */
public final class TrainingProgress implements AutoCloseable {

  /** How the progress is shown. */
  public enum Display {
    /** A live bar, redrawn in place: for a terminal. */
    BAR,
    /** One line when the pass ends: for logs. */
    LINE
  }

  private final String task;
  private final long total;
  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final ProgressBar bar;
  private long done;
  private double lossSum;
  private long lossItems;
  private long correct;
  private long judged;
  private long lastUpdateNanos;
  private String postfix = "";
  private boolean closed;

  private TrainingProgress(String task, long total, Display display, PrintStream out,
      LongSupplier nanoClock, int width) {
    if (total < 0) {
      throw new IllegalArgumentException("TrainingProgress.start: total " + total + " of '" + task
          + "' must be 0 or more items (0 if unknown)");
    }
    this.task = task;
    this.total = total;
    this.out = out;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastUpdateNanos = startNanos;
    this.bar = display == Display.BAR ? new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total == 0 ? -1 : total)
        .setUnit(" items", 1)
        .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(250)
        .setConsumer(width > 0 ? new ConsoleProgressBarConsumer(out, width)
            : new ConsoleProgressBarConsumer(out))
        .build() : null;
  }

  /**
   * Starts the progress of a pass over {@code total} items (0 if unknown): a bar when standard
   * output is a terminal, else one line at the end ({@link #displayForThisProcess()}). The bar
   * goes to standard error, the line to standard output.
   */
  public static TrainingProgress start(String task, long total) {
    Display display = displayForThisProcess();
    return start(task, total, display, display == Display.BAR ? System.err : System.out);
  }

  /** Starts the progress of a pass with the display and the stream given. */
  public static TrainingProgress start(String task, long total, Display display, PrintStream out) {
    return new TrainingProgress(task, total, display, out, System::nanoTime, 0);
  }

  /** For tests: a bar of a fixed width (a terminal's width is found by the library). */
  static TrainingProgress bar(String task, long total, PrintStream out, int width) {
    return new TrainingProgress(task, total, Display.BAR, out, System::nanoTime, width);
  }

  /** For tests: a line display with a given clock, so that its line is known to the character. */
  static TrainingProgress lines(String task, long total, PrintStream out, LongSupplier nanoClock) {
    return new TrainingProgress(task, total, Display.LINE, out, nanoClock, 0);
  }

  /**
   * {@link Display#BAR} when this process has an interactive console (a terminal on both
   * standard input and output), else {@link Display#LINE}; the environment variable {@code
   * SHAPETORCH_PROGRESS} ({@code bar} or {@code line}) overrides it.
   */
  public static Display displayForThisProcess() {
    String forced = System.getenv("SHAPETORCH_PROGRESS");
    if ("bar".equalsIgnoreCase(forced)) {
      return Display.BAR;
    }
    if ("line".equalsIgnoreCase(forced)) {
      return Display.LINE;
    }
    java.io.Console console = System.console();
    if (console == null) {
      return Display.LINE;
    }
    // JDK 22+ returns a console for redirected streams too; Console.isTerminal() tells them apart
    try {
      Object terminal = java.io.Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal) ? Display.BAR : Display.LINE;
    } catch (ReflectiveOperationException e) {
      return Display.BAR; // JDK 17 to 21: a console is a terminal
    }
  }

  /** Records {@code items} more items done, with their mean loss (no accuracy). */
  public void update(long items, double meanLoss) {
    record(items, meanLoss, -1);
  }

  /**
   * Records {@code items} more items done, with their mean loss and how many of them were
   * predicted right.
   *
   * @throws IllegalArgumentException if {@code correct} is negative or above {@code items}
   */
  public void update(long items, double meanLoss, long correct) {
    if (correct < 0 || correct > items) {
      throw new IllegalArgumentException("TrainingProgress.update: " + correct + " correct of "
          + items + " items in '" + task + "'; give 0 to " + items);
    }
    record(items, meanLoss, correct);
  }

  private synchronized void record(long items, double meanLoss, long right) {
    if (closed) {
      throw new IllegalStateException("TrainingProgress.update: '" + task + "' is closed; start"
          + " a new TrainingProgress for the next pass");
    }
    if (items < 0) {
      throw new IllegalArgumentException("TrainingProgress.update: " + items + " items in '"
          + task + "'; give the batch size, 0 or more");
    }
    done += items;
    lastUpdateNanos = nanoClock.getAsLong();
    if (!Double.isNaN(meanLoss)) {
      lossSum += meanLoss * items;
      lossItems += items;
    }
    if (right >= 0) {
      correct += right;
      judged += items;
    }
    if (bar != null) {
      bar.stepBy(items);
      bar.setExtraMessage(" " + metrics());
    }
  }

  /**
   * Text shown after the figures, as tqdm's {@code set_postfix}: e.g. the test accuracy measured
   * after the training pass, before {@link #close()} prints the line.
   */
  public synchronized void setPostfix(String text) {
    postfix = text == null ? "" : text;
    if (bar != null && !closed) {
      bar.setExtraMessage(" " + metrics() + (postfix.isEmpty() ? "" : "  " + postfix));
    }
  }

  /** Items done so far. */
  public synchronized long done() {
    return done;
  }

  /** The mean loss per item so far (NaN before any loss). */
  public synchronized double meanLoss() {
    return lossItems == 0 ? Double.NaN : lossSum / lossItems;
  }

  /** The fraction of items predicted right so far (NaN when no update gave a count). */
  public synchronized double accuracy() {
    return judged == 0 ? Double.NaN : (double) correct / judged;
  }

  /**
   * The pass in one line: {@code <task>  <done>/<total> items  <s> s  <rate> items/s  loss
   * <mean>  accuracy <percent>%  <postfix>}, leaving out what is unknown (the total, the loss,
   * the accuracy, the postfix). The time and the rate are those of the updates: from the start
   * to the last update.
   */
  public synchronized String summary() {
    double seconds = (lastUpdateNanos - startNanos) / 1e9;
    StringBuilder line = new StringBuilder(task).append("  ").append(done);
    if (total > 0) {
      line.append('/').append(total);
    }
    line.append(" items  ").append(String.format(Locale.ROOT, "%.1f s", seconds));
    if (seconds > 0) {
      line.append(String.format(Locale.ROOT, "  %.0f items/s", done / seconds));
    }
    String metrics = metrics();
    if (!metrics.isEmpty()) {
      line.append("  ").append(metrics);
    }
    if (!postfix.isEmpty()) {
      line.append("  ").append(postfix);
    }
    return line.toString();
  }

  private String metrics() {
    StringBuilder s = new StringBuilder();
    if (lossItems > 0) {
      s.append(String.format(Locale.ROOT, "loss %.4f", lossSum / lossItems));
    }
    if (judged > 0) {
      s.append(s.length() > 0 ? "  " : "")
          .append(String.format(Locale.ROOT, "accuracy %.2f%%", 100.0 * correct / judged));
    }
    return s.toString();
  }

  /** Ends the pass: the bar is drawn complete, or the line is printed. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (bar != null) {
      bar.close();
    } else {
      out.println(summary());
      out.flush();
    }
  }
}
