package dev.shapetorch.monitor.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** What the charts share: readable fonts on a white background, and PNG output. */
final class Charts {

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private Charts() {}

  static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setChartTitleFont(TITLE);
    styler.setLegendFont(LABELS);
    styler.setChartTitleBoxVisible(false);
  }

  /** The charts side by side in one image. */
  static BufferedImage sideBySide(List<? extends Chart<?, ?>> charts) {
    int width = 0;
    int height = 0;
    for (Chart<?, ?> c : charts) {
      width += c.getWidth();
      height = Math.max(height, c.getHeight());
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int x = 0;
      for (Chart<?, ?> c : charts) {
        g.drawImage(BitmapEncoder.getBufferedImage(c), x, 0, null);
        x += c.getWidth();
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes {@code image} as a PNG, creating missing parent directories. */
  static void savePng(String op, BufferedImage image, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
