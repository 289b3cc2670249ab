package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.vision.transforms.Transform;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Kuzushiji-MNIST: 70,000 28x28 grey images of ten cursive Japanese (hiragana) characters, in
 * MNIST's four gzipped IDX files, as torchvision's {@code KMNIST}: 60,000 for training, 10,000 for
 * testing.
 *
 * <pre>{@code
 * KMNIST train = new KMNIST(Path.of("data"), true, new ToTensor(), KMNIST.SOURCE);   // downloads
 * }</pre>
 *
 * <p>Shape: see {@link MnistDataset}: image uint8 {@code [1, 28, 28]}, label int64 {@code []}.
 *
 * <p>Type: {@code @SampleShape(input = {"1", "28", "28"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [1, 28, 28]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class KMNIST extends MnistDataset {

  /** The address torchvision downloads from and the files' MD5 checksums. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("http://codh.rois.ac.jp/kmnist/dataset/kmnist/")),
      List.of(
          new DownloadSource.RemoteFile(
              "train-images-idx3-ubyte.gz", "bdb82020997e1d708af4cf47b453dcf7"),
          new DownloadSource.RemoteFile(
              "train-labels-idx1-ubyte.gz", "e144d726b3acfaa3e44228e80efcd344"),
          new DownloadSource.RemoteFile(
              "t10k-images-idx3-ubyte.gz", "5c965bf0a639b31b8f53240b1b52f4d7"),
          new DownloadSource.RemoteFile(
              "t10k-labels-idx1-ubyte.gz", "7320c461ea6c1c855c0b718fb2a4b134")));

  private static final List<String> CLASSES =
      List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo");

  /**
   * The split from the files in {@code root} (or {@code root/KMNIST/raw}), without downloading.
   *
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) KMNIST(
      Path root, boolean train, Transform transform) {
    this(root, train, transform, null);
  }

  /**
   * The split from the files in {@code root} (or {@code root/KMNIST/raw}), downloading missing
   * files from {@code download} into {@code root/KMNIST/raw} when it is not null.
   *
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) KMNIST(
      Path root, boolean train, Transform transform, DownloadSource download) {
    super("KMNIST", root, train, transform, download);
  }

  /** The 10 romanised class names ({@code "o"}, {@code "ki"}, ...), as torchvision's. */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
