package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.Dataset;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.transforms.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The COCO captions dataset as torchvision's {@code CocoCaptions}: the images of a directory and
 * the captions of a COCO file ({@code captions_train2017.json}). Example {@code i} is the {@code
 * i}-th image by ascending id, loaded as RGB, with the {@code caption} of each of its
 * annotations, in the order of the file.
 *
 * <pre>{@code
 * var captions = new CocoCaptions(Path.of("coco/val2017"),
 *     Path.of("coco/annotations/captions_val2017.json"));
 * List<String> five = captions.get(0).target();
 * }</pre>
 *
 * <p>Shape: an example's image is uint8 {@code [3, H, W]} before the transform.
 */
public final class CocoCaptions implements Dataset<CocoCaptions.Example> {

  /**
   * One image and its captions.
   *
   * @param image uint8 {@code [3, H, W]}, or what the transform made of it
   * @param target the captions
   */
  public record Example(Tensor image, List<String> target) {}

  private final Path root;
  private final CocoIndex index;
  private final Transform transform;
  private final UnaryOperator<List<String>> targetTransform;

  /** The images under {@code root} captioned by {@code annFile}, without transforms. */
  public CocoCaptions(Path root, Path annFile) {
    this(root, annFile, null, null);
  }

  /**
   * As {@code CocoCaptions(root, annFile, transform, target_transform)}.
   *
   * @throws DatasetException if {@code root} is not a directory, or the file is missing or not
   *     a COCO annotation file, or an annotation has no {@code caption} string
   */
  public CocoCaptions(Path root, Path annFile, Transform transform,
      UnaryOperator<List<String>> targetTransform) {
    this.root = CocoDetection.checkRoot("CocoCaptions", root);
    this.index = CocoIndex.read("CocoCaptions", annFile);
    for (List<Map<String, Object>> anns : index.annotations.values()) {
      for (Map<String, Object> a : anns) {
        if (!(a.get("caption") instanceof String)) {
          throw new DatasetException("CocoCaptions: annotation " + a.get("id") + " of " + annFile
              + " has no \"caption\" string; is this a captions file (captions_*.json)?");
        }
      }
    }
    this.transform = transform;
    this.targetTransform = targetTransform;
  }

  @Override
  public int size() {
    return index.ids.size();
  }

  /** The image ids in example order, ascending. */
  public List<Long> ids() {
    return index.ids;
  }

  @Override
  public Example get(int i) {
    java.util.Objects.checkIndex(i, size());
    long id = index.ids.get(i);
    Tensor image = CocoDetection.loadImage("CocoCaptions", root, index, id);
    List<String> target = new ArrayList<>();
    for (Map<String, Object> a : index.annotationsOf(id)) {
      target.add((String) a.get("caption"));
    }
    target = List.copyOf(target);
    return new Example(transform == null ? image : transform.apply(image),
        targetTransform == null ? target : targetTransform.apply(target));
  }
}
