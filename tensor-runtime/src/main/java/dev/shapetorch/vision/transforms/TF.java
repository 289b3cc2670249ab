package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.PadMode;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * torchvision's functional transforms ({@code import torchvision.transforms.functional as TF})
 * on image tensors {@code [..., C, H, W]}, uint8 (values 0..255) or floating point (values in
 * {@code [0, 1]}), as torchvision 0.14's tensor code behaves. The transform classes of this
 * package call these with their drawn parameters.
 *
 * <pre>{@code
 * Tensor y = TF.rotate(TF.centerCrop(image, 24, 24), 15.0);
 * Tensor z = TF.adjustHue(TF.adjustBrightness(image, 1.2), 0.1);
 * }</pre>
 *
 * <p>Shape: each method documents its own; most keep {@code [..., C, H, W]}.
 */
public final class TF {

  private TF() {}

  // ---- geometry without resampling ----

  /**
   * The image mirrored left to right ({@code TF.hflip}).
   *
   * <p>Shape: {@code [..., H, W]} kept.
   */
  public static Tensor hflip(Tensor image) {
    return Images.image(image, "TF.hflip").flip(-1);
  }

  /**
   * The image mirrored top to bottom ({@code TF.vflip}).
   *
   * <p>Shape: {@code [..., H, W]} kept.
   */
  public static Tensor vflip(Tensor image) {
    return Images.image(image, "TF.vflip").flip(-2);
  }

  /**
   * The window of {@code height x width} at {@code (top, left)}; parts outside the image are
   * zeros ({@code TF.crop}).
   *
   * <p>Shape: {@code [..., H, W] -> [..., height, width]}.
   *
   * @throws IllegalArgumentException if a size is negative
   */
  public static Tensor crop(Tensor image, long top, long left, long height, long width) {
    Images.image(image, "TF.crop");
    if (height < 0 || width < 0) {
      throw new IllegalArgumentException(
          "TF.crop: sizes must be >= 0, got " + height + "x" + width);
    }
    long h = image.size(-2);
    long w = image.size(-1);
    long right = left + width;
    long bottom = top + height;
    if (left < 0 || top < 0 || right > w || bottom > h) {
      long[] ltrb = {
        Math.max(-left + Math.min(0, right), 0), Math.max(-top + Math.min(0, bottom), 0),
        Math.max(right - Math.max(w, left), 0), Math.max(bottom - Math.max(h, top), 0)
      };
      long y0 = Math.max(top, 0);
      long x0 = Math.max(left, 0);
      Tensor inside = image.narrow(-2, y0, Math.max(Math.min(bottom, h) - y0, 0))
          .narrow(-1, x0, Math.max(Math.min(right, w) - x0, 0));
      return pad(inside, new long[] {ltrb[0], ltrb[1], ltrb[2], ltrb[3]}, 0, PaddingMode.CONSTANT);
    }
    return image.narrow(-2, top, height).narrow(-1, left, width).contiguous();
  }

  /**
   * The central {@code height x width} window; an image smaller than that is first padded with
   * zeros ({@code TF.center_crop}). The offset {@code (H - height) / 2} rounds halves to even, as
   * Python's {@code round}.
   *
   * <p>Shape: {@code [..., H, W] -> [..., height, width]}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public static Tensor centerCrop(Tensor image, long height, long width) {
    Images.image(image, "TF.centerCrop");
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "TF.centerCrop: sizes must be positive, got " + height + "x" + width);
    }
    long h = image.size(-2);
    long w = image.size(-1);
    if (width > w || height > h) {
      long[] ltrb = {
        width > w ? (width - w) / 2 : 0, height > h ? (height - h) / 2 : 0,
        width > w ? (width - w + 1) / 2 : 0, height > h ? (height - h + 1) / 2 : 0
      };
      image = pad(image, ltrb, 0, PaddingMode.CONSTANT);
      h = image.size(-2);
      w = image.size(-1);
      if (width == w && height == h) {
        return image;
      }
    }
    long top = Images.roundHalfEven((h - height) / 2.0);
    long left = Images.roundHalfEven((w - width) / 2.0);
    return crop(image, top, left, height, width);
  }

  /**
   * A square central crop.
   *
   * <p>Shape: {@code [..., H, W] -> [..., size, size]}.
   */
  public static Tensor centerCrop(Tensor image, long size) {
    return centerCrop(image, size, size);
  }

