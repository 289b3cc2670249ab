package dev.shapetorch.monitor.tensorboard;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.utils.GridOptions;
import dev.shapetorch.vision.utils.VisionUtils;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Writes TensorBoard logs, as PyTorch's {@code torch.utils.tensorboard.SummaryWriter}: scalars,
 * text, histograms and images, each at a global step, into an event file of a log directory
 * that {@code tensorboard --logdir runs} shows while training runs.
 *
 * <p>The file is {@code events.out.tfevents.<seconds>.<host>.<pid>.<n>}, named as PyTorch names
 * it, in TensorFlow's format: TFRecord framing (length, masked CRC-32C, data, masked CRC-32C)
 * around {@code Event} protocol buffers, the first announcing {@code brain.Event:2}. Events are
 * buffered and reach the file every 10 events, every 2 minutes (checked as events are added),
 * on {@link #flush()} and on {@link #close()}, as PyTorch's {@code max_queue=10,
 * flush_secs=120}. A writer may be shared by threads.
 *
 * <pre>{@code
 * try (SummaryWriter writer = new SummaryWriter(Path.of("runs", "fashion"))) {
 *   for (int epoch = 0; epoch < epochs; epoch++) {
 *     ...
 *     writer.addScalar("loss/train", trainLoss, epoch);
 *     writer.addScalar("accuracy/test", accuracy, epoch);
 *     writer.addHistogram("conv1.weight", model.conv1.weight(), epoch);
 *   }
 * }
 * }</pre>
 */
public final class SummaryWriter implements AutoCloseable, Flushable {

  private static final int MAX_QUEUE = 10;
  private static final long FLUSH_NANOS = 120_000_000_000L;
  private static final AtomicLong FILE_COUNTER = new AtomicLong();

  private final Path logDir;
  private final Path file;
  private final OutputStream out;
  private int pending;
  private long lastFlush;
  private boolean closed;

