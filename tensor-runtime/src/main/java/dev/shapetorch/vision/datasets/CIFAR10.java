package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.data.BatchedDataset;
import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 from its binary version ({@code cifar-10-binary.tar.gz}, extracted): 50,000 training
 * images in {@code data_batch_1.bin} to {@code data_batch_5.bin} and 10,000 test images in {@code
 * test_batch.bin}, 32x32 colour, 10 classes, as torchvision's {@code CIFAR10}.
 *
 * <p>With a {@link DownloadSource} ({@link #SOURCE}), missing files are downloaded as the
 * archive and extracted.
 *
 * <p>Each file is a sequence of 3,073-byte records: the label (one byte), then 1,024 red, 1,024
 * green and 1,024 blue pixel values, row-major. The files are looked for in {@code root} and in
 * {@code root/cifar-10-batches-bin}. Files of a length that is not a whole number of records are
 * reported as truncated.
 *
 * <pre>{@code
 * CIFAR10 train = new CIFAR10(Path.of("data"), true, Compose.of(new RandomCrop(32, 4),
 *     new RandomHorizontalFlip(), new ToTensor()));
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [3, 32, 32]} (before the transform) and a label
 * int64 {@code []}; a batch {@code [B, 3, 32, 32]} and {@code [B]}.
 *
 * <p>Type: {@code @SampleShape(input = {"3", "32", "32"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [3, 32, 32]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class CIFAR10 implements BatchedDataset<Sample> {

  /** Bytes per record: a label and 3 x 32 x 32 pixels. */
  public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

  private static final List<String> TRAIN_FILES = List.of(
      "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
      "data_batch_5.bin");
  private static final List<String> TEST_FILES = List.of("test_batch.bin");
  private static final List<String> CLASSES = List.of(
      "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  private final boolean train;
  private final Tensor images;
  private final Tensor labels;
  private final Transform transform;

  /** The CIFAR-10 page's address of the binary version and its MD5 checksum. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(java.net.URI.create("https://www.cs.toronto.edu/~kriz/")),
      List.of(new DownloadSource.RemoteFile(
          "cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530")));

  /**
   * The training ({@code train}) or test split from the binary files under {@code root}, without
   * downloading.
   *
   * @throws DatasetException if a file is missing, truncated or holds a label above 9
   */
  public @SampleShape(input = {"3", "32", "32"}, target = {}) CIFAR10(
      Path root, boolean train, Transform transform) {
    this(root, train, transform, null);
  }

  /**
   * The training or test split from the binary files under {@code root}; when one is missing
   * and {@code download} is not null, downloads the archive ({@code cifar-10-binary.tar.gz},
   * checksum verified) into {@code root} and extracts it there first.
   *
   * @throws DatasetException if a file is missing and cannot be downloaded, or is truncated or
   *     corrupt
   */
  public @SampleShape(input = {"3", "32", "32"}, target = {}) CIFAR10(
      Path root, boolean train, Transform transform, DownloadSource download) {
    this.train = train;
    this.transform = transform;
    List<String> names = train ? TRAIN_FILES : TEST_FILES;
    if (download != null && !allPresent(root, names)) {
      Path archive = Downloader.ensure(
          "CIFAR10", download, download.files().get(0).name(), root);
      TarGz.extract(archive, root);
    }
    List<byte[]> contents = new ArrayList<>();
    long records = 0;
    for (String name : names) {
      Path file = locate(root, name);
      byte[] bytes = read(file);
      if (bytes.length % RECORD_BYTES != 0) {
        throw new DatasetException(
            file + " is truncated: it has " + bytes.length + " bytes, not a whole number of "
                + RECORD_BYTES + "-byte records (" + bytes.length / RECORD_BYTES
                + " records and " + bytes.length % RECORD_BYTES + " bytes); download it again");
      }
      for (int r = 0; r < bytes.length; r += RECORD_BYTES) {
        int label = bytes[r] & 0xff;
        if (label >= CLASSES.size()) {
          throw new DatasetException(
              file + " is corrupt: record " + r / RECORD_BYTES + " has label " + label
                  + ", but CIFAR-10 labels run from 0 to 9; download it again");
        }
      }
      contents.add(bytes);
      records += bytes.length / RECORD_BYTES;
    }
    if (records * (RECORD_BYTES - 1) > Integer.MAX_VALUE - 8) {
      throw new DatasetException("CIFAR10: " + records + " records do not fit in memory arrays");
    }
    byte[] pixels = new byte[(int) records * (RECORD_BYTES - 1)];
    long[] labelValues = new long[(int) records];
    int n = 0;
    for (byte[] bytes : contents) {
      for (int r = 0; r < bytes.length; r += RECORD_BYTES, n++) {
        labelValues[n] = bytes[r] & 0xff;
        System.arraycopy(bytes, r + 1, pixels, n * (RECORD_BYTES - 1), RECORD_BYTES - 1);
      }
    }
    this.images = Torch.frombuffer(pixels, DType.UINT8, records, 3, 32, 32)
        .retain();
    this.labels = Torch.fromArray(labelValues, records).retain();
  }

  private static boolean allPresent(Path root, List<String> names) {
    for (String name : names) {
      if (!Files.isRegularFile(root.resolve(name))
          && !Files.isRegularFile(root.resolve("cifar-10-batches-bin").resolve(name))) {
        return false;
      }
    }
    return true;
  }

  private static Path locate(Path root, String name) {
    Path direct = root.resolve(name);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    Path nested = root.resolve("cifar-10-batches-bin").resolve(name);
    if (Files.isRegularFile(nested)) {
      return nested;
    }
    throw new DatasetException(
        "CIFAR10: " + name + " not found (looked for " + direct + " and " + nested + ");"
            + " pass CIFAR10.SOURCE to download it, or extract cifar-10-binary.tar.gz into "
            + root);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
  }

  /** True for the training split. */
  public boolean train() {
    return train;
  }

  /** The class names, indexed by label: airplane, automobile, ..., truck. */
  public List<String> classes() {
    return CLASSES;
  }

  /** All images, untransformed: uint8 {@code [N, 3, 32, 32]} (the dataset's own tensor). */
  public Tensor images() {
    return images;
  }

  /** All labels: int64 {@code [N]} (the dataset's own tensor). */
  public Tensor labels() {
    return labels;
  }

  @Override
  public int size() {
    return (int) labels.size(0);
  }

  /**
   * Example {@code index}.
   *
   * <p>Shape: image {@code [3, 32, 32]} before the transform; label {@code []}.
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size());
    Tensor image = images.select(0, index);
    return new Sample(
        transform == null ? image.clone() : transform.apply(image), labels.select(0, index));
  }

  /**
   * The examples at {@code indices}, stacked; a batchable transform is applied once to the batch.
   *
   * <p>Shape: images {@code [B, 3, 32, 32]} before the transform; labels {@code [B]}.
   */
  @Override
  public Sample getBatch(int[] indices) {
    long[] idx = new long[indices.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = Dataset.checkIndex(indices[i], size());
    }
    Tensor index = Torch.tensor(idx);
    Tensor batch = images.indexSelect(0, index);
    Tensor targets = labels.indexSelect(0, index);
    if (transform == null) {
      return new Sample(batch, targets);
    }
    if (transform.batchable()) {
      return new Sample(transform.apply(batch), targets);
    }
    List<Tensor> out = new ArrayList<>(indices.length);
    for (int i = 0; i < indices.length; i++) {
      out.add(transform.apply(batch.select(0, i)));
    }
    return new Sample(Torch.stack(out, 0), targets);
  }
}
