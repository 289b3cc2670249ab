package dev.shapetorch.backprop.ops;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * A small reader of Fashion-MNIST's gzipped IDX files (big-endian; magic 0x803 for images,
 * 0x801 for labels), for the training test.
 */
final class FashionMnist {
  /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
  static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /**
   * One split: images {@code [n, 784]} scaled to {@code [0, 1]} (float32) and int64 labels
   * {@code [n]}.
   */
  record Split(Tensor images, Tensor labels) {
    long size() {
      return labels.size(0);
    }
  }

  private FashionMnist() {}

  /**
   * Reads a split, optionally shuffled.
   *
   * @param prefix {@code "train"} or {@code "t10k"}
   * @param shuffleSeed the seed of the permutation, or null to keep the file's order
   */
  static Split read(String prefix, Long shuffleSeed) throws IOException {
    byte[] pixels = readIdx(DIR.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, 3);
    byte[] classes = readIdx(DIR.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, 1);
    int n = classes.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (shuffleSeed != null) {
      Random random = new Random(shuffleSeed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    float[] images = new float[n * 784];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      int src = order[i];
      for (int p = 0; p < 784; p++) {
        images[i * 784 + p] = (pixels[src * 784 + p] & 0xff) / 255f;
      }
      labels[i] = classes[src];
    }
    return new Split(Torch.fromArray(images, n, 784).retain(),
        Torch.fromArray(labels, n).retain());
  }

  /** The payload of an IDX file after checking its magic number and reading its dimensions. */
  private static byte[] readIdx(Path file, int magic, int dims) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException(file + " is missing: install Debian's dataset-fashion-mnist");
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
      int found = in.readInt();
      if (found != magic) {
        throw new IOException(file + ": magic " + Integer.toHexString(found) + ", expected "
            + Integer.toHexString(magic));
      }
      long size = 1;
      for (int d = 0; d < dims; d++) {
        size *= in.readInt();
      }
      byte[] data = new byte[Math.toIntExact(size)];
      in.readFully(data);
      return data;
    }
  }
}
