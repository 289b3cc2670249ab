package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.Dataset;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.io.ImageReadMode;
import dev.shapetorch.vision.io.Images;
import dev.shapetorch.vision.transforms.Transform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The COCO detection dataset as torchvision's {@code CocoDetection}: the images of a directory
 * and the object annotations of a COCO file ({@code instances_train2017.json}), read without
 * pycocotools. Example {@code i} is the {@code i}-th image by ascending id, loaded as RGB, with
 * all its annotations in the order of the file.
 *
 * <pre>{@code
 * var coco = new CocoDetection(Path.of("coco/val2017"),
 *     Path.of("coco/annotations/instances_val2017.json"));
 * CocoDetection.Example ex = coco.get(0);
 * for (CocoAnnotation a : ex.target()) {
 *   double[] box = a.bbox();      // [x, y, w, h]
 *   long label = a.categoryId();
 * }
 * }</pre>
 *
 * <p>Nothing is downloaded (torchvision's COCO classes do not download either). The file is read
 * once, when the dataset is made; images are read on each {@link #get}.
 *
 * <p>Shape: an example's image is uint8 {@code [3, H, W]} before the transform, each image its
 * own {@code H, W}; the target is a list of any length (zero for an image without objects).
 */
public final class CocoDetection implements Dataset<CocoDetection.Example> {

  /**
   * One image and its annotations.
   *
   * @param image uint8 {@code [3, H, W]}, or what the transform made of it
   * @param target the image's annotations, in the file's order
   */
  public record Example(Tensor image, List<CocoAnnotation> target) {}

  private final Path root;
  private final CocoIndex index;
  private final Transform transform;
  private final UnaryOperator<List<CocoAnnotation>> targetTransform;

  /** The images under {@code root} annotated by {@code annFile}, without transforms. */
  public CocoDetection(Path root, Path annFile) {
    this(root, annFile, null, null);
  }

  /**
   * As {@code CocoDetection(root, annFile, transform, target_transform)}.
   *
   * @param root the directory of the images ({@code file_name} is relative to it)
   * @param annFile the COCO annotation file
   * @param transform applied to each image, or null
   * @param targetTransform applied to each target list, or null
   * @throws DatasetException if {@code root} is not a directory, or the file is missing or not
   *     a COCO annotation file (the message says what is wrong where)
   */
  public CocoDetection(Path root, Path annFile, Transform transform,
      UnaryOperator<List<CocoAnnotation>> targetTransform) {
    this.root = checkRoot("CocoDetection", root);
    this.index = CocoIndex.read("CocoDetection", annFile);
    this.transform = transform;
    this.targetTransform = targetTransform;
  }

  static Path checkRoot(String dataset, Path root) {
    if (root == null) {
      throw new IllegalArgumentException(dataset + ": root is null");
    }
    if (!Files.isDirectory(root)) {
      throw new DatasetException(dataset + ": the image directory " + root + " does not exist");
    }
    return root;
  }

  /** Loads image {@code id} of {@code index} from {@code root} as RGB, naming it on failure. */
  static Tensor loadImage(String dataset, Path root, CocoIndex index, long id) {
    Path file = root.resolve(index.fileNames.get(id));
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(dataset + ": image " + id + " is " + file + ", which does not"
          + " exist; is root the directory of the annotation file's split?");
    }
    return Images.readImage(file, ImageReadMode.RGB);
  }

  @Override
  public int size() {
    return index.ids.size();
  }

  /** The image ids in example order, ascending: torchvision's {@code ids}. */
  public List<Long> ids() {
    return index.ids;
  }

  @Override
  public Example get(int i) {
    java.util.Objects.checkIndex(i, size());
    long id = index.ids.get(i);
    Tensor image = loadImage("CocoDetection", root, index, id);
    List<CocoAnnotation> target = new ArrayList<>();
    for (Map<String, Object> a : index.annotationsOf(id)) {
      target.add(CocoAnnotation.of(a));
    }
    target = List.copyOf(target);
    return new Example(transform == null ? image : transform.apply(image),
        targetTransform == null ? target : targetTransform.apply(target));
  }
}