  /**
   * The four corner crops and the central crop, stacked in torchvision's order (top-left,
   * top-right, bottom-left, bottom-right, centre) along a new first dimension ({@code
   * TF.five_crop}, which returns a tuple).
   *
   * <p>Shape: {@code [C, H, W] -> [5, C, height, width]}; {@code [B, C, H, W] -> [5, B, C,
   * height, width]}.
   *
   * @throws IllegalArgumentException if the crop is larger than the image
   */
  public static Tensor fiveCrop(Tensor image, long height, long width) {
    return Torch.stack(fiveCrops("TF.fiveCrop", image, height, width), 0);
  }

  private static List<Tensor> fiveCrops(String op, Tensor image, long height, long width) {
    Images.image(image, op);
    long h = image.size(-2);
    long w = image.size(-1);
    if (height < 1 || width < 1 || height > h || width > w) {
      throw new IllegalArgumentException(
          op + ": a " + height + "x" + width + " crop must be positive and fit in the image "
              + "(shape " + Arrays.toString(image.shape()) + "); resize or pad the image first");
    }
    return List.of(
        crop(image, 0, 0, height, width),
        crop(image, 0, w - width, height, width),
        crop(image, h - height, 0, height, width),
        crop(image, h - height, w - width, height, width),
        centerCrop(image, height, width));
  }

  /**
   * {@link #fiveCrop}, then the same five crops of the flipped image (horizontally, or vertically
   * if {@code verticalFlip}) ({@code TF.ten_crop}).
   *
   * <p>Shape: {@code [C, H, W] -> [10, C, height, width]}.
   */
  public static Tensor tenCrop(Tensor image, long height, long width, boolean verticalFlip) {
    List<Tensor> all = new ArrayList<>(fiveCrops("TF.tenCrop", image, height, width));
    Tensor flipped = verticalFlip ? vflip(image) : hflip(image);
    all.addAll(fiveCrops("TF.tenCrop", flipped, height, width));
    return Torch.stack(all, 0);
  }

  /**
   * Pads the borders ({@code TF.pad}). {@code padding} is one value for all borders, two
   * (left/right, top/bottom), or four (left, top, right, bottom). Negative padding crops.
   *
   * <p>Shape: {@code [..., H, W] -> [..., H + top + bottom, W + left + right]}.
   *
   * @param fill the value for {@link PaddingMode#CONSTANT}
   * @throws IllegalArgumentException if {@code padding} does not have 1, 2 or 4 values, or a
   *     reflection is wider than the image
   */
  public static Tensor pad(Tensor image, long[] padding, double fill, PaddingMode mode) {
    Images.image(image, "TF.pad");
    Arguments.requireNonNull(mode, "mode");
    long[] p = parsePadding("TF.pad", padding); // left, right, top, bottom
    if (mode == PaddingMode.SYMMETRIC) {
      return padSymmetric(image, p);
    }
    if (mode == PaddingMode.REFLECT
        && (p[0] >= image.size(-1) || p[1] >= image.size(-1) || p[2] >= image.size(-2)
            || p[3] >= image.size(-2))) {
      throw new IllegalArgumentException(
          "TF.pad: reflect padding " + Arrays.toString(padding) + " must be smaller than the "
              + "image (shape " + Arrays.toString(image.shape()) + "); use symmetric or edge");
    }
    boolean single = image.dim() < 4;
    Tensor x = single ? image.unsqueeze(0) : image;
    DType out = x.dtype();
    if (mode == PaddingMode.CONSTANT) {
      x = Torch.pad(x, p, PadMode.CONSTANT, fill);
    } else {
      boolean cast = out != DType.FLOAT32 && out != DType.FLOAT64;
      Tensor f = cast ? x.to(DType.FLOAT32) : x;
      x = Torch.pad(f, p, mode == PaddingMode.EDGE ? PadMode.REPLICATE : PadMode.REFLECT, 0);
      x = x.to(out);
    }
    return single ? x.squeeze(0) : x;
  }

  /**
   * Zero padding on every border.
   *
   * <p>Shape: {@code [..., H, W] -> [..., H + 2 * padding, W + 2 * padding]}.
   */
  public static Tensor pad(Tensor image, long padding) {
    return pad(image, new long[] {padding}, 0, PaddingMode.CONSTANT);
  }

