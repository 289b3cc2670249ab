package dev.shapetorch.vision.utils;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arguments {@link VisionUtils} refuses and the image types it writes. */
class VisionUtilsTest {

  @TempDir Path dir;

  @Test
  void makeGrid_fiveDims_namesTheShapeAndTheAcceptedOnes() {
    Tensor x = Torch.zeros(1, 1, 1, 2, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VisionUtils.makeGrid(x));
    assertThat(e).hasMessageThat().startsWith("VisionUtils.makeGrid: expected images [N, C, H, W]");
    assertThat(e).hasMessageThat().contains("[1, 1, 1, 2, 2]");
  }

  @Test
  void saveImage_twoChannels_saysWhichChannelCountsWork() {
    Tensor x = Torch.zeros(2, 2, 3, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VisionUtils.saveImage(x, dir.resolve("x.png")));
    assertThat(e).hasMessageThat()
        .startsWith("VisionUtils.saveImage: an image has 1 (grey), 3 (RGB) or 4 (RGBA) channels, not 2");
  }

  @Test
  void saveImage_unknownSuffix_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VisionUtils.saveImage(Torch.zeros(1, 3, 2, 2), dir.resolve("x.nope")));
    assertThat(e).hasMessageThat().contains("no image writer for the suffix '.nope'");
  }

  @Test
  void toPng_greyImage_isAGreyPngWithRoundedValues() throws IOException {
    Tensor x = Torch.fromArray(new float[] {0f, 0.5f, 1f, 2f}, 1, 2, 2);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(VisionUtils.toPng(x)));
    assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    int[] values = png.getRaster().getPixels(0, 0, 2, 2, (int[]) null);
    // 0.5 * 255 + 0.5 = 128 (truncated), 2 clamps to 255
    assertThat(values).asList().containsExactly(0, 128, 255, 255).inOrder();
  }

  @Test
  void toPng_fourChannels_keepsTheAlpha() throws IOException {
    Tensor x = Torch.fromArray(new float[] {1f, 0f, 0f, 0.2f}, 4, 1, 1);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(VisionUtils.toPng(x)));
    assertThat(png.getColorModel().hasAlpha()).isTrue();
    assertThat(Integer.toHexString(png.getRGB(0, 0))).isEqualTo("33ff0000");
  }

  @Test
  void gridOptions_badValues_areRefusedWithTheirName() {
    assertThrows(IllegalArgumentException.class, () -> GridOptions.defaults().withNrow(0));
    assertThrows(IllegalArgumentException.class, () -> GridOptions.defaults().withPadding(-1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GridOptions.defaults().withValueRange(1, -1));
    assertThat(e).hasMessageThat().startsWith("GridOptions: valueRange [1.0, -1.0]");
  }
}
