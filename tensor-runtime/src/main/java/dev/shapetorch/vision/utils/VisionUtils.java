package dev.shapetorch.vision.utils;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Pictures of image tensors, as torchvision's {@code torchvision.utils}: {@link #makeGrid} tiles a
 * batch into one image, {@link #saveImage} writes it as a PNG (through the JDK's {@code
 * javax.imageio}), {@link #toImage} and {@link #toPng} convert one image.
 *
 * <p>Shape: {@code makeGrid} takes {@code [N, C, H, W]}, {@code [C, H, W]} or {@code [H, W]} and
 * returns {@code [C', (H + p) * rows + p, (W + p) * cols + p]} where {@code p} is the padding,
 * {@code cols = min(nrow, N)}, {@code rows = ceil(N / cols)} and {@code C' = 3} for one-channel
 * images (they are repeated into RGB), else {@code C}; a batch of one image returns that image,
 * {@code [C', H, W]}, unpadded. {@code saveImage} writes that grid; {@code toImage} and {@code
 * toPng} take {@code [C, H, W]} with {@code C} 1 (grey), 3 (RGB) or 4 (RGBA).
 *
 * <pre>{@code
 * Tensor batch = Torch.rand(16, 1, 28, 28);
 * VisionUtils.saveImage(batch, Path.of("samples.png"), GridOptions.defaults().withNrow(4));
 * }</pre>
 */
public final class VisionUtils {

  private VisionUtils() {}

  /** {@link #makeGrid(Tensor, GridOptions)} with torchvision's defaults ({@link GridOptions#defaults()}). */
  public static Tensor makeGrid(Tensor images) {
    return makeGrid(images, GridOptions.defaults());
  }

  /**
   * The images of a batch tiled into one image, row by row, as {@code
   * torchvision.utils.make_grid}: one-channel images become RGB, values are normalised when the
   * options say so, and the gaps are filled with {@code padValue}. The result is a new float32
   * CPU tensor; the input is not changed.
   *
   * <p>Shape: {@code [N, C, H, W]}, {@code [C, H, W]} or {@code [H, W]} to {@code [C', (H + p) *
   * rows + p, (W + p) * cols + p]}, {@code cols = min(nrow, N)}, {@code rows = ceil(N / cols)},
   * {@code C' = 3} if {@code C == 1} else {@code C}; {@code N == 1} gives {@code [C', H, W]}.
   *
   * @throws IllegalArgumentException if {@code images} has not 2, 3 or 4 dims, or has no image
   */
  public static Tensor makeGrid(Tensor images, GridOptions options) {
    Grid grid = grid("VisionUtils.makeGrid", images, options);
    return Torch.fromArray(grid.values, grid.channels, grid.height, grid.width);
  }

  /** {@link #saveImage(Tensor, Path, GridOptions)} with torchvision's defaults. */
  public static void saveImage(Tensor images, Path file) {
    saveImage(images, file, GridOptions.defaults());
  }

  /**
   * Writes the grid of {@code images} ({@link #makeGrid(Tensor, GridOptions)}) to {@code file} as
   * {@code torchvision.utils.save_image} does: values in [0, 1] become bytes as {@code
   * clamp(v * 255 + 0.5, 0, 255)}, truncated. The format follows the file's suffix ({@code .png},
   * {@code .bmp}, {@code .jpg}, ...; PNG when there is none); missing parent directories are
   * created.
   *
   * <p>Shape: as {@link #makeGrid(Tensor, GridOptions)}; the grid's channels must be 1, 3 or 4.
   *
   * @throws IllegalArgumentException as {@code makeGrid}, or for a suffix no image writer knows
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void saveImage(Tensor images, Path file, GridOptions options) {
    String op = "VisionUtils.saveImage";
    Grid grid = grid(op, images, options);
    BufferedImage image = image(op, grid);
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String format = dot < 0 ? "png" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!ImageIO.getImageWritersBySuffix(format).hasNext()) {
      throw new IllegalArgumentException(op + ": no image writer for the suffix '." + format
          + "' of " + file + "; name the file .png (or .bmp, .jpg)");
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if ((format.equals("jpg") || format.equals("jpeg") || format.equals("bmp"))
          && image.getColorModel().hasAlpha()) {
        throw new IllegalArgumentException(op + ": " + format + " has no alpha channel, and the"
            + " grid has 4 channels; save it as .png");
      }
      if (!ImageIO.write(image, format, file.toFile())) {
        throw new IllegalArgumentException(op + ": the " + format + " writer cannot write a "
            + grid.channels + "-channel image; save it as .png");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * One image with values in [0, 1] as an 8-bit image, converted as {@link #saveImage}: grey for
   * one channel, RGB for three, RGBA for four.
   *
   * <p>Shape: {@code [C, H, W]} with {@code C} 1, 3 or 4.
   *
   * @throws IllegalArgumentException for another shape
   */
  public static BufferedImage toImage(Tensor image) {
    String op = "VisionUtils.toImage";
    long[] s = image.shape();
    if (s.length != 3) {
      throw new IllegalArgumentException(op + ": expected one image [C, H, W], got shape "
          + Arrays.toString(s) + "; for a batch use makeGrid first");
    }
    return image(op, new Grid(image.toFloatArray(), (int) s[0], (int) s[1], (int) s[2]));
  }

  /**
   * One image as PNG bytes ({@link #toImage(Tensor)}, encoded by {@code javax.imageio}).
   *
   * <p>Shape: {@code [C, H, W]} with {@code C} 1, 3 or 4.
   */
  public static byte[] toPng(Tensor image) {
    BufferedImage picture = toImage(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("VisionUtils.toPng: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------------------ internals

  /** Float values {@code [channels, height, width]}, row-major. */
  private record Grid(float[] values, int channels, int height, int width) {}

  private static Grid grid(String op, Tensor images, GridOptions options) {
    long[] s = images.shape();
    long n;
    long c;
    long h;
    long w;
    switch (s.length) {
      case 2 -> { n = 1; c = 1; h = s[0]; w = s[1]; }
      case 3 -> { n = 1; c = s[0]; h = s[1]; w = s[2]; }
      case 4 -> { n = s[0]; c = s[1]; h = s[2]; w = s[3]; }
      default -> throw new IllegalArgumentException(op + ": expected images [N, C, H, W], one"
          + " image [C, H, W] or [H, W], got shape " + Arrays.toString(s)
          + "; reshape the tensor to one of these");
    }
    if (n * c * h * w == 0) {
      throw new IllegalArgumentException(op + ": the images of shape " + Arrays.toString(s)
          + " hold no pixel; pass at least one image with C, H and W above 0");
    }
    float[] in = images.toFloatArray();
    int size = (int) (h * w);
    // one channel becomes three, as torch.cat((x, x, x), 1)
    int channels = c == 1 ? 3 : (int) c;
    float[] x = new float[(int) n * channels * size];
    for (int k = 0; k < n; k++) {
      for (int ch = 0; ch < channels; ch++) {
        int from = (int) ((k * c + (c == 1 ? 0 : ch)) * size);
        System.arraycopy(in, from, x, (k * channels + ch) * size, size);
      }
    }
    if (options.normalize()) {
      int per = channels * size;
      if (options.scaleEach()) {
        for (int k = 0; k < n; k++) {
          normalize(x, k * per, per, options.valueRange());
        }
      } else {
        normalize(x, 0, x.length, options.valueRange());
      }
    }
    if (n == 1) {
      return new Grid(x, channels, (int) h, (int) w);
    }
    int p = options.padding();
    int cols = (int) Math.min(options.nrow(), n);
    int rows = (int) ((n + cols - 1) / cols);
    int cellH = (int) h + p;
    int cellW = (int) w + p;
    int gh = cellH * rows + p;
    int gw = cellW * cols + p;
    float[] g = new float[channels * gh * gw];
    Arrays.fill(g, (float) options.padValue());
    for (int k = 0; k < n; k++) {
      int top = (k / cols) * cellH + p;
      int left = (k % cols) * cellW + p;
      for (int ch = 0; ch < channels; ch++) {
        for (int y = 0; y < h; y++) {
          System.arraycopy(x, ((k * channels + ch) * (int) h + y) * (int) w,
              g, (ch * gh + top + y) * gw + left, (int) w);
        }
      }
    }
    return new Grid(g, channels, gh, gw);
  }

  /** Clamps {@code x[from, from + len)} to its range and maps it to [0, 1], in float32. */
  private static void normalize(float[] x, int from, int len, double[] range) {
    float low;
    float high;
    if (range != null) {
      low = (float) range[0];
      high = (float) range[1];
    } else {
      low = Float.POSITIVE_INFINITY;
      high = Float.NEGATIVE_INFINITY;
      for (int i = from; i < from + len; i++) {
        low = Math.min(low, x[i]);
        high = Math.max(high, x[i]);
      }
    }
    // torchvision divides by max(high - low, 1e-5), computed in Python's double
    double lowD = range != null ? range[0] : low;
    double highD = range != null ? range[1] : high;
    float scale = (float) Math.max(highD - lowD, 1e-5);
    for (int i = from; i < from + len; i++) {
      float v = Math.min(Math.max(x[i], low), high);
      x[i] = (v - low) / scale;
    }
  }

  private static BufferedImage image(String op, Grid grid) {
    int c = grid.channels;
    int h = grid.height;
    int w = grid.width;
    int type = switch (c) {
      case 1 -> BufferedImage.TYPE_BYTE_GRAY;
      case 3 -> BufferedImage.TYPE_INT_RGB;
      case 4 -> BufferedImage.TYPE_INT_ARGB;
      default -> throw new IllegalArgumentException(op + ": an image has 1 (grey), 3 (RGB) or 4"
          + " (RGBA) channels, not " + c + " (image shape [" + c + ", " + h + ", " + w
          + "]); select or add channels first");
    };
    BufferedImage image = new BufferedImage(w, h, type);
    int plane = h * w;
    float[] v = grid.values;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (c == 1) {
          image.getRaster().setSample(x, y, 0, toByte(v[i]));
        } else {
          int r = toByte(v[i]);
          int g = toByte(v[plane + i]);
          int b = toByte(v[2 * plane + i]);
          int a = c == 4 ? toByte(v[3 * plane + i]) : 255;
          image.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | b);
        }
      }
    }
    return image;
  }

  /** As torchvision: {@code mul(255).add_(0.5).clamp_(0, 255).to(torch.uint8)}, in float32. */
  private static int toByte(float v) {
    float scaled = v * 255f + 0.5f;
    return (int) Math.min(Math.max(scaled, 0f), 255f);
  }
}