  static long[] parsePadding(String op, long[] padding) {
    Arguments.requireNonNull(padding, "padding");
    return switch (padding.length) {
      case 1 -> new long[] {padding[0], padding[0], padding[0], padding[0]};
      case 2 -> new long[] {padding[0], padding[0], padding[1], padding[1]};
      case 4 -> new long[] {padding[0], padding[2], padding[1], padding[3]};
      default -> throw new IllegalArgumentException(
          op + ": padding must have 1, 2 or 4 values (all; left/right, top/bottom; left, top, "
              + "right, bottom), got " + padding.length + " values " + Arrays.toString(padding));
    };
  }

  private static Tensor padSymmetric(Tensor image, long[] p) {
    if (image.dim() != 3 && image.dim() != 4) {
      throw new IllegalArgumentException(
          "TF.pad: symmetric padding needs an image [C, H, W] or a batch [B, C, H, W], got shape "
              + Arrays.toString(image.shape()));
    }
    Tensor img = image;
    if (p[0] < 0 || p[1] < 0 || p[2] < 0 || p[3] < 0) {
      long cl = -Math.min(p[0], 0);
      long cr = -Math.min(p[1], 0);
      long ct = -Math.min(p[2], 0);
      long cb = -Math.min(p[3], 0);
      img = img.narrow(-2, ct, img.size(-2) - ct - cb).narrow(-1, cl, img.size(-1) - cl - cr);
      p = new long[] {Math.max(p[0], 0), Math.max(p[1], 0), Math.max(p[2], 0), Math.max(p[3], 0)};
    }
    Tensor xs = Torch.tensor(symmetricIndices(img.size(-1), p[0], p[1]));
    Tensor ys = Torch.tensor(symmetricIndices(img.size(-2), p[2], p[3]));
    return img.indexSelect(-2, ys).indexSelect(-1, xs);
  }

  private static long[] symmetricIndices(long n, long before, long after) {
    long[] idx = new long[(int) (before + n + after)];
    int k = 0;
    for (long i = before - 1; i >= 0; i--) {
      idx[k++] = Math.floorMod(i, n);
    }
    for (long i = 0; i < n; i++) {
      idx[k++] = i;
    }
    for (long i = 0; i < after; i++) {
      idx[k++] = Math.floorMod(n - 1 - i, n);
    }
    return idx;
  }

  // ---- resampling ----

  /**
   * Bilinear resize without antialiasing ({@code TF.resize(img, [h, w], antialias=False)}); see
   * {@link Resize}.
   *
   * <p>Shape: {@code [C, H, W] -> [C, height, width]}, also batched.
   */
  public static Tensor resize(Tensor image, int height, int width) {
    return Images.as("TF.resize", "Resize", () -> new Resize(height, width).apply(image));
  }

  /**
   * {@link #crop}, then {@link #resize} ({@code TF.resized_crop}, bilinear).
   *
   * <p>Shape: {@code [C, H, W] -> [C, outHeight, outWidth]}, also batched.
   */
  public static Tensor resizedCrop(
      Tensor image, long top, long left, long height, long width, int outHeight, int outWidth) {
    Tensor window = crop(image, top, left, height, width);
    return Images.as("TF.resizedCrop", "TF.resize", () -> resize(window, outHeight, outWidth));
  }

  /**
   * Rotates by {@code angle} degrees counter-clockwise about the centre, nearest neighbour, the
   * same size, zeros outside ({@code TF.rotate(img, angle)}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   */
  public static Tensor rotate(Tensor image, double angle) {
    return rotate(image, angle, InterpolationMode.NEAREST, false, null, null);
  }

  /**
   * Rotates by {@code angle} degrees counter-clockwise ({@code TF.rotate}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept, or {@code [..., C, H', W']} large
   * enough for the whole rotated image if {@code expand}.
   *
   * @param interpolation nearest or bilinear
   * @param expand whether to enlarge the output to hold the whole rotated image
   * @param center the centre {@code [x, y]} in pixels, or null for the image's centre
   * @param fill the value outside the image: one, or one per channel; null for zeros
   */
  public static Tensor rotate(Tensor image, double angle, InterpolationMode interpolation,
      boolean expand, double[] center, double[] fill) {
    Images.image(image, "TF.rotate");
    Arguments.requireNonNull(interpolation, "interpolation");
    long w = image.size(-1);
    long h = image.size(-2);
    double[] c = centerOffset("TF.rotate", center, w, h);
    double[] m = Grids.inverseAffineMatrix(c, -angle, new double[2], 1.0, new double[2]);
    long[] out = expand ? Grids.expandedSize(m, w, h) : new long[] {w, h};
    Tensor grid = Grids.affineGrid(m, Images.computeType(image), w, h, out[0], out[1]);
    return Grids.sample("TF.rotate", image, grid, interpolation, fill);
  }

