package dev.shapetorch.vision.datasets;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extended MNIST: handwritten digits and letters, 28x28 grey, in six splits, as torchvision's
 * {@code EMNIST}: {@code byclass} (62 classes), {@code bymerge} and {@code balanced} (47: the
 * letters whose capital and small forms look alike merged), {@code letters} (labels 1 to 26,
 * class 0 is {@code "N/A"}), {@code digits} and {@code mnist} (10).
 *
 * <p>Each split's files are {@code emnist-<split>-<train|test>-<images-idx3|labels-idx1>-ubyte}
 * (optionally {@code .gz}), looked for in {@code root} and {@code root/EMNIST/raw}. Downloading
 * fetches NIST's {@code gzip.zip} (535 MB, checksum verified) and extracts the split's files.
 *
 * <p>As in torchvision 0.14, the images are served as the files store them: transposed (the
 * character's rows are the file's columns); {@code image.transpose(1, 2)} shows it upright.
 *
 * <pre>{@code
 * EMNIST letters = new EMNIST(Path.of("data"), "letters", true, new ToTensor(), EMNIST.SOURCE);
 * }</pre>
 *
 * <p>Shape: see {@link MnistDataset}: image uint8 {@code [1, 28, 28]}, label int64 {@code []}.
 *
 * <p>Type: {@code @SampleShape(input = {"1", "28", "28"}, target = {})} when made without a
 * transform (a {@code null} one): each example's image {@code [1, 28, 28]} and label {@code []},
 * from which a {@link dev.shapetorch.data.DataLoader}'s batches get their shapes; with a
 * transform, unknown.
 */
public final class EMNIST extends MnistDataset {

  /** The splits, as torchvision's {@code EMNIST.splits}. */
  public static final List<String> SPLITS =
      List.of("byclass", "bymerge", "balanced", "letters", "digits", "mnist");

  /** NIST's archive of all splits and its MD5 checksum, as torchvision's. */
  public static final DownloadSource SOURCE = new DownloadSource(
      List.of(URI.create("https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/")),
      List.of(new DownloadSource.RemoteFile("gzip.zip", "58c8d27c78d21e728a6bc7b3cc06412e")));

  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String MERGED = "cijklmopsuvwxyz";

  private final String split;
  private final List<String> classes;

  /**
   * The {@code split}'s training or test examples from the files under {@code root}, without
   * downloading.
   *
   * @throws IllegalArgumentException if {@code split} is not one of {@link #SPLITS}
   * @throws DatasetException if a file is missing, truncated or corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) EMNIST(
      Path root, String split, boolean train, Transform transform) {
    this(root, split, train, transform, null);
  }

  /**
   * The {@code split}'s training or test examples; when a file is missing and {@code download}
   * is not null, downloads {@code gzip.zip} into {@code root/EMNIST/raw} and extracts the
   * split's files there.
   *
   * @throws IllegalArgumentException if {@code split} is not one of {@link #SPLITS}
   * @throws DatasetException if a file is missing and cannot be downloaded, or is corrupt
   */
  public @SampleShape(input = {"1", "28", "28"}, target = {}) EMNIST(
      Path root, String split, boolean train, Transform transform,
      DownloadSource download) {
    super("EMNIST", train, transform,
        locate(root, fileName(split, train, "images-idx3"), download),
        locate(root, fileName(split, train, "labels-idx1"), download),
        classesOf(split).size());
    this.split = split;
    this.classes = classesOf(split);
  }

  private static String fileName(String split, boolean train, String kind) {
    if (split == null || !SPLITS.contains(split)) {
      throw new IllegalArgumentException("EMNIST: unknown split '" + split + "'; pass one of "
          + String.join(", ", SPLITS));
    }
    return "emnist-" + split + "-" + (train ? "train" : "test") + "-" + kind + "-ubyte";
  }

  /** The class names of {@code split}, as torchvision's {@code classes_split_dict}. */
  static List<String> classesOf(String split) {
    List<String> out = new ArrayList<>();
    switch (split) {
      case "byclass", "bymerge", "balanced" -> {
        for (char c : (DIGITS + UPPER + LOWER).toCharArray()) {
          if (split.equals("byclass") || !(LOWER.indexOf(c) >= 0 && MERGED.indexOf(c) >= 0)) {
            out.add(String.valueOf(c));
          }
        }
      }
      case "letters" -> {
        out.add("N/A");
        for (char c : LOWER.toCharArray()) {
          out.add(String.valueOf(c));
        }
      }
      default -> {
        for (char c : DIGITS.toCharArray()) {
          out.add(String.valueOf(c));
        }
      }
    }
    return List.copyOf(out);
  }

  private static Path locate(Path root, String file, DownloadSource download) {
    Path raw = root.resolve("EMNIST").resolve("raw");
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
    if (download == null) {
      throw new DatasetException("EMNIST: " + file + " not found (looked for " + tried
          + "); pass EMNIST.SOURCE to download gzip.zip, or extract the split's files there");
    }
    Path zip = Downloader.ensure("EMNIST", download, download.files().get(0).name(), raw);
    return extract(zip, file + ".gz", raw);
  }

  /** Copies the entry of {@code zip} whose name ends with {@code /name} into {@code dir}. */
  static Path extract(Path zip, String name, Path dir) {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String n = e.getName();
        if (n.equals(name) || n.endsWith("/" + name)) {
          Path target = dir.resolve(name);
          Files.copy((InputStream) in, target, StandardCopyOption.REPLACE_EXISTING);
          return target;
        }
      }
    } catch (IOException e) {
      throw new DatasetException("EMNIST: cannot extract " + name + " from " + zip + ": " + e
          + "; delete it and download it again", e);
    }
    throw new DatasetException("EMNIST: " + zip + " has no entry " + name
        + "; delete it and download it again");
  }

  /** The split's name. */
  public String split() {
    return split;
  }

  /** The split's class names, as torchvision's (for {@code letters}, class 0 is "N/A"). */
  @Override
  public List<String> classes() {
    return classes;
  }
}
