package dev.shapetorch.monitor.plot;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfusionMatrix}: the counts, the accuracy, and what the heat map shows. The test leaves
 * {@code target/plots/confusion.png} to look at.
 */
class ConfusionMatrixTest {

  static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  @Test
  void add_countsTrueAgainstPredicted() {
    ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"));
    m.add(Torch.fromArray(new long[] {0, 1, 2, 2, 1}, 5), Torch.fromArray(new long[] {0, 1, 2, 1, 0}, 5));
    assertThat(m.count(0, 0)).isEqualTo(1);
    assertThat(m.count(1, 2)).isEqualTo(1);
    assertThat(m.count(0, 1)).isEqualTo(1);
    assertThat(m.count(2, 2)).isEqualTo(1);
    assertThat(m.accuracy()).isWithin(1e-12).of(3.0 / 5);
  }

  @Test
  void chart_putsTheFirstClassAtTheTop_andTitlesTheAccuracy() {
    ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
    m.add(new long[] {0, 0, 1}, new long[] {0, 1, 1});
    HeatMapChart chart = m.chart("test set");
    assertThat(chart.getTitle()).isEqualTo("test set (accuracy 66.67%)");
    assertThat(chart.getXAxisTitle()).isEqualTo("predicted class");
    assertThat(chart.getYAxisTitle()).isEqualTo("true class");
    HeatMapSeries s = chart.getHeatMapSeries();
    assertThat(s.getXData()).containsExactly("a", "b").inOrder();
    assertThat(s.getYData()).containsExactly("b", "a").inOrder();
    // true b (y index 0, the bottom row) predicted a (x index 0): 1
    assertThat(s.getHeatData()).comparingElementsUsing(
        com.google.common.truth.Correspondence.<Number[], String>transforming(
            c -> c[0] + "," + c[1] + "=" + c[2], "cell"))
        .containsExactly("0,1=1", "1,1=0", "0,0=1", "1,0=1");
  }

  @Test
  void savePng_fashionClasses() throws IOException {
    ConfusionMatrix m = new ConfusionMatrix(FASHION);
    java.util.Random random = new java.util.Random(17);
    long[] predicted = new long[2000];
    long[] actual = new long[2000];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = i % 10;
      predicted[i] = random.nextInt(10) < 8 ? actual[i] : random.nextInt(10);
    }
    m.add(predicted, actual);
    Path file = Path.of("target", "plots", "confusion.png");
    m.savePng(file, "Fashion-MNIST test set");
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(760);
    assertThat(png.getHeight()).isEqualTo(700);
  }

  @Test
  void add_labelOutOfRange_namesItemAndRange() {
    ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.add(new long[] {0, 2}, new long[] {0, 1}));
    assertThat(e).hasMessageThat().isEqualTo("ConfusionMatrix.add: item 1 has predicted 2 and"
        + " true label 1; labels run from 0 to 1 (2 classes)");
    assertThat(m.count(0, 0)).isEqualTo(0);
  }
}