  /**
   * An affine transform keeping the centre: rotation by {@code angle} degrees, translation by
   * {@code translate} pixels {@code [dx, dy]}, scaling, shear by {@code shear} degrees {@code
   * [x, y]}; nearest neighbour, zeros outside ({@code TF.affine}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   */
  public static Tensor affine(
      Tensor image, double angle, double[] translate, double scale, double[] shear) {
    return affine(image, angle, translate, scale, shear, InterpolationMode.NEAREST, null, null);
  }

  /**
   * An affine transform ({@code TF.affine}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   *
   * @param translate {@code [dx, dy]} in pixels
   * @param scale the scale, positive
   * @param shear {@code [x, y]} shear angles in degrees (one value: x only)
   * @param fill the value outside: one, or one per channel; null for zeros
   * @param center {@code [x, y]} in pixels, or null for the image's centre
   * @throws IllegalArgumentException if {@code scale <= 0} or the arrays have the wrong length
   */
  public static Tensor affine(Tensor image, double angle, double[] translate, double scale,
      double[] shear, InterpolationMode interpolation, double[] fill, double[] center) {
    Images.image(image, "TF.affine");
    Arguments.requireNonNull(interpolation, "interpolation");
    if (Arguments.requireNonNull(translate, "translate").length != 2) {
      throw new IllegalArgumentException(
          "TF.affine: translate must be [dx, dy], got " + Arrays.toString(translate));
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("TF.affine: scale must be positive, got " + scale);
    }
    double[] s = Arguments.requireNonNull(shear, "shear");
    if (s.length == 1) {
      s = new double[] {s[0], 0.0};
    } else if (s.length != 2) {
      throw new IllegalArgumentException(
          "TF.affine: shear must be [x] or [x, y] degrees, got " + Arrays.toString(shear));
    }
    long w = image.size(-1);
    long h = image.size(-2);
    double[] c = centerOffset("TF.affine", center, w, h);
    double[] m = Grids.inverseAffineMatrix(c, angle, translate, scale, s);
    Tensor grid = Grids.affineGrid(m, Images.computeType(image), w, h, w, h);
    return Grids.sample("TF.affine", image, grid, interpolation, fill);
  }

  private static double[] centerOffset(String op, double[] center, long w, long h) {
    if (center == null) {
      return new double[2];
    }
    if (center.length != 2) {
      throw new IllegalArgumentException(
          op + ": center must be [x, y], got " + Arrays.toString(center));
    }
    return new double[] {center[0] - w * 0.5, center[1] - h * 0.5};
  }

  /**
   * Maps the four {@code startpoints} ({@code [x, y]}: top-left, top-right, bottom-right,
   * bottom-left) to {@code endpoints} by a perspective transform ({@code TF.perspective}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   *
   * @param interpolation nearest or bilinear (torchvision's default)
   * @param fill the value outside: one, or one per channel; null for zeros
   */
  public static Tensor perspective(Tensor image, int[][] startpoints, int[][] endpoints,
      InterpolationMode interpolation, double[] fill) {
    Images.image(image, "TF.perspective");
    Arguments.requireNonNull(interpolation, "interpolation");
    Arguments.requireNonNull(startpoints, "startpoints");
    Arguments.requireNonNull(endpoints, "endpoints");
    for (int[][] pts : new int[][][] {startpoints, endpoints}) {
      if (pts.length != 4
          || Arrays.stream(pts).anyMatch(q -> q == null || q.length != 2)) {
        throw new IllegalArgumentException(
            "TF.perspective: give 4 points [x, y] each for start and end, got "
                + Arrays.deepToString(pts));
      }
    }
    double[] coeffs = Grids.perspectiveCoefficients(startpoints, endpoints);
    Tensor grid = Grids.perspectiveGrid(
        coeffs, Images.computeType(image), image.size(-1), image.size(-2));
    return Grids.sample("TF.perspective", image, grid, interpolation, fill);
  }

  // ---- colour ----

