package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.io.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImageFolder and DatasetFolder on directories of images the test writes. */
class ImageFolderTest {

  @TempDir Path root;

  private static Tensor filled(int c, int h, int w, int value) {
    return Torch.full(new long[] {c, h, w}, (long) value).to(DType.UINT8);
  }

  private void layout() throws Exception {
    Files.createDirectories(root.resolve("dog/nested"));
    Files.createDirectories(root.resolve("cat"));
    Images.writePng(filled(3, 4, 5, 10), root.resolve("dog/b.png"));
    Images.writeJpeg(filled(3, 8, 8, 128), root.resolve("dog/a.JPG"), 95);
    Images.writePng(filled(1, 2, 3, 200), root.resolve("dog/nested/c.png"));
    Images.writePng(filled(4, 3, 3, 50), root.resolve("cat/x.png"));
    Files.writeString(root.resolve("cat/notes.txt"), "not an image");
    Files.writeString(root.resolve("readme.md"), "a file at the top is no class");
  }

  @Test
  void classesAreSortedDirectories_andFilesAreFoundRecursively() throws Exception {
    layout();
    ImageFolder ds = new ImageFolder(root);
    assertThat(ds.classes()).containsExactly("cat", "dog").inOrder();
    assertThat(ds.classToIdx()).isEqualTo(Map.of("cat", 0, "dog", 1));
    assertThat(ds.samples().stream().map(i -> root.relativize(i.path()).toString()).toList())
        .containsExactly("cat/x.png", "dog/a.JPG", "dog/b.png", "dog/nested/c.png").inOrder();
    assertThat(ds.targets()).containsExactly(0, 1, 1, 1).inOrder();
    Sample rgba = ds.get(0);
    assertThat(rgba.input().shape()).isEqualTo(new long[] {3, 3, 3});   // converted to RGB
    assertThat(rgba.target().itemLong()).isEqualTo(0L);
    Sample jpeg = ds.get(1);
    assertThat(jpeg.input().shape()).isEqualTo(new long[] {3, 8, 8});
    assertThat(Math.abs(jpeg.input().to(DType.INT64).max().itemLong() - 128)).isAtMost(2L);
    Sample grey = ds.get(3);
    assertThat(grey.input().shape()).isEqualTo(new long[] {3, 2, 3});
    assertThat(grey.input().min().itemLong()).isEqualTo(200L);
  }

  @Test
  void transformsApplyToImageAndTarget() throws Exception {
    layout();
    ImageFolder ds = new ImageFolder(root, img -> img.narrow(0, 0, 1),
        t -> t.add(10L));
    Sample s = ds.get(2);
    assertThat(s.input().shape()).isEqualTo(new long[] {1, 4, 5});
    assertThat(s.target().itemLong()).isEqualTo(11L);
  }

  @Test
  void aClassWithoutValidFiles_isReportedByName() throws Exception {
    layout();
    Files.createDirectories(root.resolve("emu"));
    Files.writeString(root.resolve("emu/x.gif.txt"), "nothing");
    DatasetException e = assertThrows(DatasetException.class, () -> new ImageFolder(root));
    assertThat(e).hasMessageThat().startsWith(
        "ImageFolder: found no valid file for the classes emu under " + root
            + "; supported extensions are .jpg, .jpeg, .png");
  }

  @Test
  void noClassDirectory_isReported() throws Exception {
    Files.writeString(root.resolve("a.png"), "x");
    DatasetException e = assertThrows(DatasetException.class, () -> new ImageFolder(root));
    assertThat(e).hasMessageThat().isEqualTo("ImageFolder: couldn't find any class folder in "
        + root + "; put each class's files in a subdirectory named after the class");
  }

  @Test
  void anUndecodableImage_failsOnGetNamingTheFile() throws Exception {
    Files.createDirectories(root.resolve("a"));
    Path bad = root.resolve("a/broken.png");
    Files.writeString(bad, "not a png");
    ImageFolder ds = new ImageFolder(root);
    DatasetException e = assertThrows(DatasetException.class, () -> ds.get(0));
    assertThat(e).hasMessageThat().contains("ImageFolder: cannot load example 0 (" + bad + ")");
  }

  @Test
  void datasetFolder_withExtensionsOrAPredicateAndItsOwnLoader() throws Exception {
    Files.createDirectories(root.resolve("one"));
    Files.createDirectories(root.resolve("two"));
    Files.writeString(root.resolve("one/a.num"), "3");
    Files.writeString(root.resolve("two/b.num"), "5");
    Files.writeString(root.resolve("two/c.skip"), "7");
    java.util.function.Function<Path, Tensor> loader = p -> {
      try {
        return Torch.scalarTensor(Long.parseLong(Files.readString(p).trim()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    DatasetFolder byExt = new DatasetFolder(root, loader, List.of(".num"), null, null);
    assertThat(byExt.size()).isEqualTo(2);
    assertThat(byExt.get(1).input().itemLong()).isEqualTo(5L);
    assertThat(byExt.get(1).target().itemLong()).isEqualTo(1L);
    DatasetException e = assertThrows(DatasetException.class,
        () -> new DatasetFolder(root, loader, p -> p.toString().endsWith(".skip"), null, null));
    assertThat(e).hasMessageThat().contains("for the classes one under");
    Files.writeString(root.resolve("one/d.skip"), "9");
    DatasetFolder byPredicate = new DatasetFolder(root, loader,
        p -> p.toString().endsWith(".skip"), null, null);
    assertThat(byPredicate.size()).isEqualTo(2);
    assertThat(byPredicate.get(0).input().itemLong()).isEqualTo(9L);
  }
}
