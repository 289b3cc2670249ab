package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.BatchedDataset;
import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The MNIST family: 28x28 grey images with a class index, read from the four gzipped IDX files
 * that MNIST and Fashion-MNIST publish. Examples are {@link Sample}s of an image and a label.
 *
 * <p>The files are looked for in {@code root}, then in {@code root/<Name>/raw} (torchvision's
 * layout), where {@code <Name>} is the dataset's name; a missing file is downloaded into the
 * latter when downloading is enabled.
 *
 * <p>Shape: an example is an image uint8 {@code [1, 28, 28]} (or whatever the transform makes of
 * it) and a label int64 {@code []}; a batch is {@code [B, 1, 28, 28]} and {@code [B]}.
 */
public abstract sealed class MnistDataset implements BatchedDataset<Sample>
    permits MNIST, FashionMNIST, KMNIST, EMNIST {

  private final String name;
  private final boolean train;
  private final Tensor images;
  private final Tensor labels;
  private final Transform transform;

  MnistDataset(
      String name, Path root, boolean train, Transform transform, DownloadSource download) {
    this(name, train, transform,
        locate(name, root, (train ? "train" : "t10k") + "-images-idx3-ubyte.gz", download),
        locate(name, root, (train ? "train" : "t10k") + "-labels-idx1-ubyte.gz", download),
        -1);
  }

  /** The images and labels of {@code imageFile} and {@code labelFile}, already located. */
  MnistDataset(String name, boolean train, Transform transform, Path imageFile, Path labelFile,
      int classCount) {
    this.name = name;
    this.train = train;
    this.transform = transform;
    Tensor rawImages = IdxFile.read(imageFile);
    Tensor rawLabels = IdxFile.read(labelFile);
    check(rawImages.dim() == 3, imageFile, "holds a tensor of shape "
        + Arrays.toString(rawImages.shape()) + ", not images [N, H, W]");
    check(rawLabels.dim() == 1, labelFile, "holds a tensor of shape "
        + Arrays.toString(rawLabels.shape()) + ", not labels [N]");
    check(rawImages.size(0) == rawLabels.size(0), labelFile, "has " + rawLabels.size(0)
        + " labels but " + imageFile.getFileName() + " has " + rawImages.size(0) + " images");
    this.images = rawImages.unsqueeze(1).retain();
    this.labels = rawLabels.to(DType.INT64).retain();
    long maxLabel = labels.numel() == 0 ? 0 : labels.max().itemLong();
    int classes = classCount >= 0 ? classCount : classes().size();
    check(maxLabel < classes, labelFile, "holds label " + maxLabel + ", but "
        + name + " has " + classes + " classes");
  }

  private static void check(boolean ok, Path file, String problem) {
    if (!ok) {
      throw new DatasetException(file + " is corrupt: it " + problem + "; download it again");
    }
  }

  /** Finds {@code file} under {@code root}, downloading it when allowed. */
  static Path locate(String name, Path root, String file, DownloadSource download) {
    List<Path> tried = new ArrayList<>();
    for (Path dir : List.of(root, root.resolve(name).resolve("raw"))) {
      Path p = dir.resolve(file);
      tried.add(p);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    if (download == null) {
      throw new DatasetException(
          name + ": " + file + " not found (looked for " + tried.get(0) + " and " + tried.get(1)
              + "); pass download=true to fetch the dataset, or copy its files there");
    }
    return Downloader.ensure(name, download, file, root.resolve(name).resolve("raw"));
  }

  /** The dataset's name ({@code MNIST}, {@code FashionMNIST}, {@code KMNIST}, {@code EMNIST}). */
  public String name() {
    return name;
  }

  /** True for the training split (60,000 examples), false for the test split (10,000). */
  public boolean train() {
    return train;
  }

  /** The class names, indexed by label. */
  public abstract List<String> classes();

  /**
   * All images, untransformed: uint8 {@code [N, 1, 28, 28]} (the dataset's own tensor: do not
   * close or modify it).
   */
  public Tensor images() {
    return images;
  }

  /** All labels: int64 {@code [N]} (the dataset's own tensor: do not close or modify it). */
  public Tensor labels() {
    return labels;
  }

  /** The transform applied to each image, or null. */
  public Transform transform() {
    return transform;
  }

  @Override
  public int size() {
    return (int) labels.size(0);
  }

  /**
   * Example {@code index}: the (transformed) image and its label.
   *
   * <p>Shape: image {@code [1, 28, 28]} before the transform; label {@code []}.
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size());
    Tensor image = images.select(0, index);
    return new Sample(
        transform == null ? image.clone() : transform.apply(image), labels.select(0, index));
  }

  /**
   * The examples at {@code indices}, stacked. A {@linkplain Transform#batchable() batchable}
   * transform is applied to the whole batch at once; others to each image.
   *
   * <p>Shape: images {@code [B, 1, 28, 28]} before the transform; labels {@code [B]}.
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

  @Override
  public String toString() {
    return name + "(" + (train ? "train" : "test") + ", " + size() + " examples"
        + (transform == null ? "" : ", transform=" + transform) + ")";
  }
}