  /**
   * The luma {@code 0.2989 R + 0.587 G + 0.114 B}, truncated to the image's dtype ({@code
   * TF.rgb_to_grayscale}); a 1-channel image is copied.
   *
   * <p>Shape: {@code [..., 3 or 1, H, W] -> [..., numOutputChannels, H, W]}.
   *
   * @param numOutputChannels 1, or 3 (the luma repeated)
   */
  public static Tensor rgbToGrayscale(Tensor image, int numOutputChannels) {
    Images.channels(image, "TF.rgbToGrayscale", 1, 3);
    if (numOutputChannels != 1 && numOutputChannels != 3) {
      throw new IllegalArgumentException(
          "TF.rgbToGrayscale: numOutputChannels must be 1 or 3, got " + numOutputChannels);
    }
    Tensor l;
    if (image.size(-3) == 3) {
      DType t = Images.computeType(image);
      l = image.select(-3, 0).to(t).mul(0.2989)
          .add(image.select(-3, 1).to(t).mul(0.587))
          .add(image.select(-3, 2).to(t).mul(0.114))
          .to(image.dtype()).unsqueeze(-3);
    } else {
      l = image.clone();
    }
    if (numOutputChannels == 3) {
      long[] shape = image.shape();
      shape[shape.length - 3] = 3;
      return l.expand(shape).contiguous();
    }
    return l;
  }

  /**
   * One-channel luma.
   *
   * <p>Shape: {@code [..., 3 or 1, H, W] -> [..., 1, H, W]}.
   */
  public static Tensor rgbToGrayscale(Tensor image) {
    return rgbToGrayscale(image, 1);
  }

  /**
   * Multiplies by {@code brightnessFactor}, clamped to the image range ({@code
   * TF.adjust_brightness}); 0 gives black, 1 the original.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if the factor is negative
   */
  public static Tensor adjustBrightness(Tensor image, double brightnessFactor) {
    nonNegative("TF.adjustBrightness", "brightnessFactor", brightnessFactor);
    Images.channels(image, "TF.adjustBrightness", 1, 3);
    return Images.blend(image, Torch.zerosLike(image), brightnessFactor);
  }

  /**
   * Blends with the mean of the grayscale image ({@code TF.adjust_contrast}); 0 gives a gray
   * image, 1 the original.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if the factor is negative
   */
  public static Tensor adjustContrast(Tensor image, double contrastFactor) {
    nonNegative("TF.adjustContrast", "contrastFactor", contrastFactor);
    Images.channels(image, "TF.adjustContrast", 1, 3);
    DType t = Images.computeType(image);
    Tensor gray = image.size(-3) == 3 ? rgbToGrayscale(image) : image;
    Tensor mean = gray.to(t).mean(new int[] {-3, -2, -1}, true);
    return Images.blend(image, mean, contrastFactor);
  }

  /**
   * Blends with the grayscale image ({@code TF.adjust_saturation}); 0 gives gray, 1 the
   * original. 1-channel images are returned unchanged.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if the factor is negative
   */
  public static Tensor adjustSaturation(Tensor image, double saturationFactor) {
    nonNegative("TF.adjustSaturation", "saturationFactor", saturationFactor);
    Images.channels(image, "TF.adjustSaturation", 1, 3);
    if (image.size(-3) == 1) {
      return image.clone();
    }
    return Images.blend(image, rgbToGrayscale(image), saturationFactor);
  }

  /**
   * Shifts the hue by {@code hueFactor} turns of the colour wheel, through HSV ({@code
   * TF.adjust_hue}); uint8 results are truncated. 1-channel images are returned unchanged.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if {@code hueFactor} is outside {@code [-0.5, 0.5]}
   */
  public static Tensor adjustHue(Tensor image, double hueFactor) {
    if (!(hueFactor >= -0.5 && hueFactor <= 0.5)) {
      throw new IllegalArgumentException(
          "TF.adjustHue: hueFactor must be in [-0.5, 0.5], got " + hueFactor);
    }
    Images.channels(image, "TF.adjustHue", 1, 3);
    if (image.size(-3) == 1) {
      return image.clone();
    }
    DType orig = image.dtype();
    Tensor x = orig == DType.UINT8 ? image.to(DType.FLOAT32).div(255.0) : image;
    Tensor hsv = Hsv.rgbToHsv(x);
    Tensor h = hsv.select(-3, 0).add(hueFactor).remainder(1.0);
    Tensor rgb = Hsv.hsvToRgb(
        Torch.stack(List.of(h, hsv.select(-3, 1), hsv.select(-3, 2)), -3));
    return orig == DType.UINT8 ? rgb.mul(255.0).to(orig) : rgb;
  }

