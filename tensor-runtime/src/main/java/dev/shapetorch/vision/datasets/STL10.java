package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * STL-10: 96x96 colour images of 10 classes, from its binary version ({@code
 * stl10_binary.tar.gz}, extracted into {@code root/stl10_binary}), as torchvision's {@code
 * STL10}: splits {@code train} (5,000 labelled), {@code test} (8,000 labelled), {@code unlabeled}
 * (100,000, label -1) and {@code train+unlabeled} (both, in that order).
 *
 * <p>{@code X} files hold the images one after another, each channel stored column by column
 * (as MATLAB writes it); {@code y} files one byte per image, the class from 1 to 10 (served from
 * 0 to 9). With {@code folds} (0 to 9), only the training images listed on that line of {@code
 * fold_indices.txt} are used, as in torchvision.
 *
 * <pre>{@code
 * STL10 train = new STL10(Path.of("data"), "train", null, new ToTensor(), STL10.SOURCE);
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [3, 96, 96]} and a label int64 {@code []}; a batch
 * {@code [B, 3, 96, 96]} and {@code [B]}.
 */
public final class STL10 extends ImageTensorDataset {

  /** The splits, as torchvision's {@code STL10.splits}. */
  public static final List<String> SPLITS = List.of("train", "train+unlabeled", "unlabeled", "test");

  /** The archive's address, as torchvision's, and its MD5 checksum. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("http://ai.stanford.edu/~acoates/stl10/")),
      List.of(new DownloadSource.RemoteFile(
          "stl10_binary.tar.gz", "91f7769df0f17e558f3565bffb0c7dfb")));

  private static final String FOLDER = "stl10_binary";
  private static final int IMAGE_BYTES = 3 * 96 * 96;
  private static final int CHUNK = 8192;
  private static final List<String> CLASSES = List.of(
      "airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck");

  private final String split;

  /**
   * The split from the files in {@code root/stl10_binary}, all training images, without
   * downloading.
   *
   * @throws IllegalArgumentException if {@code split} is not one of {@link #SPLITS}
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public STL10(Path root, String split, Transform transform) {
    this(root, split, null, transform, null);
  }

  /**
   * The split from the files in {@code root/stl10_binary}, as {@code STL10(root, split, folds)};
   * when a file is missing and {@code download} is not null, downloads the archive (2.6 GB,
   * checksum verified) into {@code root} and extracts it first.
   *
   * @param folds null for all training images, or 0 to 9 for one of the 10 predefined folds
   *     (used by the {@code train} and {@code train+unlabeled} splits)
   * @throws IllegalArgumentException if {@code split} or {@code folds} is out of range
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public STL10(Path root, String split, Integer folds, Transform transform,
      DownloadSource download) {
    this(load(root, split, folds, download), split, transform);
  }

  private STL10(Tensor[] data, String split, Transform transform) {
    super(data[0], data[1], transform);
    this.split = split;
  }

  private static Tensor[] load(Path root, String split, Integer folds, DownloadSource download) {
    if (split == null || !SPLITS.contains(split)) {
      throw new IllegalArgumentException("STL10: unknown split '" + split + "'; pass one of "
          + String.join(", ", SPLITS));
    }
    if (folds != null && (folds < 0 || folds > 9)) {
      throw new IllegalArgumentException("STL10: folds must be null or from 0 to 9, got "
          + folds);
    }
    Path dir = root.resolve(FOLDER);
    if (download != null && !Files.isRegularFile(dir.resolve(split.equals("test")
        ? "test_X.bin" : split.equals("unlabeled") ? "unlabeled_X.bin" : "train_X.bin"))) {
      TarGz.extract(
          Downloader.ensure("STL10", download, download.files().get(0).name(), root), root);
    }
    Tensor images;
    Tensor labels;
    if (split.equals("test")) {
      images = images(dir.resolve("test_X.bin"));
      labels = labels(dir.resolve("test_y.bin"), images.size(0));
    } else if (split.equals("unlabeled")) {
      images = images(dir.resolve("unlabeled_X.bin"));
      labels = Torch.full(new long[] {images.size(0)}, -1L);
    } else {
      images = images(dir.resolve("train_X.bin"));
      labels = labels(dir.resolve("train_y.bin"), images.size(0));
      if (folds != null) {
        Tensor idx = fold(dir.resolve("fold_indices.txt"), folds, images.size(0));
        images = images.indexSelect(0, idx);
        labels = labels.indexSelect(0, idx);
      }
      if (split.equals("train+unlabeled")) {
        Tensor more = images(dir.resolve("unlabeled_X.bin"));
        images = Torch.cat(List.of(images, more), 0);
        labels = Torch.cat(List.of(labels, Torch.full(new long[] {more.size(0)}, -1L)), 0);
      }
    }
    return new Tensor[] {images, labels};
  }

  private static Path require(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("STL10: " + file + " not found; pass STL10.SOURCE to download"
          + " it, or extract stl10_binary.tar.gz into " + file.getParent().getParent());
    }
    return file;
  }

  /** The images of an X file, read in chunks (the unlabeled file is 2.8 GB). */
  private static Tensor images(Path file) {
    require(file);
    List<Tensor> parts = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size % IMAGE_BYTES != 0) {
        throw new DatasetException(file + " is truncated: it has " + size + " bytes, not a whole"
            + " number of " + IMAGE_BYTES + "-byte images; download it again");
      }
      long left = size / IMAGE_BYTES;
      while (left > 0) {
        int n = (int) Math.min(left, CHUNK);
        byte[] bytes = in.readNBytes(n * IMAGE_BYTES);
        if (bytes.length != n * IMAGE_BYTES) {
          throw new DatasetException(file + " is truncated: it ends early; download it again");
        }
        // Each channel is stored column by column: [N, 3, W, H] -> [N, 3, H, W].
        parts.add(Torch.frombuffer(bytes, DType.UINT8, n, 3, 96, 96).transpose(2, 3)
            .contiguous());
        left -= n;
      }
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    return parts.isEmpty() ? Torch.zeros(new long[] {0, 3, 96, 96}, DType.UINT8)
        : parts.size() == 1 ? parts.get(0) : Torch.cat(parts, 0);
  }

  private static Tensor labels(Path file, long count) {
    require(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    if (bytes.length != count) {
      throw new DatasetException(file + " is corrupt: it has " + bytes.length + " labels for "
          + count + " images; download it again");
    }
    long[] out = new long[bytes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (bytes[i] & 0xff) - 1;
      if (out[i] < 0 || out[i] > 9) {
        throw new DatasetException(file + " is corrupt: label " + i + " is " + (out[i] + 1)
            + ", but STL-10's run from 1 to 10; download it again");
      }
    }
    return Torch.fromArray(out, out.length);
  }

  private static Tensor fold(Path file, int fold, long count) {
    require(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    if (fold >= lines.size()) {
      throw new DatasetException(file + " has " + lines.size() + " lines, no fold " + fold
          + "; download it again");
    }
    String line = lines.get(fold).trim();
    long[] idx = line.isEmpty() ? new long[0]
        : Arrays.stream(line.split("\\s+")).mapToLong(Long::parseLong).toArray();
    for (long i : idx) {
      if (i < 0 || i >= count) {
        throw new DatasetException(file + " is corrupt: fold " + fold + " lists image " + i
            + ", but the training split has " + count + "; download it again");
      }
    }
    return Torch.fromArray(idx, idx.length);
  }

  /** The split's name. */
  public String split() {
    return split;
  }

  /** The 10 class names ({@code airplane}, ..., {@code truck}), as {@code class_names.txt}. */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
