package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.transforms.Transform;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * QMNIST: MNIST's digits regenerated from the NIST originals, with extended labels, as
 * torchvision's {@code QMNIST}. {@code what} picks the subset: {@code "train"} (60,000),
 * {@code "test"} (60,000), {@code "test10k"} (the first 10,000 test examples, MNIST's test set),
 * {@code "test50k"} (the other 50,000) or {@code "nist"} (all 402,953).
 *
 * <p>The files are {@code qmnist-<train|test>-images-idx3-ubyte} and {@code
 * qmnist-<train|test>-labels-idx2-int} (optionally {@code .gz}), or {@code
 * xnist-images-idx3-ubyte} and {@code xnist-labels-idx2-int} for {@code nist}, looked for in
 * {@code root} and {@code root/QMNIST/raw}. Each label row holds 8 integers: the digit, the NIST
 * hsf series, writer id, digit index, NIST class, global index, duplicate and unused. The nist
 * files are published {@code .xz}-compressed, which the JDK cannot read: decompress them with
 * {@code xz -d} first.
 *
 * <p>Unlike torchvision 0.14, whose reader reverses the element order of big-endian integer
 * files on little-endian machines, the labels are decoded as the format defines them.
 *
 * <pre>{@code
 * QMNIST test10k = new QMNIST(Path.of("data"), "test10k", true, new ToTensor(), QMNIST.SOURCE);
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [1, 28, 28]} and a label int64 {@code []} with
 * {@code compat} (the digit), or {@code [8]} without; a batch {@code [B, 1, 28, 28]} and {@code
 * [B]} or {@code [B, 8]}.
 */
public final class QMNIST extends ImageTensorDataset {

  /** The subsets, as torchvision's {@code QMNIST.subsets}. */
  public static final List<String> SUBSETS = List.of("train", "test", "test10k", "test50k", "nist");

  /** The address torchvision downloads from and the files' MD5 checksums. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("https://raw.githubusercontent.com/facebookresearch/qmnist/master/")),
      List.of(
          new DownloadSource.RemoteFile(
              "qmnist-train-images-idx3-ubyte.gz", "ed72d4157d28c017586c42bc6afe6370"),
          new DownloadSource.RemoteFile(
              "qmnist-train-labels-idx2-int.gz", "0058f8dd561b90ffdd0f734c6a30e5e4"),
          new DownloadSource.RemoteFile(
              "qmnist-test-images-idx3-ubyte.gz", "1394631089c404de565df7b7aeaf9412"),
          new DownloadSource.RemoteFile(
              "qmnist-test-labels-idx2-int.gz", "5b5b05890a5e13444e108efe57b788aa"),
          new DownloadSource.RemoteFile(
              "xnist-images-idx3-ubyte.xz", "7f124b3b8ab81486c9d8c2749c17f834"),
          new DownloadSource.RemoteFile(
              "xnist-labels-idx2-int.xz", "5ed0e788978e45d4a8bd4b7caec3d79d")));

  private static final List<String> CLASSES = List.of(
      "0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
      "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine");

  private final String what;
  private final boolean compat;

  /**
   * The training ({@code train}) or test subset with compat labels, without downloading, as
   * {@code QMNIST(root, train=train)}.
   *
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public QMNIST(Path root, boolean train, Transform transform) {
    this(root, train ? "train" : "test", true, transform, null);
  }

  /**
   * The subset {@code what}, as {@code QMNIST(root, what, compat)}; with {@code compat} the
   * label is the digit, without it the whole row of 8 integers. Missing files are downloaded
   * from {@code download} into {@code root/QMNIST/raw} when it is not null.
   *
   * @throws IllegalArgumentException if {@code what} is not one of {@link #SUBSETS}
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public QMNIST(Path root, String what, boolean compat, Transform transform,
      DownloadSource download) {
    this(load(root, what, compat, download), what, compat, transform);
  }

  private QMNIST(Tensor[] data, String what, boolean compat, Transform transform) {
    super(data[0], data[1], transform);
    this.what = what;
    this.compat = compat;
  }

  private static Tensor[] load(Path root, String what, boolean compat, DownloadSource download) {
    if (what == null || !SUBSETS.contains(what)) {
      throw new IllegalArgumentException("QMNIST: unknown subset what='" + what + "'; pass one"
          + " of " + String.join(", ", SUBSETS));
    }
    String prefix = what.equals("nist") ? "xnist" : what.equals("train") ? "qmnist-train"
        : "qmnist-test";
    Path imageFile = locate(root, prefix + "-images-idx3-ubyte", download);
    Path labelFile = locate(root, prefix + "-labels-idx2-int", download);
    Tensor images = IdxFile.read(imageFile);
    Tensor targets = IdxFile.read(labelFile);
    if (images.dtype() != DType.UINT8 || images.dim() != 3) {
      throw new DatasetException(imageFile + " is corrupt: it holds " + images.dtype() + " "
          + Arrays.toString(images.shape()) + ", not uint8 images [N, H, W]; download it again");
    }
    if (targets.dim() != 2 || targets.size(0) != images.size(0)) {
      throw new DatasetException(labelFile + " is corrupt: it holds labels "
          + Arrays.toString(targets.shape()) + " for " + images.size(0) + " images, not [N, 8];"
          + " download it again");
    }
    targets = targets.to(DType.INT64);
    long n = images.size(0);
    if (what.equals("test10k") || what.equals("test50k")) {
      long start = what.equals("test10k") ? 0 : Math.min(10000, n);
      long len = what.equals("test10k") ? Math.min(10000, n) : n - start;
      images = images.narrow(0, start, len);
      targets = targets.narrow(0, start, len);
    }
    Tensor labels = compat ? targets.select(1, 0).contiguous() : targets.contiguous();
    return new Tensor[] {images.unsqueeze(1).contiguous(), labels};
  }

  private static Path locate(Path root, String file, DownloadSource download) {
    Path raw = root.resolve("QMNIST").resolve("raw");
    List<Path> tried = new ArrayList<>();
    for (Path dir : List.of(root, raw)) {
      for (String name : List.of(file, file + ".gz")) {
        Path p = dir.resolve(name);
        tried.add(p);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    boolean xz = file.startsWith("xnist");
    if (download == null || xz) {
      throw new DatasetException("QMNIST: " + file + " not found (looked for " + tried + "); "
          + (xz ? "download " + file + ".xz and decompress it there with xz -d (the JDK cannot"
              + " read .xz)"
              : "pass QMNIST.SOURCE to download it, or copy the file there"));
    }
    return Downloader.ensure("QMNIST", download, file + ".gz", raw);
  }

  /** The subset ({@code train}, {@code test}, {@code test10k}, {@code test50k}, {@code nist}). */
  public String what() {
    return what;
  }

  /** True if each label is the digit, false if it is the row of 8 integers. */
  public boolean compat() {
    return compat;
  }

  /** The 10 class names, as torchvision spells them ({@code "0 - zero"}, ...). */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
