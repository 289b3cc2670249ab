package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.vision.transforms.Transform;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of 28x28 grey clothes in 10
 * classes, as torchvision's {@code FashionMNIST}.
 *
 * <pre>{@code
 * FashionMNIST train = FashionMNIST.train(Compose.of(new ToTensor(), new Normalize(...)));
 * Sample s = train.get(0);     // image float32 [1, 28, 28], label int64 []
 * }</pre>
 *
 * <p>{@link #train(Transform)} and {@link #test(Transform)} find the files by themselves: in
 * {@link #SYSTEM_ROOT} (where Debian's {@code dataset-fashion-mnist} package installs them), else
 * in {@link #userRoot()}, downloading them there from {@link #SOURCE} with checksum
 * verification when they are missing.
 *
 * <p>Shape: see {@link MnistDataset}.
 *
 * <p>Type: {@code @SampleShape(input = {"1", "28", "28"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [1, 28, 28]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class FashionMNIST extends MnistDataset {

  /** Where Debian's {@code dataset-fashion-mnist} package installs the gzipped IDX files. */
  public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets/fashion-mnist");

  /** The canonical address of the files and their MD5 checksums (as torchvision lists them). */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
      List.of(
          new DownloadSource.RemoteFile(
              "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
          new DownloadSource.RemoteFile(
              "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
          new DownloadSource.RemoteFile(
              "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
          new DownloadSource.RemoteFile(
              "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310")));

  private static final List<String> CLASSES = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /**
   * The split from the files in {@code root} (or {@code root/FashionMNIST/raw}), without
   * downloading.
   *
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) FashionMNIST(
      Path root, boolean train, Transform transform) {
    this(root, train, transform, null);
  }

  /**
   * The split from the files in {@code root} (or {@code root/FashionMNIST/raw}), downloading
   * missing files from {@code download} into {@code root/FashionMNIST/raw} when it is not null.
   *
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) FashionMNIST(
      Path root, boolean train, Transform transform, DownloadSource download) {
    super("FashionMNIST", root, train, transform, download);
  }

  /** The training split from the default location (see the class documentation). */
  public static @SampleShape(input = {"1", "28", "28"}, target = {}) FashionMNIST train(
      Transform transform) {
    return new FashionMNIST(defaultRoot(), true, transform, SOURCE);
  }

  /** The test split from the default location (see the class documentation). */
  public static @SampleShape(input = {"1", "28", "28"}, target = {}) FashionMNIST test(
      Transform transform) {
    return new FashionMNIST(defaultRoot(), false, transform, SOURCE);
  }

  /**
   * {@link #SYSTEM_ROOT} when it holds the four files, else {@link #userRoot()}.
   */
  public static Path defaultRoot() {
    for (DownloadSource.RemoteFile f : SOURCE.files()) {
      if (!Files.isRegularFile(SYSTEM_ROOT.resolve(f.name()))) {
        return userRoot();
      }
    }
    return SYSTEM_ROOT;
  }

  /** {@code ~/.cache/shapetorch/datasets}: where downloads go by default. */
  public static Path userRoot() {
    return Path.of(System.getProperty("user.home"), ".cache", "shapetorch", "datasets");
  }

  /** The 10 class names, indexed by label: T-shirt/top, Trouser, ..., Ankle boot. */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
