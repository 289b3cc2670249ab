package dev.shapetorch.vision.io;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reading and writing images as uint8 tensors {@code [C, H, W]}, as torchvision's {@code
 * torchvision.io} ({@code read_image}, {@code decode_image}, {@code write_png}, {@code
 * write_jpeg}, {@code encode_png}, {@code encode_jpeg}), and converting tensors to and from
 * {@link BufferedImage}, as torchvision's {@code ToPILImage} and {@code PILToTensor}.
 *
 * <p>Decoding and encoding go through the JDK's {@code javax.imageio}: PNG, JPEG, BMP, GIF, TIFF
 * and WBMP (not WebP, PPM or PGM). Channels are red, green, blue (and alpha) or grey (and alpha);
 * 16-bit samples are scaled to 8 bits. With {@link ImageReadMode#UNCHANGED} (the default, as in
 * torchvision) an alpha channel is kept; the other modes convert. Headless: no window is opened.
 *
 * <pre>{@code
 * Tensor img = Images.readImage(Path.of("cat.png"));            // uint8 [3, H, W] or [4, H, W]
 * BufferedImage b = Images.toBufferedImage(img);                // for Swing, ImageIO, ...
 * Images.writeJpeg(Images.fromBufferedImage(b, ImageReadMode.RGB), Path.of("cat.jpg"), 90);
 * }</pre>
 *
 * <p>Shape: images are {@code [C, H, W]} uint8, {@code C} 1 (grey), 2 (grey, alpha), 3 (RGB)
 * or 4 (RGBA).
 */
public final class Images {

  /** torchvision's default JPEG quality. */
  public static final int DEFAULT_JPEG_QUALITY = 75;

  private Images() {}

  /**
   * The image in {@code file} with its own channels, as {@code torchvision.io.read_image(path)}.
   *
   * <p>Shape: uint8 {@code [C, H, W]}, {@code C} the file's channels (1 to 4).
   *
   * @throws UncheckedIOException naming the file if it is missing, unreadable or not an image
   *     {@code javax.imageio} decodes
   */
  public static Tensor readImage(Path file) {
    return readImage(file, ImageReadMode.UNCHANGED);
  }

