package dev.shapetorch.vision.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing images, and BufferedImage conversion. */
class ImagesTest {

  @TempDir Path dir;

  /** A uint8 image [c, h, w] with value (31 * ch + 7 * y + 3 * x) % 256. */
  static Tensor pattern(int c, int h, int w) {
    byte[] b = new byte[c * h * w];
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          b[(ch * h + y) * w + x] = (byte) ((31 * ch + 7 * y + 3 * x) % 256);
        }
      }
    }
    return Torch.frombuffer(b, DType.UINT8, c, h, w);
  }

  @Test
  void png_roundTripsEveryChannelCount() {
    for (int c = 1; c <= 4; c++) {
      Tensor img = pattern(c, 5, 7);
      Path file = dir.resolve("img" + c + ".png");
      Images.writePng(img, file);
      Tensor back = Images.readImage(file);
      assertThat(back.dtype()).isEqualTo(DType.UINT8);
      assertThat(back.shape()).isEqualTo(new long[] {c, 5, 7});
      assertThat(back.toBytes()).isEqualTo(img.toBytes());
    }
  }

  @Test
  void readModes_convertChannels() {
    Path rgba = dir.resolve("rgba.png");
    Images.writePng(pattern(4, 3, 4), rgba);
    Tensor rgb = Images.readImage(rgba, ImageReadMode.RGB);
    assertThat(rgb.toBytes()).isEqualTo(pattern(3, 3, 4).toBytes());   // alpha dropped
    Path grey = dir.resolve("grey.png");
    Images.writePng(pattern(1, 3, 4), grey);
    Tensor grey3 = Images.readImage(grey, ImageReadMode.RGB);
    assertThat(grey3.select(0, 2).toBytes()).isEqualTo(pattern(1, 3, 4).toBytes());
    Tensor ga = Images.readImage(grey, ImageReadMode.GRAY_ALPHA);
    assertThat(ga.select(0, 1).min().itemLong()).isEqualTo(255L);       // opaque
    // a colour pixel (200, 100, 50) in grey: the ITU-R 601 luma, rounded
    Tensor px = Torch.frombuffer(new byte[] {(byte) 200, 100, 50}, DType.UINT8, 3, 1, 1);
    Path one = dir.resolve("one.png");
    Images.writePng(px, one);
    assertThat(Images.readImage(one, ImageReadMode.GRAY).itemLong())
        .isEqualTo(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50));
    assertThat(Images.readImage(one, ImageReadMode.RGB_ALPHA).shape())
        .isEqualTo(new long[] {4, 1, 1});
  }

  @Test
  void jpeg_isCloseToTheImage_andRefusesAlpha() {
    Tensor img = Torch.full(new long[] {3, 16, 16}, 120L).to(DType.UINT8);
    Path file = dir.resolve("flat.jpg");
    Images.writeJpeg(img, file, 95);
    Tensor back = Images.readImage(file);
    assertThat(back.shape()).isEqualTo(new long[] {3, 16, 16});
    long max = back.to(DType.INT64).sub(120L).abs().max().itemLong();
    assertThat(max).isAtMost(2L);
    byte[] grey = Images.encodeJpeg(pattern(1, 8, 8));
    assertThat(Images.decodeImage(grey, ImageReadMode.UNCHANGED).shape())
        .isEqualTo(new long[] {1, 8, 8});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Images.writeJpeg(pattern(4, 2, 2), dir.resolve("a.jpg")));
    assertThat(e).hasMessageThat().startsWith("Images.writeJpeg: JPEG has no alpha channel");
    e = assertThrows(IllegalArgumentException.class,
        () -> Images.writeJpeg(img, dir.resolve("q.jpg"), 0));
    assertThat(e).hasMessageThat().contains("quality must be from 1 to 100, got 0");
  }

  @Test
  void unreadableFiles_nameTheFile() throws Exception {
    Path junk = dir.resolve("junk.png");
    Files.writeString(junk, "not an image");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Images.readImage(junk));
    assertThat(e).hasMessageThat().contains(junk.toString());
    assertThat(e).hasMessageThat().startsWith("Images.readImage: ");
    Path missing = dir.resolve("missing.png");
    e = assertThrows(UncheckedIOException.class, () -> Images.readImage(missing));
    assertThat(e).hasMessageThat().isEqualTo(
        "Images.readImage: " + missing + " does not exist; check the path");
  }

  @Test
  void bufferedImage_conversionIsToPilImageAndPilToTensor() {
    BufferedImage b = Images.toBufferedImage(pattern(3, 4, 6));
    assertThat(b.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(b.getWidth()).isEqualTo(6);
    int rgb = b.getRGB(2, 1);
    assertThat((rgb >> 16) & 0xff).isEqualTo(7 + 6);
    assertThat(rgb & 0xff).isEqualTo(62 + 7 + 6);
    assertThat(Images.fromBufferedImage(b).toBytes()).isEqualTo(pattern(3, 4, 6).toBytes());
    // floats in [0, 1] are scaled by 255, as ToPILImage does
    Tensor half = Torch.full(new long[] {1, 2, 2}, 0.5);
    assertThat(Images.fromBufferedImage(Images.toBufferedImage(half)).max().itemLong())
        .isEqualTo(127L);
    // [H, W] is a grey image
    assertThat(Images.toBufferedImage(pattern(1, 3, 3).select(0, 0)).getType())
        .isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Images.toBufferedImage(pattern(5, 2, 2)));
    assertThat(e).hasMessageThat().startsWith("Images.toBufferedImage: expected an image [C, H, W]");
  }
}
