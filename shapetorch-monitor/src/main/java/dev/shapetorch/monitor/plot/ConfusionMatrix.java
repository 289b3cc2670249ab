package dev.shapetorch.monitor.plot;

import dev.shapetorch.tensor.Tensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A confusion matrix: how often each true class was predicted as each class, counted batch by
 * batch, and drawn as a heat map with the counts written in the cells (XChart), true classes
 * down the side, predictions along the bottom.
 *
 * <pre>{@code
 * ConfusionMatrix matrix = new ConfusionMatrix(testSet.classes());
 * for (List<Tensor> batch : testLoader) {
 *   matrix.add(model.forward(batch.get(0)).argmax(1), batch.get(1));
 * }
 * matrix.savePng(Path.of("runs/confusion.png"), "Fashion-MNIST test set");
 * }</pre>
 */
public final class ConfusionMatrix {

  private final List<String> classes;
  private final long[][] counts;

  /**
   * An empty matrix over the classes named, in label order.
   *
   * @throws IllegalArgumentException for fewer than two classes
   */
  public ConfusionMatrix(List<String> classNames) {
    if (classNames.size() < 2) {
      throw new IllegalArgumentException("ConfusionMatrix: " + classNames.size()
          + " class names " + classNames + "; name two or more, in label order");
    }
    this.classes = List.copyOf(classNames);
    this.counts = new long[classes.size()][classes.size()];
  }

  /**
   * Counts a batch: the predicted labels against the true ones.
   *
   * <p>Shape: {@code predicted [B]} and {@code actual [B]}, integer labels in {@code [0,
   * classes)}.
   *
   * @throws IllegalArgumentException if the shapes differ or a label is out of range
   */
  public void add(Tensor predicted, Tensor actual) {
    if (!Arrays.equals(predicted.shape(), actual.shape()) || predicted.dim() != 1) {
      throw new IllegalArgumentException("ConfusionMatrix.add: predicted "
          + Arrays.toString(predicted.shape()) + " and actual " + Arrays.toString(actual.shape())
          + " must both be [B], one label per item; take argmax(1) of the logits first");
    }
    add(predicted.toLongArray(), actual.toLongArray());
  }

  /**
   * Counts predictions against true labels, pair by pair.
   *
   * @throws IllegalArgumentException if the lengths differ or a label is out of range
   */
  public synchronized void add(long[] predicted, long[] actual) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException("ConfusionMatrix.add: " + predicted.length
          + " predictions but " + actual.length + " true labels; give one of each per item");
    }
    int n = classes.size();
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] < 0 || predicted[i] >= n || actual[i] < 0 || actual[i] >= n) {
        throw new IllegalArgumentException("ConfusionMatrix.add: item " + i + " has predicted "
            + predicted[i] + " and true label " + actual[i] + "; labels run from 0 to " + (n - 1)
            + " (" + n + " classes)");
      }
    }
    for (int i = 0; i < predicted.length; i++) {
      counts[(int) actual[i]][(int) predicted[i]]++;
    }
  }

  /** How many items of true class {@code actual} were predicted as {@code predicted}. */
  public synchronized long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** The class names, in label order. */
  public List<String> classNames() {
    return classes;
  }

  /** The fraction of items on the diagonal (NaN before any item). */
  public synchronized double accuracy() {
    long right = 0;
    long all = 0;
    for (int a = 0; a < counts.length; a++) {
      for (int p = 0; p < counts.length; p++) {
        all += counts[a][p];
        if (a == p) {
          right += counts[a][p];
        }
      }
    }
    return all == 0 ? Double.NaN : (double) right / all;
  }

  /** The heat map titled {@code "<title> (accuracy <a>%)"}. */
  synchronized HeatMapChart chart(String title) {
    int n = classes.size();
    HeatMapChart chart = new HeatMapChartBuilder().width(760).height(700)
        .title(String.format(java.util.Locale.ROOT, "%s (accuracy %.2f%%)", title,
            100 * accuracy()))
        .xAxisTitle("predicted class").yAxisTitle("true class").build();
    Charts.style(chart.getStyler());
    chart.getStyler().setAxisTitleFont(Charts.AXIS_TITLE);
    chart.getStyler().setAxisTickLabelsFont(Charts.LABELS);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setValueFont(Charts.LABELS);
    chart.getStyler().setValueFontColor(Color.BLACK);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setRangeColors(new Color[] {
        new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 81, 156)});
    // the first true class at the top: the y axis runs upwards, so its categories go in reverse
    List<String> yClasses = new ArrayList<>(classes);
    java.util.Collections.reverse(yClasses);
    List<Number[]> cells = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int p = 0; p < n; p++) {
        cells.add(new Number[] {p, n - 1 - a, counts[a][p]});
      }
    }
    chart.addSeries("counts", classes, yClasses, cells);
    return chart;
  }

  /** The heat map as an image (760 x 700 pixels). */
  public BufferedImage toImage(String title) {
    return org.knowm.xchart.BitmapEncoder.getBufferedImage(chart(title));
  }

  /** Writes {@link #toImage(String)} as a PNG (creating missing directories). */
  public void savePng(Path file, String title) {
    Charts.savePng("ConfusionMatrix.savePng", toImage(title), file);
  }
}
