package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.vision.transforms.Transform;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * LeCun's MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 grey digits,
 * labels 0 to 9, as torchvision's {@code MNIST}.
 *
 * <pre>{@code
 * MNIST train = new MNIST(Path.of("data"), true, new ToTensor(), MNIST.SOURCE);   // downloads
 * }</pre>
 *
 * <p>Shape: see {@link MnistDataset}.
 *
 * <p>Type: {@code @SampleShape(input = {"1", "28", "28"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [1, 28, 28]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class MNIST extends MnistDataset {

  /** The mirrors torchvision uses and the files' MD5 checksums. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(
          URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          URI.create("http://yann.lecun.com/exdb/mnist/")),
      List.of(
          new DownloadSource.RemoteFile(
              "train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
          new DownloadSource.RemoteFile(
              "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
          new DownloadSource.RemoteFile(
              "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
          new DownloadSource.RemoteFile(
              "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c")));

  private static final List<String> CLASSES = List.of(
      "0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
      "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine");

  /**
   * The split from the files in {@code root} (or {@code root/MNIST/raw}), without downloading.
   *
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) MNIST(
      Path root, boolean train, Transform transform) {
    this(root, train, transform, null);
  }

  /**
   * The split from the files in {@code root} (or {@code root/MNIST/raw}), downloading missing
   * files from {@code download} into {@code root/MNIST/raw} when it is not null.
   *
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) MNIST(
      Path root, boolean train, Transform transform, DownloadSource download) {
    super("MNIST", root, train, transform, download);
  }

  /** The 10 class names as torchvision spells them ({@code "0 - zero"}, ...). */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
