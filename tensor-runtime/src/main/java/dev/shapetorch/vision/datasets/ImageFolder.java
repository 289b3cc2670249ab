package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.io.ImageReadMode;
import dev.shapetorch.vision.io.Images;
import dev.shapetorch.vision.transforms.Transform;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Images in a directory per class, as torchvision's {@code ImageFolder}: a {@link DatasetFolder}
 * whose files are the images with one of {@link #IMG_EXTENSIONS}, loaded as RGB (torchvision's
 * default loader converts every image to RGB).
 *
 * <pre>{@code
 * ImageFolder train = new ImageFolder(Path.of("data/train"),
 *     Compose.of(new Resize(224), new ToTensor()), null);
 * int cat = train.classToIdx().get("cat");
 * }</pre>
 *
 * <p>The JDK decodes PNG, JPEG, BMP, TIFF and GIF; a {@code .ppm}, {@code .pgm} or {@code .webp}
 * file is listed (as in torchvision) but fails to load with an error naming it.
 *
 * <p>Shape: an example is an image uint8 {@code [3, H, W]} (before the transform; each file has
 * its own {@code H, W}) and the class index int64 {@code []}.
 */
public final class ImageFolder extends DatasetFolder {

  /** torchvision's {@code IMG_EXTENSIONS}. */
  public static final List<String> IMG_EXTENSIONS = List.of(
      ".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");

  /**
   * The images under {@code root}, without transforms.
   *
   * @throws DatasetException if {@code root} has no class directory or a class has no image
   */
  public ImageFolder(Path root) {
    this(root, null, null);
  }

  /**
   * The images under {@code root} ({@code root/<class>/...}) with one of {@link
   * #IMG_EXTENSIONS}, as {@code ImageFolder(root, transform, target_transform)}.
   *
   * @param transform applied to each image uint8 {@code [3, H, W]}, or null
   * @param targetTransform applied to each class index, or null
   * @throws DatasetException if {@code root} has no class directory or a class has no image
   */
  public ImageFolder(Path root, Transform transform, UnaryOperator<Tensor> targetTransform) {
    super("ImageFolder", root, ImageFolder::loadRgb, IMG_EXTENSIONS, null, transform,
        targetTransform);
  }

  /**
   * The files under {@code root} that {@code isValidFile} accepts, loaded as RGB images, as
   * {@code ImageFolder(root, transform, target_transform, is_valid_file=...)}.
   *
   * @throws DatasetException if {@code root} has no class directory or a class has no valid file
   */
  public ImageFolder(Path root, Transform transform, UnaryOperator<Tensor> targetTransform,
      Predicate<Path> isValidFile) {
    super("ImageFolder", root, ImageFolder::loadRgb, null, checked(isValidFile), transform,
        targetTransform);
  }

  private static Predicate<Path> checked(Predicate<Path> isValidFile) {
    if (isValidFile == null) {
      throw new IllegalArgumentException("ImageFolder: isValidFile is null; pass a predicate,"
          + " or use the constructor without one for IMG_EXTENSIONS");
    }
    return isValidFile;
  }

  /**
   * Torchvision's default image loader: the file as an RGB image.
   *
   * <p>Shape: uint8 {@code [3, H, W]}.
   */
  public static Tensor loadRgb(Path file) {
    return Images.readImage(file, ImageReadMode.RGB);
  }
}