  /**
   * A writer into {@code runs/<Mon><dd>_<HH>-<mm>-<ss>_<host>}, PyTorch's default log
   * directory (e.g. {@code runs/Dec06_12-30-05_box}).
   *
   * @throws UncheckedIOException if the directory or the file cannot be created
   */
  public SummaryWriter() {
    this(Path.of("runs", LocalDateTime.now().format(
        DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ROOT)) + "_" + hostName()));
  }

  /**
   * A writer into a new event file of {@code logDir} (created with its parents if missing),
   * which already holds the file-version event.
   *
   * @throws UncheckedIOException if the directory or the file cannot be created
   */
  public SummaryWriter(Path logDir) {
    this.logDir = logDir;
    double now = wallTime();
    String name = String.format(Locale.ROOT, "events.out.tfevents.%010d.%s.%d.%d", (long) now,
        hostName(), ProcessHandle.current().pid(), FILE_COUNTER.getAndIncrement());
    this.file = logDir.resolve(name);
    try {
      Files.createDirectories(logDir);
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      TfRecords.write(out, Summaries.fileVersionEvent(now));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("SummaryWriter: cannot create the event file " + file + ": "
          + e.getMessage() + "; check that " + logDir + " is a writable directory", e);
    }
    lastFlush = System.nanoTime();
  }

  /** The log directory, the one to give {@code tensorboard --logdir} (or its parent). */
  public Path logDir() {
    return logDir;
  }

  /** The event file this writer writes. */
  public Path file() {
    return file;
  }

  /**
   * Adds a scalar ({@code add_scalar}); TensorBoard draws one curve per tag, over the steps.
   * The value is stored as a float, as TensorBoard's {@code simple_value} is.
   */
  public void addScalar(String tag, double value, long step) {
    write("SummaryWriter.addScalar", step, Summaries.scalar(tag(tag), (float) value));
  }

  /**
   * Adds text ({@code add_text}), shown by TensorBoard's Text tab, which renders Markdown. The
   * tag becomes {@code tag + "/text_summary"}, as PyTorch stores it.
   */
  public void addText(String tag, String text, long step) {
    write("SummaryWriter.addText", step, Summaries.text(tag(tag), text));
  }

  /**
   * Adds the histogram of a tensor's values ({@code add_histogram}), binned as PyTorch's default
   * {@code bins="tensorflow"} ({@link Histogram#of(double[])}): weights and gradients over the
   * steps. The tensor may have any shape, dtype and device.
   *
   * <p>Shape: any; all {@code numel()} values are counted.
   *
   * @throws IllegalArgumentException if the tensor has no element
   */
  public void addHistogram(String tag, Tensor values, long step) {
    addHistogram(tag, values.toDoubleArray(), step);
  }

  /** Adds the histogram of {@code values}, as {@link #addHistogram(String, Tensor, long)}. */
  public void addHistogram(String tag, double[] values, long step) {
    String op = "SummaryWriter.addHistogram";
    if (values.length == 0) {
      throw new IllegalArgumentException(op + ": '" + tag + "' has no values; a histogram needs"
          + " at least one");
    }
    write(op, step, Summaries.histogram(tag(tag), Histogram.of(values)));
  }

  /**
   * Adds an image ({@code add_image}): float values in [0, 1] are scaled by 255 (clamped, then
   * truncated, as PyTorch converts them), uint8 values are taken as they are; one channel is
   * repeated into RGB. Stored as PNG.
   *
   * <p>Shape: {@code [C, H, W]}, {@code C} 1, 3 or 4.
   *
   * @throws IllegalArgumentException for another shape
   */
  public void addImage(String tag, Tensor image, long step) {
    String op = "SummaryWriter.addImage";
    write(op, step, Summaries.image(tag(tag), encode(op, image)));
  }

  /**
   * Adds a batch of images as one, tiled 8 to a row without padding ({@link
   * VisionUtils#makeGrid}), as PyTorch's {@code add_images} does.
   *
   * <p>Shape: {@code [N, C, H, W]}, {@code C} 1, 3 or 4.
   *
   * @throws IllegalArgumentException for another shape
   */
  public void addImages(String tag, Tensor images, long step) {
    String op = "SummaryWriter.addImages";
    if (images.dim() != 4) {
      throw new IllegalArgumentException(op + ": expected images [N, C, H, W], got shape "
          + Arrays.toString(images.shape()) + "; for one image [C, H, W] use addImage");
    }
    Tensor grid = VisionUtils.makeGrid(images, GridOptions.defaults().withPadding(0));
    write(op, step, Summaries.image(tag(tag), encode(op, grid)));
  }

  /**
   * Adds the run's hyperparameters and final metrics for TensorBoard's HParams tab, as PyTorch's
   * {@code add_hparams}: into a new subdirectory of the log directory named by the wall time, an
   * event file holding the experiment (each hyperparameter's name and type, each metric's tag),
   * the session's hyperparameter values and its end, then each metric as a scalar at step 0.
   * Values are numbers, strings or booleans (null values are left out).
   *
   * @return the subdirectory written
   * @throws IllegalArgumentException for a value of another type
   */
  public Path addHparams(java.util.Map<String, ?> hparams, java.util.Map<String, Double> metrics) {
    String op = "SummaryWriter.addHparams";
    double now = wallTime();
    java.util.List<byte[]> events = HParams.events(op, hparams, metrics, now);
    // named as str(time.time()) names it, e.g. 1765000000.862
    Path run = logDir.resolve(java.math.BigDecimal.valueOf(now).toPlainString());
    try (SummaryWriter child = new SummaryWriter(run)) {
      for (byte[] event : events) {
        child.writeEvent(op, event);
      }
      for (var metric : metrics.entrySet()) {
        child.addScalar(metric.getKey(), metric.getValue(), 0);
      }
    }
    return run;
  }

  /** Writes the buffered events to the file. */
  @Override
  public synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("SummaryWriter.flush: cannot write " + file + ": "
          + e.getMessage(), e);
    }
    pending = 0;
    lastFlush = System.nanoTime();
  }

  /** Flushes and closes the file; later calls to {@code add...} fail, {@code close} again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      flush();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("SummaryWriter.close: cannot close " + file + ": "
          + e.getMessage(), e);
    } finally {
      closed = true;
    }
  }

  // ------------------------------------------------------------------------------ internals

  private void write(String op, long step, ProtoWriter value) {
    writeEvent(op, Summaries.event(wallTime(), step, value));
  }

  private synchronized void writeEvent(String op, byte[] event) {
    if (closed) {
      throw new IllegalStateException(op + ": the writer of " + file + " is closed; open a new"
          + " SummaryWriter to log more");
    }
    try {
      TfRecords.write(out, event);
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": cannot write " + file + ": " + e.getMessage(), e);
    }
    pending++;
    if (pending >= MAX_QUEUE || System.nanoTime() - lastFlush >= FLUSH_NANOS) {
      flush();
    }
  }

  private static String tag(String tag) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("SummaryWriter: a tag must be a non-empty name, such as"
          + " loss/train");
    }
    return tag;
  }

  private static double wallTime() {
    return System.currentTimeMillis() / 1000.0;
  }

  /** The PNG of an image {@code [C, H, W]}, converted as PyTorch's {@code add_image}. */
  static EncodedImage encode(String op, Tensor image) {
    long[] s = image.shape();
    if (s.length != 3 || (s[0] != 1 && s[0] != 3 && s[0] != 4) || s[1] == 0 || s[2] == 0) {
      throw new IllegalArgumentException(op + ": expected an image [C, H, W] with C 1, 3 or 4 and"
          + " H, W above 0, got shape " + Arrays.toString(s)
          + "; permute [H, W, C] images to [C, H, W] first");
    }
    int c = (int) s[0];
    int h = (int) s[1];
    int w = (int) s[2];
    boolean bytes = image.dtype() == DType.UINT8;
    double[] v = image.toDoubleArray();
    int plane = h * w;
    BufferedImage picture = new BufferedImage(w, h,
        c == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        int r = toByte(v[i], bytes);
        int g = c == 1 ? r : toByte(v[plane + i], bytes);
        int b = c == 1 ? r : toByte(v[2 * plane + i], bytes);
        int a = c == 4 ? toByte(v[3 * plane + i], bytes) : 255;
        picture.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | b);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": PNG encoding failed: " + e.getMessage(), e);
    }
    return new EncodedImage(h, w, c == 4 ? 4 : 3, png.toByteArray());
  }

  /** PyTorch's {@code (x * 255).clip(0, 255).astype(uint8)} for floats; bytes as they are. */
  private static int toByte(double value, boolean isByte) {
    double scaled = isByte ? value : (double) ((float) value * 255f);
    if (!(scaled > 0)) {
      return 0;
    }
    return (int) Math.min(scaled, 255);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
