package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Semeion handwritten digits: 1,593 16x16 black-and-white digits, as torchvision's {@code
 * SEMEION}, from the text file {@code semeion.data} in {@code root}: one line per digit, 256
 * pixel values (0 or 1) then 10 one-hot class values. Pixels are scaled to 0 or 255 as
 * torchvision does.
 *
 * <pre>{@code
 * SEMEION digits = new SEMEION(Path.of("data"), new ToTensor(), SEMEION.SOURCE);
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code [1, 16, 16]} and a label int64 {@code []}; a batch
 * {@code [B, 1, 16, 16]} and {@code [B]}.
 */
public final class SEMEION extends ImageTensorDataset {

  /** The UCI repository's address torchvision downloads from and the file's MD5 checksum. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("http://archive.ics.uci.edu/ml/machine-learning-databases/semeion/")),
      List.of(new DownloadSource.RemoteFile(
          "semeion.data", "cb545d371d2ce14ec121470795a77432")));

  private static final List<String> CLASSES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /**
   * The digits in {@code root/semeion.data}, without downloading.
   *
   * @throws DatasetException if the file is missing or malformed
   */
  public SEMEION(Path root, Transform transform) {
    this(root, transform, null);
  }

  /**
   * The digits in {@code root/semeion.data}, downloading it from {@code download} when missing
   * and {@code download} is not null.
   *
   * @throws DatasetException if the file is missing and cannot be downloaded, or is malformed
   */
  public SEMEION(Path root, Transform transform, DownloadSource download) {
    this(read(root, download), transform);
  }

  private SEMEION(Tensor[] data, Transform transform) {
    super(data[0], data[1], transform);
  }

  private static Tensor[] read(Path root, DownloadSource download) {
    Path file = root.resolve("semeion.data");
    if (!Files.isRegularFile(file)) {
      if (download == null) {
        throw new DatasetException("SEMEION: " + file + " not found; pass SEMEION.SOURCE to"
            + " download it, or copy semeion.data there");
      }
      file = Downloader.ensure("SEMEION", download, "semeion.data", root);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    int n = lines.size();
    byte[] pixels = new byte[n * 256];
    long[] labels = new long[n];
    for (int r = 0; r < n; r++) {
      String[] v = lines.get(r).trim().split("\\s+");
      if (v.length != 266) {
        throw new DatasetException(file + " is corrupt: line " + (r + 1) + " has " + v.length
            + " values, not 256 pixels and 10 class values; download it again");
      }
      labels[r] = -1;
      try {
        for (int i = 0; i < 256; i++) {
          pixels[r * 256 + i] = (byte) (int) (Double.parseDouble(v[i]) * 255);
        }
        for (int c = 0; c < 10; c++) {
          if (Double.parseDouble(v[256 + c]) != 0 && labels[r] < 0) {
            labels[r] = c;
          }
        }
      } catch (NumberFormatException e) {
        throw new DatasetException(file + " is corrupt: line " + (r + 1) + " has a value that is"
            + " not a number (" + e.getMessage() + "); download it again", e);
      }
      if (labels[r] < 0) {
        throw new DatasetException(file + " is corrupt: line " + (r + 1) + " has no class (its"
            + " last 10 values are all 0); download it again");
      }
    }
    return new Tensor[] {Torch.frombuffer(pixels, DType.UINT8, n, 1, 16, 16),
        Torch.fromArray(labels, n)};
  }

  /** The 10 digit names {@code "0"} to {@code "9"}. */
  @Override
  public List<String> classes() {
    return CLASSES;
  }
}
