package dev.shapetorch.vision.io;

/**
 * The channels {@link Images#readImage(java.nio.file.Path, ImageReadMode)} returns, as
 * torchvision's {@code torchvision.io.ImageReadMode}.
 *
 * <p>Shape: {@code [C, H, W]} with {@code C} as each constant says.
 */
public enum ImageReadMode {
  /**
   * The image's own channels: 1 for grey, 2 for grey with alpha, 3 for colour, 4 for colour with
   * alpha (the alpha channel is kept). Palette images are expanded to colour.
   */
  UNCHANGED(0),
  /** One grey channel (colour converted with the ITU-R 601 luma weights, alpha dropped). */
  GRAY(1),
  /** Grey and alpha: 2 channels (an opaque alpha of 255 when the file has none). */
  GRAY_ALPHA(2),
  /** Red, green, blue: 3 channels (grey replicated, alpha dropped). */
  RGB(3),
  /** Red, green, blue and alpha: 4 channels (an opaque alpha of 255 when the file has none). */
  RGB_ALPHA(4);

  private final int channels;

  ImageReadMode(int channels) {
    this.channels = channels;
  }

  /** The number of channels this mode gives, or 0 for {@link #UNCHANGED} (the file's own). */
  public int channels() {
    return channels;
  }
}
