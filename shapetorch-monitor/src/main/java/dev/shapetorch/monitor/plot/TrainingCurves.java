package dev.shapetorch.monitor.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy per epoch, training beside test, drawn as two line charts side by side
 * (XChart) and written as one PNG: the picture to look at after a run, or to put in a report.
 * Add one epoch at a time; a figure that was not measured is {@code NaN} and left out of its
 * curve. A model without an accuracy (an autoencoder, a language model) passes {@code NaN} for
 * both accuracies of every epoch: the accuracy chart is then left out, and the PNG is the loss
 * chart alone.
 *
 * <pre>{@code
 * TrainingCurves curves = new TrainingCurves("Fashion-MNIST, cnn");
 * curves.addEpoch(0.52, 0.41, 0.81, 0.85);
 * curves.addEpoch(0.33, 0.31, 0.88, 0.89);
 * curves.savePng(Path.of("runs/curves.png"));
 * }</pre>
 */
public final class TrainingCurves {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 460;

  private final String title;
  private final String heldOut;
  private final List<double[]> epochs = new ArrayList<>();

  /**
   * Curves whose charts are titled {@code "<title>: loss"} and {@code "<title>: accuracy"}, with
   * the series {@code train} and {@code test}.
   */
  public TrainingCurves(String title) {
    this(title, "test");
  }

  /**
   * As {@link #TrainingCurves(String)}, naming the held-out series {@code heldOut} in the legends
   * (e.g. {@code "validation"}) instead of {@code test}.
   *
   * @throws IllegalArgumentException if {@code heldOut} is blank or {@code "train"}
   */
  public TrainingCurves(String title, String heldOut) {
    if (heldOut == null || heldOut.isBlank() || heldOut.equals("train")) {
      throw new IllegalArgumentException("TrainingCurves: the held-out series needs a name other"
          + " than \"train\", got " + (heldOut == null ? "null" : "\"" + heldOut + "\""));
    }
    this.title = title;
    this.heldOut = heldOut;
  }

  /**
   * Adds the next epoch's mean training loss, test loss, and training and test accuracy (each a
   * fraction in [0, 1]); {@code NaN} for one not measured.
   *
   * @return this, for chaining
   * @throws IllegalArgumentException for an accuracy outside [0, 1]
   */
  public synchronized TrainingCurves addEpoch(double trainLoss, double testLoss,
      double trainAccuracy, double testAccuracy) {
    for (double a : new double[] {trainAccuracy, testAccuracy}) {
      if (!Double.isNaN(a) && (a < 0 || a > 1)) {
        throw new IllegalArgumentException("TrainingCurves.addEpoch: accuracy " + a + " of epoch "
            + (epochs.size() + 1) + " is not a fraction in [0, 1]; divide a percentage by 100");
      }
    }
    epochs.add(new double[] {trainLoss, testLoss, trainAccuracy, testAccuracy});
    return this;
  }

  /** The number of epochs added. */
  public synchronized int epochs() {
    return epochs.size();
  }

  /** The loss chart and the accuracy chart; the loss chart alone when no accuracy was measured. */
  synchronized List<XYChart> charts() {
    XYChart loss = chart(title + ": loss", "mean cross-entropy");
    XYChart accuracy = chart(title + ": accuracy", "accuracy (%)");
    addSeries(loss, "train", 0, 1);
    addSeries(loss, heldOut, 1, 1);
    addSeries(accuracy, "train", 2, 100);
    addSeries(accuracy, heldOut, 3, 100);
    pad(loss);
    pad(accuracy);
    return accuracy.getSeriesMap().isEmpty() ? List.of(loss) : List.of(loss, accuracy);
  }

  /**
   * Both charts, side by side (1280 x 460 pixels); the loss chart alone (640 x 460) when no
   * accuracy was measured.
   */
  public BufferedImage toImage() {
    return Charts.sideBySide(charts());
  }

  /** Writes {@link #toImage()} as a PNG (creating missing directories). */
  public void savePng(Path file) {
    Charts.savePng("TrainingCurves.savePng", toImage(), file);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("epoch").yAxisTitle(yTitle).build();
    Charts.style(chart.getStyler());
    chart.getStyler().setAxisTitleFont(Charts.AXIS_TITLE);
    chart.getStyler().setAxisTickLabelsFont(Charts.LABELS);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new java.awt.Color(225, 225, 225));
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setMarkerSize(7);
    return chart;
  }

  /** Leaves 5% of the data's range free above and below, so that no point sits on the frame. */
  private static void pad(XYChart chart) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (XYSeries s : chart.getSeriesMap().values()) {
      for (double y : s.getYData()) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    if (min <= max) {
      double margin = max > min ? 0.05 * (max - min) : Math.max(1e-3, Math.abs(max) * 0.05);
      chart.getStyler().setYAxisMin(min - margin);
      chart.getStyler().setYAxisMax(max + margin);
    }
  }

  private void addSeries(XYChart chart, String name, int column, double scale) {
    List<Integer> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int e = 0; e < epochs.size(); e++) {
      double v = epochs.get(e)[column];
      if (Double.isFinite(v)) {
        x.add(e + 1);
        y.add(v * scale);
      }
    }
    if (!x.isEmpty()) {
      XYSeries s = chart.addSeries(name, x, y);
      s.setMarker(name.equals("train") ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
    }
  }
}