  /**
   * The image in {@code file}, converted to {@code mode}'s channels, as {@code
   * torchvision.io.read_image(path, mode)}.
   *
   * <p>Shape: uint8 {@code [C, H, W]}, {@code C} as {@code mode} says.
   *
   * @throws UncheckedIOException naming the file if it is missing, unreadable or not an image
   *     {@code javax.imageio} decodes
   */
  public static Tensor readImage(Path file, ImageReadMode mode) {
    requireMode("Images.readImage", mode);
    if (file == null) {
      throw new IllegalArgumentException("Images.readImage: file is null; pass the image's path");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("Images.readImage: " + file + " does not exist; check the path", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Images.readImage: cannot read " + file + ": " + e, e);
    }
    return decode("Images.readImage", bytes, file.toString(), mode);
  }

  /**
   * The image encoded in {@code data} (the bytes of a PNG, JPEG, ... file), as {@code
   * torchvision.io.decode_image(data, mode)}.
   *
   * <p>Shape: uint8 {@code [C, H, W]}, {@code C} as {@code mode} says.
   *
   * @throws IllegalArgumentException if the bytes are not an image {@code javax.imageio}
   *     decodes
   */
  public static Tensor decodeImage(byte[] data, ImageReadMode mode) {
    requireMode("Images.decodeImage", mode);
    if (data == null) {
      throw new IllegalArgumentException("Images.decodeImage: data is null; pass an encoded image");
    }
    return decode("Images.decodeImage", data, "the " + data.length + " bytes given", mode);
  }

  private static Tensor decode(String op, byte[] bytes, String what, ImageReadMode mode) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      if (op.equals("Images.decodeImage")) {
        throw new IllegalArgumentException(op + ": " + what + " are not a readable image ("
            + e.getMessage() + "); pass the complete bytes of a PNG or JPEG file", e);
      }
      throw new UncheckedIOException(op + ": " + what + " is not a readable image ("
          + e.getMessage() + "); the file is corrupt or truncated", e instanceof IOException io
              ? io : new IOException(e));
    }
    if (image == null) {
      String message = op + ": " + what + " is not an image format javax.imageio decodes (PNG,"
          + " JPEG, BMP, GIF, TIFF, WBMP); convert it to PNG or JPEG";
      if (op.equals("Images.decodeImage")) {
        throw new IllegalArgumentException(message);
      }
      throw new UncheckedIOException(message, new IOException(message));
    }
    return fromBufferedImage(image, mode);
  }

  /**
   * The pixels of {@code image} with its own channels, as torchvision's {@code PILToTensor}.
   *
   * <p>Shape: uint8 {@code [C, H, W]}: 1 or 2 channels for grey images (without, with alpha), 3
   * or 4 for colour and palette images.
   */
  public static Tensor fromBufferedImage(BufferedImage image) {
    return fromBufferedImage(image, ImageReadMode.UNCHANGED);
  }

  /**
   * The pixels of {@code image} converted to {@code mode}'s channels.
   *
   * <p>Shape: uint8 {@code [C, H, W]}, {@code C} as {@code mode} says.
   */
  public static Tensor fromBufferedImage(BufferedImage image, ImageReadMode mode) {
    requireMode("Images.fromBufferedImage", mode);
    if (image == null) {
      throw new IllegalArgumentException("Images.fromBufferedImage: image is null; pass an image");
    }
    var cm = image.getColorModel();
    boolean alpha = cm.hasAlpha();
    boolean grey = !(cm instanceof IndexColorModel)
        && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    int own = grey ? (alpha ? 2 : 1) : (alpha ? 4 : 3);
    int c = mode == ImageReadMode.UNCHANGED ? own : mode.channels();
    int w = image.getWidth();
    int h = image.getHeight();
    int plane = w * h;
    byte[] out = new byte[c * plane];
    Raster raster = image.getRaster();
    int bits = cm.getComponentSize(0);
    int max = (1 << bits) - 1;
    int[] rgb = new int[w];
    int[] g = new int[w];
    int[] a = new int[w];
    for (int y = 0; y < h; y++) {
      if (grey) {
        raster.getSamples(0, y, w, 1, 0, g);
        if (alpha) {
          raster.getSamples(0, y, w, 1, 1, a);
        }
      } else {
        image.getRGB(0, y, w, 1, rgb, 0, w);
      }
      for (int x = 0; x < w; x++) {
        int r;
        int gr;
        int b;
        int al;
        if (grey) {
          int v = bits == 8 ? g[x] : (int) Math.round(g[x] * 255.0 / max);
          r = v;
          gr = v;
          b = v;
          al = alpha ? (bits == 8 ? a[x] : (int) Math.round(a[x] * 255.0 / max)) : 255;
        } else {
          int p = rgb[x];
          al = alpha ? p >>> 24 : 255;
          r = (p >> 16) & 0xff;
          gr = (p >> 8) & 0xff;
          b = p & 0xff;
        }
        int o = y * w + x;
        if (c <= 2) {
          out[o] = (byte) (grey ? gr : (r * 19595 + gr * 38470 + b * 7471 + 0x8000) >> 16);
          if (c == 2) {
            out[plane + o] = (byte) al;
          }
        } else {
          out[o] = (byte) r;
          out[plane + o] = (byte) gr;
          out[2 * plane + o] = (byte) b;
          if (c == 4) {
            out[3 * plane + o] = (byte) al;
          }
        }
      }
    }
    return Torch.frombuffer(out, DType.UINT8, c, h, w);
  }

  /**
   * The image {@code [C, H, W]} (or {@code [H, W]}, grey) as a {@link BufferedImage}, as
   * torchvision's {@code ToPILImage}: uint8 values as they are; floating-point values (in [0,
   * 1]) multiplied by 255 and converted to uint8 as {@code ToPILImage} does. One channel gives a
   * {@code TYPE_BYTE_GRAY} image, two a grey image with alpha, three {@code TYPE_3BYTE_BGR}, four
   * {@code TYPE_4BYTE_ABGR}.
   *
   * <p>Shape: {@code [C, H, W]} with {@code C} 1 to 4, or {@code [H, W]}.
   *
   * @throws IllegalArgumentException if the tensor is not such an image
   */
  public static BufferedImage toBufferedImage(Tensor image) {
    return toImage("Images.toBufferedImage", image, 4);
  }

  private static BufferedImage toImage(String op, Tensor image, int maxChannels) {
    if (image == null) {
      throw new IllegalArgumentException(op + ": image is null; pass a tensor [C, H, W]");
    }
    Tensor t = image.dim() == 2 ? image.unsqueeze(0) : image;
    long[] s = t.shape();
    if (t.dim() != 3 || s[0] < 1 || s[0] > maxChannels || s[1] < 1 || s[2] < 1) {
      throw new IllegalArgumentException(op + ": expected an image [C, H, W] with C from 1 to "
          + maxChannels + " and H, W > 0, got " + image.dtype() + " "
          + Arrays.toString(image.shape()) + "; permute an [H, W, C] image with permute(2, 0, 1)");
    }
    if (t.dtype().isFloatingPoint()) {
      t = t.mul(255.0).to(DType.UINT8);
    } else if (t.dtype() != DType.UINT8) {
      throw new IllegalArgumentException(op + ": expected a uint8 or floating-point image, got "
          + image.dtype() + " " + Arrays.toString(image.shape()) + "; convert it with"
          + " to(DType.UINT8)");
    }
    int c = (int) s[0];
    int h = (int) s[1];
    int w = (int) s[2];
    byte[] bytes = t.toBytes();
    BufferedImage out;
    if (c == 2) {
      var cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
          Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
      out = new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    } else {
      out = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY
          : c == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR);
    }
    WritableRaster raster = out.getRaster();
    int plane = w * h;
    int[] samples = new int[plane];
    for (int band = 0; band < c; band++) {
      for (int i = 0; i < plane; i++) {
        samples[i] = bytes[band * plane + i] & 0xff;
      }
      raster.setSamples(0, 0, w, h, band, samples);
    }
    return out;
  }

  /**
   * {@code image} encoded as PNG (lossless), as {@code torchvision.io.encode_png}.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 to 4.
   */
  public static byte[] encodePng(Tensor image) {
    return encode("Images.encodePng", toImage("Images.encodePng", image, 4), "png", -1);
  }

  /**
   * {@code image} encoded as JPEG with torchvision's default quality 75.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 or 3.
   */
  public static byte[] encodeJpeg(Tensor image) {
    return encodeJpeg(image, DEFAULT_JPEG_QUALITY);
  }

  /**
   * {@code image} encoded as JPEG with {@code quality} (1 to 100), as {@code
   * torchvision.io.encode_jpeg}.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 or 3 (JPEG has no alpha).
   */
  public static byte[] encodeJpeg(Tensor image, int quality) {
    checkQuality("Images.encodeJpeg", quality);
    return encode("Images.encodeJpeg", jpegImage("Images.encodeJpeg", image), "jpeg", quality);
  }

  /**
   * Writes {@code image} to {@code file} as PNG, as {@code torchvision.io.write_png}.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 to 4.
   */
  public static void writePng(Tensor image, Path file) {
    write("Images.writePng", encode("Images.writePng", toImage("Images.writePng", image, 4), "png", -1), file);
  }

  /**
   * Writes {@code image} to {@code file} as JPEG with quality 75.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 or 3.
   */
  public static void writeJpeg(Tensor image, Path file) {
    writeJpeg(image, file, DEFAULT_JPEG_QUALITY);
  }

  /**
   * Writes {@code image} to {@code file} as JPEG with {@code quality} (1 to 100), as {@code
   * torchvision.io.write_jpeg}.
   *
   * <p>Shape: {@code image} uint8 {@code [C, H, W]}, {@code C} 1 or 3.
   */
  public static void writeJpeg(Tensor image, Path file, int quality) {
    checkQuality("Images.writeJpeg", quality);
    write("Images.writeJpeg", encode("Images.writeJpeg", jpegImage("Images.writeJpeg", image), "jpeg", quality), file);
  }

  private static BufferedImage jpegImage(String op, Tensor image) {
    if (image != null && image.dim() == 3 && (image.size(0) == 2 || image.size(0) == 4)) {
      throw new IllegalArgumentException(op + ": JPEG has no alpha channel, got an image "
          + Arrays.toString(image.shape()) + "; drop the alpha with narrow(0, 0, "
          + (image.size(0) - 1) + ") or write PNG");
    }
    return toImage(op, image, 3);
  }

  private static void checkQuality(String op, int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException(
          op + ": quality must be from 1 to 100, got " + quality + "; torchvision's default is 75");
    }
  }

  private static byte[] encode(String op, BufferedImage image, String format, int quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    if (!writers.hasNext()) {
      throw new IllegalStateException(op + ": this JDK has no " + format + " writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (quality > 0) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": encoding failed: " + e, e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static void write(String op, byte[] bytes, Path file) {
    if (file == null) {
      throw new IllegalArgumentException(op + ": file is null; pass the path to write");
    }
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(op + ": cannot write " + file + ": " + e, e);
    }
  }

  private static void requireMode(String op, ImageReadMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException(
          op + ": mode is null; pass ImageReadMode.UNCHANGED for the file's own channels");
    }
  }
}