  /**
   * Blends with a 3x3 smoothed image (borders kept) ({@code TF.adjust_sharpness}); 0 gives the
   * smoothed image, 1 the original, 2 doubles the sharpness. Images of 2 rows or columns or less
   * are returned unchanged.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if the factor is negative
   */
  public static Tensor adjustSharpness(Tensor image, double sharpnessFactor) {
    nonNegative("TF.adjustSharpness", "sharpnessFactor", sharpnessFactor);
    Images.channels(image, "TF.adjustSharpness", 1, 3);
    if (image.size(-1) <= 2 || image.size(-2) <= 2) {
      return image.clone();
    }
    DType t = Images.computeType(image);
    Tensor kernel = Torch.ones(new long[] {3, 3}, t);
    kernel = kernel.add(Torch.fromArray(new double[] {0, 0, 0, 0, 4, 0, 0, 0, 0}, 3, 3).to(t));
    kernel = kernel.div(kernel.sum());
    long c = image.size(-3);
    kernel = kernel.expand(c, 1, 3, 3);
    boolean single = image.dim() < 4;
    Tensor x = (single ? image.unsqueeze(0) : image).to(t);
    Tensor blurred = Torch.conv2d(
        x, kernel, null, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, c);
    if (single) {
      blurred = blurred.squeeze(0);
    }
    blurred = Images.castBack(blurred, image.dtype());
    Tensor degenerate = image.clone();
    degenerate.narrow(-2, 1, image.size(-2) - 2).narrow(-1, 1, image.size(-1) - 2)
        .copy_(blurred);
    return Images.blend(image, degenerate, sharpnessFactor);
  }

  /**
   * Stretches each channel to the full range: its minimum to 0 and its maximum to the bound
   * ({@code TF.autocontrast}); a constant channel is kept.
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   */
  public static Tensor autocontrast(Tensor image) {
    Images.channels(image, "TF.autocontrast", 1, 3);
    double bound = image.dtype().isFloatingPoint() ? 1.0 : 255.0;
    DType t = Images.computeType(image);
    Tensor min = image.amin(-1, true).amin(-2, true).to(t);
    Tensor max = image.amax(-1, true).amax(-2, true).to(t);
    Tensor scale = Torch.div(Torch.fullLike(max, bound), max.sub(min));
    Tensor degenerate = scale.isfinite().logicalNot();
    min = min.maskedFill(degenerate, 0);
    scale = scale.maskedFill(degenerate, 1);
    return image.to(t).sub(min).mul(scale).clamp(0, bound).to(image.dtype());
  }

  /**
   * Equalizes each channel's histogram ({@code TF.equalize}, uint8 only).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept, C 1 or 3.
   *
   * @throws IllegalArgumentException if the image is not uint8
   */
  public static Tensor equalize(Tensor image) {
    Images.channels(image, "TF.equalize", 1, 3);
    if (image.dim() > 4 || image.dtype() != DType.UINT8) {
      throw new IllegalArgumentException(
          "TF.equalize: expects a uint8 image [C, H, W] or batch [B, C, H, W], got "
              + image.dtype() + " of shape " + Arrays.toString(image.shape())
              + "; convert with TF.convertImageDtype(image, DType.UINT8)");
    }
    byte[] b = image.contiguous().toBytes();
    int plane = (int) (image.size(-1) * image.size(-2));
    for (int start = 0; start < b.length; start += plane) {
      equalizePlane(b, start, plane);
    }
    return Torch.frombuffer(b, DType.UINT8, image.shape());
  }

  private static void equalizePlane(byte[] b, int start, int n) {
    long[] hist = new long[256];
    for (int i = start; i < start + n; i++) {
      hist[b[i] & 0xff]++;
    }
    long last = 0;
    long sum = 0;
    for (long v : hist) {
      if (v != 0) {
        sum += v;
        last = v;
      }
    }
    long step = (sum - last) / 255;
    if (step == 0) {
      return;
    }
    int[] lut = new int[256];
    long cum = 0;
    for (int k = 0; k < 255; k++) {
      cum += hist[k];
      lut[k + 1] = (int) Math.min(255, (cum + step / 2) / step);
    }
    for (int i = start; i < start + n; i++) {
      b[i] = (byte) lut[b[i] & 0xff];
    }
  }

