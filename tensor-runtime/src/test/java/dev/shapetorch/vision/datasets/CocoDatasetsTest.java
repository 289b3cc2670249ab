package dev.shapetorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CocoDetection and CocoCaptions on a small COCO layout the test writes: examples in ascending
 * image id (not file order), annotations grouped per image in file order, an image without
 * annotations, crowd RLE annotations, captions; and the errors for a missing or malformed file,
 * a missing image and a non-captions file.
 */
class CocoDatasetsTest {

  private static final String INSTANCES = """
      {"info": {"year": 2017},
       "images": [
         {"id": 42, "file_name": "b.png", "width": 5, "height": 3},
         {"id": 7, "file_name": "a.png", "width": 4, "height": 2},
         {"id": 99, "file_name": "c.png", "width": 2, "height": 2}],
       "annotations": [
         {"id": 1, "image_id": 42, "category_id": 18, "bbox": [1.5, 0, 2, 3], "area": 6.0,
          "iscrowd": 0, "segmentation": [[1.5, 0, 3.5, 0, 3.5, 3]]},
         {"id": 2, "image_id": 7, "category_id": 1, "bbox": [0, 0, 4, 2], "area": 8,
          "iscrowd": 1, "segmentation": {"counts": [0, 8], "size": [2, 4]}},
         {"id": 3, "image_id": 42, "category_id": 3, "bbox": [0, 1, 1, 1], "area": 1.0,
          "iscrowd": 0, "segmentation": [[0, 1, 1, 1, 1, 2]], "keypoints": [1, 2, 2]}],
       "categories": [{"id": 1, "name": "person"}, {"id": 3, "name": "car"},
                      {"id": 18, "name": "dog"}]}
      """;

  private static final String CAPTIONS = """
      {"images": [{"id": 7, "file_name": "a.png"}, {"id": 42, "file_name": "b.png"}],
       "annotations": [{"id": 10, "image_id": 42, "caption": "A dog."},
                       {"id": 11, "image_id": 7, "caption": "A person."},
                       {"id": 12, "image_id": 42, "caption": "A dog and a car."}]}
      """;

  private static Tensor filled(long h, long w, int value) {
    return Torch.full(new long[] {3, h, w}, (long) value).to(DType.UINT8);
  }

  private static Path layout(Path dir) throws IOException {
    Path images = Files.createDirectories(dir.resolve("val2017"));
    Images.writePng(filled(2, 4, 10), images.resolve("a.png"));
    Images.writePng(filled(3, 5, 20), images.resolve("b.png"));
    Images.writePng(filled(2, 2, 30), images.resolve("c.png"));
    Files.createDirectories(dir.resolve("annotations"));
    Files.writeString(dir.resolve("annotations/instances.json"), INSTANCES);
    Files.writeString(dir.resolve("annotations/captions.json"), CAPTIONS);
    return images;
  }

  @Test
  void detection_examplesByAscendingId_annotationsInFileOrder(@TempDir Path dir)
      throws IOException {
    Path images = layout(dir);
    CocoDetection coco = new CocoDetection(images, dir.resolve("annotations/instances.json"));
    assertEquals(3, coco.size());
    assertEquals(List.of(7L, 42L, 99L), coco.ids());

    CocoDetection.Example first = coco.get(0);
    assertArrayEquals(new long[] {3, 2, 4}, first.image().shape());
    assertEquals(10, (long) first.image().to(DType.FLOAT64).max().item());
    assertEquals(1, first.target().size());
    CocoAnnotation crowd = first.target().get(0);
    assertTrue(crowd.iscrowd());
    assertEquals(List.of(), crowd.polygons(), "an RLE segmentation has no polygons");
    assertEquals(Map.of("counts", List.of(0L, 8L), "size", List.of(2L, 4L)),
        crowd.fields().get("segmentation"));

    CocoDetection.Example second = coco.get(1);
    assertArrayEquals(new long[] {3, 3, 5}, second.image().shape());
    assertEquals(List.of(1L, 3L), second.target().stream().map(CocoAnnotation::id).toList());
    CocoAnnotation dog = second.target().get(0);
    assertEquals(42, dog.imageId());
    assertEquals(18, dog.categoryId());
    assertArrayEquals(new double[] {1.5, 0, 2, 3}, dog.bbox());
    assertEquals(6.0, dog.area());
    assertArrayEquals(new double[] {1.5, 0, 3.5, 0, 3.5, 3}, dog.polygons().get(0));
    assertEquals(List.of(1L, 2L, 2L), second.target().get(1).fields().get("keypoints"));

    assertEquals(List.of(), coco.get(2).target(), "an image without objects has none");
    assertThrows(IndexOutOfBoundsException.class, () -> coco.get(3));
  }

  @Test
  void detection_transformsApply(@TempDir Path dir) throws IOException {
    Path images = layout(dir);
    CocoDetection coco = new CocoDetection(images, dir.resolve("annotations/instances.json"),
        img -> img.to(DType.FLOAT32).div(255.0),
        target -> target.stream().filter(a -> !a.iscrowd()).toList());
    assertEquals(DType.FLOAT32, coco.get(0).image().dtype());
    assertEquals(List.of(), coco.get(0).target(), "the crowd annotation was filtered out");
    assertEquals(2, coco.get(1).target().size());
  }

  @Test
  void captions_perImage_inFileOrder(@TempDir Path dir) throws IOException {
    Path images = layout(dir);
    CocoCaptions captions = new CocoCaptions(images, dir.resolve("annotations/captions.json"));
    assertEquals(2, captions.size());
    assertEquals(List.of("A person."), captions.get(0).target());
    assertEquals(List.of("A dog.", "A dog and a car."), captions.get(1).target());
    assertArrayEquals(new long[] {3, 3, 5}, captions.get(1).image().shape());
  }

  @Test
  void errors_nameTheFileAndWhatIsWrong(@TempDir Path dir) throws IOException {
    Path images = layout(dir);
    DatasetException missing = assertThrows(DatasetException.class,
        () -> new CocoDetection(images, dir.resolve("annotations/nope.json")));
    assertTrue(missing.getMessage().contains("nope.json does not exist"), missing.getMessage());

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"images\": [");
    DatasetException malformed = assertThrows(DatasetException.class,
        () -> new CocoDetection(images, broken));
    assertTrue(malformed.getMessage().startsWith("CocoDetection: cannot read " + broken
        + " as JSON"), malformed.getMessage());

    Path noImages = dir.resolve("no-images.json");
    Files.writeString(noImages, "{\"annotations\": []}");
    DatasetException shape = assertThrows(DatasetException.class,
        () -> new CocoDetection(images, noImages));
    assertTrue(shape.getMessage().endsWith("is not a COCO annotation file: it has no \"images\""
        + " array"), shape.getMessage());

    Files.delete(images.resolve("c.png"));
    CocoDetection coco = new CocoDetection(images, dir.resolve("annotations/instances.json"));
    DatasetException image = assertThrows(DatasetException.class, () -> coco.get(2));
    assertTrue(image.getMessage().contains("image 99 is ") && image.getMessage().contains(
        "c.png, which does not exist"), image.getMessage());

    DatasetException notCaptions = assertThrows(DatasetException.class,
        () -> new CocoCaptions(images, dir.resolve("annotations/instances.json")));
    assertTrue(notCaptions.getMessage().contains("has no \"caption\" string"),
        notCaptions.getMessage());
  }
}
