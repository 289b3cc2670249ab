package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CIFAR-100 from its binary version ({@code cifar-100-binary.tar.gz}, extracted): 50,000 training
 * images in {@code train.bin} and 10,000 test images in {@code test.bin}, 32x32 colour, 100 fine
 * classes grouped in 20 coarse ones. As torchvision's {@code CIFAR100}, an example's label is the
 * fine class; the coarse labels are {@link #coarseLabels()}.
 *
 * <p>Each file is a sequence of 3,074-byte records: the coarse label, the fine label (one byte
 * each), then 1,024 red, 1,024 green and 1,024 blue pixel values, row-major. The files are looked
 * for in {@code root} and in {@code root/cifar-100-binary}. With a {@link DownloadSource} ({@link
 * #SOURCE}), missing files are downloaded as the archive and extracted.
 *
 * <pre>{@code
 * CIFAR100 train = new CIFAR100(Path.of("data"), true, new ToTensor(), CIFAR100.SOURCE);
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [3, 32, 32]} (before the transform) and a fine
 * label int64 {@code []}; a batch {@code [B, 3, 32, 32]} and {@code [B]}.
 *
 * <p>Type: {@code @SampleShape(input = {"3", "32", "32"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [3, 32, 32]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class CIFAR100 extends ImageTensorDataset {

  /** Bytes per record: two labels and 3 x 32 x 32 pixels. */
  public static final int RECORD_BYTES = 2 + 3 * 32 * 32;

  /** The CIFAR page's address of the binary version and its MD5 checksum. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("https://www.cs.toronto.edu/~kriz/")),
      List.of(new DownloadSource.RemoteFile(
          "cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8")));

  private static final String FOLDER = "cifar-100-binary";

  private static final List<String> FINE = List.of(
      "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle",
      "bottle", "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle",
      "caterpillar", "cattle", "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch",
      "crab", "crocodile", "cup", "dinosaur", "dolphin", "elephant", "flatfish", "forest", "fox",
      "girl", "hamster", "house", "kangaroo", "keyboard", "lamp", "lawn_mower", "leopard", "lion",
      "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain", "mouse", "mushroom",
      "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
      "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road",
      "rocket", "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake",
      "spider", "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank",
      "telephone", "television", "tiger", "tractor", "train", "trout", "tulip", "turtle",
      "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");

  private static final List<String> COARSE = List.of(
      "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
      "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
      "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
      "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people",
      "reptiles", "small_mammals", "trees", "vehicles_1", "vehicles_2");

  private final boolean train;
  private final Tensor coarseLabels;

  /**
   * The training ({@code train}) or test split from the binary files under {@code root}, without
   * downloading.
   *
   * @throws DatasetException if the file is missing, truncated or holds a label out of range
   */
  public @SampleShape(input = {"3", "32", "32"}, target = {}) CIFAR100(
      Path root, boolean train, Transform transform) {
    this(root, train, transform, null);
  }

  /**
   * The training or test split; when the file is missing and {@code download} is not null,
   * downloads {@code cifar-100-binary.tar.gz} (checksum verified) into {@code root} and extracts
   * it there first.
   *
   * @throws DatasetException if the file is missing and cannot be downloaded, or is corrupt
   */
  public @SampleShape(input = {"3", "32", "32"}, target = {}) CIFAR100(
      Path root, boolean train, Transform transform, DownloadSource download) {
    this(read(root, train ? "train.bin" : "test.bin", download), train, transform);
  }

  private CIFAR100(Tensor[] data, boolean train, Transform transform) {
    super(data[0], data[1], transform);
    this.train = train;
    this.coarseLabels = data[2].retain();
  }

  private static Tensor[] read(Path root, String name, DownloadSource download) {
    Path direct = root.resolve(name);
    Path nested = root.resolve(FOLDER).resolve(name);
    if (download != null && !Files.isRegularFile(direct) && !Files.isRegularFile(nested)) {
      TarGz.extract(
          Downloader.ensure("CIFAR100", download, download.files().get(0).name(), root), root);
    }
    Path file = Files.isRegularFile(direct) ? direct : nested;
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("CIFAR100: " + name + " not found (looked for " + direct
          + " and " + nested + "); pass CIFAR100.SOURCE to download it, or extract"
          + " cifar-100-binary.tar.gz into " + root);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    if (bytes.length % RECORD_BYTES != 0) {
      throw new DatasetException(file + " is truncated: it has " + bytes.length + " bytes, not a"
          + " whole number of " + RECORD_BYTES + "-byte records (" + bytes.length / RECORD_BYTES
          + " records and " + bytes.length % RECORD_BYTES + " bytes); download it again");
    }
    int n = bytes.length / RECORD_BYTES;
    int pixels = RECORD_BYTES - 2;
    byte[] images = new byte[n * pixels];
    long[] coarse = new long[n];
    long[] fine = new long[n];
    for (int r = 0; r < n; r++) {
      int o = r * RECORD_BYTES;
      coarse[r] = bytes[o] & 0xff;
      fine[r] = bytes[o + 1] & 0xff;
      if (coarse[r] >= COARSE.size() || fine[r] >= FINE.size()) {
        throw new DatasetException(file + " is corrupt: record " + r + " has coarse label "
            + coarse[r] + " and fine label " + fine[r] + ", but CIFAR-100's run from 0 to 19 and"
            + " 0 to 99; download it again");
      }
      System.arraycopy(bytes, o + 2, images, r * pixels, pixels);
    }
    return new Tensor[] {Torch.frombuffer(images, DType.UINT8, n, 3, 32, 32),
        Torch.fromArray(fine, n), Torch.fromArray(coarse, n)};
  }

  /** True for the training split. */
  public boolean train() {
    return train;
  }

  /** The 100 fine class names, indexed by label ({@code apple}, ..., {@code worm}). */
  @Override
  public List<String> classes() {
    return FINE;
  }

  /** The 20 coarse class names (superclasses), indexed by coarse label. */
  public List<String> coarseClasses() {
    return COARSE;
  }

  /** The coarse label of every example: int64 {@code [N]} (the dataset's own tensor). */
  public Tensor coarseLabels() {
    return coarseLabels;
  }
}