  /**
   * The negative: {@code bound - x}, bound 255 for uint8 and 1 for floating point ({@code
   * TF.invert}).
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   */
  public static Tensor invert(Tensor image) {
    Images.channels(image, "TF.invert", 1, 3);
    return Torch.fullLike(image, Images.maxValue(image.dtype())).sub(image);
  }

  /**
   * Keeps the {@code bits} high bits of each value ({@code TF.posterize}, uint8 only).
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if {@code bits} is outside 0..8 or the image is not uint8
   */
  public static Tensor posterize(Tensor image, int bits) {
    if (bits < 0 || bits > 8) {
      throw new IllegalArgumentException(
          "TF.posterize: bits must be in 0..8, got " + bits);
    }
    Images.channels(image, "TF.posterize", 1, 3);
    if (image.dtype() != DType.UINT8) {
      throw new IllegalArgumentException(
          "TF.posterize: expects a uint8 image, got " + image.dtype()
              + "; convert with TF.convertImageDtype(image, DType.UINT8)");
    }
    if (bits == 0) {
      return Torch.zerosLike(image);
    }
    return image.sub(image.remainder(1L << (8 - bits)));
  }

  /**
   * Inverts the values at or above {@code threshold} ({@code TF.solarize}).
   *
   * <p>Shape: {@code [..., 1 or 3, H, W]} kept.
   *
   * @throws IllegalArgumentException if the threshold is above the image's bound (1 or 255)
   */
  public static Tensor solarize(Tensor image, double threshold) {
    Images.channels(image, "TF.solarize", 1, 3);
    double bound = Images.maxValue(image.dtype());
    if (threshold > bound) {
      throw new IllegalArgumentException(
          "TF.solarize: threshold must be at most " + bound + " for a " + image.dtype()
              + " image, got " + threshold);
    }
    return Torch.where(image.ge(threshold), invert(image), image);
  }

  /**
   * Blurs with a Gaussian kernel, reflecting at the borders ({@code TF.gaussian_blur}).
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   *
   * @param kernelSize {@code [x, y]} (or one value for both), positive and odd
   * @param sigma {@code [x, y]} (or one value for both), positive
   * @throws IllegalArgumentException if a kernel size is even or not positive, or a sigma is not
   *     positive
   */
  public static Tensor gaussianBlur(Tensor image, int[] kernelSize, double[] sigma) {
    Images.image(image, "TF.gaussianBlur");
    int[] k = pair("TF.gaussianBlur", "kernelSize", kernelSize);
    for (int v : k) {
      if (v <= 0 || v % 2 == 0) {
        throw new IllegalArgumentException(
            "TF.gaussianBlur: kernelSize must be positive and odd, got "
                + Arrays.toString(kernelSize));
      }
    }
    double[] s = Arguments.requireNonNull(sigma, "sigma");
    if (s.length == 1) {
      s = new double[] {s[0], s[0]};
    }
    if (s.length != 2 || !(s[0] > 0) || !(s[1] > 0)) {
      throw new IllegalArgumentException(
          "TF.gaussianBlur: sigma must be one or two positive values, got "
              + Arrays.toString(sigma));
    }
    if (image.dim() != 3 && image.dim() != 4) {
      throw new IllegalArgumentException(
          "TF.gaussianBlur: expects an image [C, H, W] or a batch [B, C, H, W], got shape "
              + Arrays.toString(image.shape()));
    }
    if (k[0] / 2 >= image.size(-1) || k[1] / 2 >= image.size(-2)) {
      throw new IllegalArgumentException(
          "TF.gaussianBlur: kernelSize " + Arrays.toString(k) + " needs an image larger than "
              + "half the kernel (reflection padding), got shape "
              + Arrays.toString(image.shape()) + "; use a smaller kernel");
    }
    DType t = Images.computeType(image);
    Tensor kx = gaussianKernel(k[0], s[0]).to(t);
    Tensor ky = gaussianKernel(k[1], s[1]).to(t);
    Tensor kernel = ky.unsqueeze(1).mm(kx.unsqueeze(0));
    long c = image.size(-3);
    kernel = kernel.expand(c, 1, k[1], k[0]);
    boolean single = image.dim() == 3;
    Tensor x = (single ? image.unsqueeze(0) : image).to(t);
    x = Torch.pad(x, new long[] {k[0] / 2, k[0] / 2, k[1] / 2, k[1] / 2}, PadMode.REFLECT, 0);
    Tensor y = Torch.conv2d(
        x, kernel, null, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, c);
    return Images.castBack(single ? y.squeeze(0) : y, image.dtype());
  }

