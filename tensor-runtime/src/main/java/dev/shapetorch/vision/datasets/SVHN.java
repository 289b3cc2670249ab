package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.transforms.Transform;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Street View House Numbers, cropped digits: 32x32 colour images, as torchvision's {@code
 * SVHN}, from the MATLAB files {@code train_32x32.mat} (73,257), {@code test_32x32.mat} (26,032)
 * and {@code extra_32x32.mat} (531,131) in {@code root}. Each file holds {@code X}, the images
 * {@code [32, 32, 3, N]}, and {@code y}, the labels {@code [N, 1]} from 1 to 10, where 10 stands
 * for the digit 0: as torchvision does, label 10 is served as 0, so labels run from 0 to 9.
 *
 * <p>The files are MATLAB level-5 {@code .mat} files, plain or zlib-compressed, read by a reader
 * of that format's numeric arrays (no MATLAB or HDF5 library needed).
 *
 * <pre>{@code
 * SVHN train = new SVHN(Path.of("data"), "train", new ToTensor(), SVHN.SOURCE);   // downloads
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [3, 32, 32]} and a label int64 {@code []}; a batch
 * {@code [B, 3, 32, 32]} and {@code [B]}.
 */
public final class SVHN extends ImageTensorDataset {

  /** The splits, as torchvision's. */
  public static final List<String> SPLITS = List.of("train", "test", "extra");

  /** The address torchvision downloads from and the files' MD5 checksums. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("http://ufldl.stanford.edu/housenumbers/")),
      List.of(
          new DownloadSource.RemoteFile("train_32x32.mat", "e26dedcc434d2e4c54c9b2d4a06d8373"),
          new DownloadSource.RemoteFile("test_32x32.mat", "eb5a983be6a315427106f1b164d9cef3"),
          new DownloadSource.RemoteFile("extra_32x32.mat", "a93ce644f1a588dc4d68dda5feec44a7")));

  private static final List<String> CLASSES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private final String split;

  /**
   * The split ({@code train}, {@code test} or {@code extra}) from its file in {@code root},
   * without downloading.
   *
   * @throws IllegalArgumentException if {@code split} is not one of {@link #SPLITS}
   * @throws DatasetException if the file is missing or corrupt
   */
  public SVHN(Path root, String split, Transform transform) {
    this(root, split, transform, null);
  }

  /**
   * The split from its file in {@code root}, downloading it from {@code download} when missing
   * and {@code download} is not null.
   *
   * @throws IllegalArgumentException if {@code split} is not one of {@link #SPLITS}
   * @throws DatasetException if the file is missing and cannot be downloaded, or is corrupt
   */
  public SVHN(Path root, String split, Transform transform, DownloadSource download) {
    this(load(root, split, download), split, transform);
  }

  private SVHN(Tensor[] data, String split, Transform transform) {
    super(data[0], data[1], transform);
    this.split = split;
  }

  private static Tensor[] load(Path root, String split, DownloadSource download) {
    if (split == null || !SPLITS.contains(split)) {
      throw new IllegalArgumentException("SVHN: unknown split '" + split + "'; pass one of "
          + String.join(", ", SPLITS));
    }
    String name = split + "_32x32.mat";
    Path file = root.resolve(name);
    if (!Files.isRegularFile(file)) {
      if (download == null) {
        throw new DatasetException("SVHN: " + file + " not found; pass SVHN.SOURCE to download"
            + " it, or copy " + name + " there");
      }
      file = Downloader.ensure("SVHN", download, name, root);
    }
    Map<String, Tensor> vars = MatFile.read(file);
    Tensor x = vars.get("X");
    Tensor y = vars.get("y");
    if (x == null || y == null) {
      throw new DatasetException(file + " is corrupt: it has the variables " + vars.keySet()
          + ", not X and y; download it again");
    }
    if (x.dim() != 4 || x.size(2) != 3 || y.numel() != x.size(3)) {
      throw new DatasetException(file + " is corrupt: X has sizes "
          + Arrays.toString(x.shape()) + " and y " + Arrays.toString(y.shape())
          + ", not [H, W, 3, N] and [N, 1]; download it again");
    }
    Tensor images = x.to(DType.UINT8).permute(3, 2, 0, 1).contiguous();
    long[] labels = y.to(DType.INT64).reshape(-1).toLongArray();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == 10) {
        labels[i] = 0;
      }
      if (labels[i] < 0 || labels[i] > 9) {
        throw new DatasetException(file + " is corrupt: label " + i + " is " + labels[i]
            + ", but SVHN's run from 1 to 10; download it again");
      }
    }
    return new Tensor[] {images, dev.shapetorch.tensor.Torch.fromArray(labels, labels.length)};
  }

  /** The split's name. */
  public String split() {
    return split;
  }

  /** The 10 digit names {@code "0"} to {@code "9"}. */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
