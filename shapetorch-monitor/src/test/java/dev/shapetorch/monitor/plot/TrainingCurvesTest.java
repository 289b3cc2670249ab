package dev.shapetorch.monitor.plot;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrainingCurves}: what each chart shows (titles, axes, series, points) and the PNG. The
 * test leaves {@code target/plots/curves.png} to look at.
 */
class TrainingCurvesTest {

  @TempDir Path dir;

  static TrainingCurves sample() {
    return new TrainingCurves("Fashion-MNIST, cnn")
        .addEpoch(0.52, 0.41, 0.81, 0.85)
        .addEpoch(0.33, 0.31, 0.88, 0.89)
        .addEpoch(0.27, 0.29, 0.90, 0.895)
        .addEpoch(0.23, Double.NaN, 0.915, Double.NaN);
  }

  private static double[] ys(XYSeries s) {
    return s.getYData();
  }

  @Test
  void charts_lossAndAccuracy_trainAndTest() {
    List<XYChart> charts = sample().charts();
    assertThat(charts).hasSize(2);
    XYChart loss = charts.get(0);
    XYChart accuracy = charts.get(1);
    assertThat(loss.getTitle()).isEqualTo("Fashion-MNIST, cnn: loss");
    assertThat(loss.getXAxisTitle()).isEqualTo("epoch");
    assertThat(loss.getYAxisTitle()).isEqualTo("mean cross-entropy");
    assertThat(accuracy.getTitle()).isEqualTo("Fashion-MNIST, cnn: accuracy");
    assertThat(accuracy.getYAxisTitle()).isEqualTo("accuracy (%)");
    assertThat(loss.getSeriesMap().keySet()).containsExactly("train", "test").inOrder();
    assertThat(ys(loss.getSeriesMap().get("train")))
        .usingExactEquality().containsExactly(0.52, 0.33, 0.27, 0.23).inOrder();
    // the unmeasured test figure of epoch 4 is left out, not drawn as 0
    assertThat(loss.getSeriesMap().get("test").getXData())
        .usingExactEquality().containsExactly(1.0, 2.0, 3.0).inOrder();
    assertThat(ys(accuracy.getSeriesMap().get("test")))
        .usingTolerance(1e-9).containsExactly(85.0, 89.0, 89.5).inOrder();
  }

  @Test
  void aNamedHeldOutSeries_isNamedInBothCharts_andTrainIsRefusedAsItsName() {
    List<XYChart> charts = new TrainingCurves("GPT", "validation")
        .addEpoch(2.5, 2.4, 0.3, 0.31).charts();
    assertThat(charts.get(0).getSeriesMap().keySet())
        .containsExactly("train", "validation").inOrder();
    assertThat(charts.get(1).getSeriesMap().keySet())
        .containsExactly("train", "validation").inOrder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainingCurves("GPT", "train"));
    assertThat(e).hasMessageThat().isEqualTo("TrainingCurves: the held-out series needs a name"
        + " other than \"train\", got \"train\"");
  }

  @Test
  void savePng_writesBothChartsSideBySide() throws IOException {
    Path file = Path.of("target", "plots", "curves.png");
    sample().savePng(file);
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(1280);
    assertThat(png.getHeight()).isEqualTo(460);
  }

  @Test
  void noAccuracyMeasured_theLossChartAlone() throws IOException {
    TrainingCurves curves = new TrainingCurves("autoencoder")
        .addEpoch(0.32, 0.29, Double.NaN, Double.NaN)
        .addEpoch(0.28, 0.28, Double.NaN, Double.NaN);
    List<XYChart> charts = curves.charts();
    assertThat(charts).hasSize(1);
    assertThat(charts.get(0).getTitle()).isEqualTo("autoencoder: loss");
    assertThat(charts.get(0).getSeriesMap().keySet()).containsExactly("train", "test").inOrder();
    Path file = dir.resolve("loss.png");
    curves.savePng(file);
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(640);
    assertThat(png.getHeight()).isEqualTo(460);
  }

  @Test
  void oneAccuracyMeasured_bothCharts() {
    TrainingCurves curves = new TrainingCurves("t")
        .addEpoch(0.5, 0.4, Double.NaN, Double.NaN)
        .addEpoch(0.4, 0.3, Double.NaN, 0.8);
    assertThat(curves.charts()).hasSize(2);
  }

  @Test
  void addEpoch_percentageInsteadOfFraction_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainingCurves("t").addEpoch(0.5, 0.5, 85, 0.8));
    assertThat(e).hasMessageThat().isEqualTo("TrainingCurves.addEpoch: accuracy 85.0 of epoch 1"
        + " is not a fraction in [0, 1]; divide a percentage by 100");
  }
}