  /**
   * A Gaussian blur with torchvision's default sigma {@code 0.15 * kernelSize + 0.35}.
   *
   * <p>Shape: {@code [C, H, W]} or {@code [B, C, H, W]} kept.
   */
  public static Tensor gaussianBlur(Tensor image, int kernelSize) {
    double sigma = kernelSize * 0.15 + 0.35;
    return gaussianBlur(image, new int[] {kernelSize}, new double[] {sigma});
  }

  private static Tensor gaussianKernel(int size, double sigma) {
    double half = (size - 1) * 0.5;
    Tensor x = Torch.linspace(-half, half, size);
    Tensor pdf = x.div(sigma).pow(2).mul(-0.5).exp();
    return pdf.div(pdf.sum());
  }

  /**
   * Replaces the window {@code h x w} at {@code (i, j)} with {@code v} (broadcast to the
   * window) ({@code TF.erase}); returns a copy.
   *
   * <p>Shape: {@code [..., C, H, W]} kept.
   */
  public static Tensor erase(Tensor image, long i, long j, long h, long w, Tensor v) {
    Images.image(image, "TF.erase");
    Arguments.requireNonNull(v, "v");
    if (i < 0 || j < 0 || h < 0 || w < 0 || i + h > image.size(-2) || j + w > image.size(-1)) {
      throw new IllegalArgumentException(
          "TF.erase: the window " + h + "x" + w + " at (" + i + ", " + j + ") must lie inside "
              + "the image (shape " + Arrays.toString(image.shape()) + ")");
    }
    Tensor out = image.clone();
    out.narrow(-2, i, h).narrow(-1, j, w).copy_(v.to(image.dtype()));
    return out;
  }

  /**
   * Converts between image dtypes, rescaling values: uint8 0..255 to float 0..1 and back
   * ({@code TF.convert_image_dtype}); float to integer multiplies by {@code max + 1 - 0.001}
   * and truncates.
   *
   * <p>Shape: kept.
   *
   * @throws IllegalArgumentException for float32 to int32/int64 and float64 to int64, which
   *     torchvision refuses as unsafe
   */
  public static Tensor convertImageDtype(Tensor image, DType dtype) {
    Arguments.requireNonNull(image, "image");
    Arguments.requireNonNull(dtype, "dtype");
    DType from = image.dtype();
    if (from == dtype) {
      return image;
    }
    if (from.isFloatingPoint()) {
      if (dtype.isFloatingPoint()) {
        return image.to(dtype);
      }
      if ((from == DType.FLOAT32 && (dtype == DType.INT32 || dtype == DType.INT64))
          || (from == DType.FLOAT64 && dtype == DType.INT64)) {
        throw new IllegalArgumentException(
            "TF.convertImageDtype: the cast from " + from + " to " + dtype
                + " cannot be performed safely; convert to float64 or a smaller integer type");
      }
      return image.mul(Images.maxValue(dtype) + 1.0 - 1e-3).to(dtype);
    }
    double inMax = Images.maxValue(from);
    if (dtype.isFloatingPoint()) {
      return image.to(dtype).div(inMax);
    }
    double outMax = Images.maxValue(dtype);
    if (inMax > outMax) {
      long factor = (long) ((inMax + 1) / (outMax + 1));
      return image.to(DType.FLOAT64).div((double) factor).floor().to(dtype);
    }
    long factor = (long) ((outMax + 1) / (inMax + 1));
    return image.to(dtype).mul(factor);
  }

  // ---- helpers ----

  private static void nonNegative(String op, String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(op + ": " + name + " must be >= 0, got " + v);
    }
  }

  static int[] pair(String op, String name, int[] v) {
    Arguments.requireNonNull(v, name);
    if (v.length == 1) {
      return new int[] {v[0], v[0]};
    }
    if (v.length != 2) {
      throw new IllegalArgumentException(
          op + ": " + name + " must have one or two values, got " + Arrays.toString(v));
    }
    return v.clone();
  }
}
