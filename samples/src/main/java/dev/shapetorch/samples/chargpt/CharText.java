package dev.shapetorch.samples.chargpt;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * A text as a character-level language model reads it: its vocabulary (the distinct characters,
 * in code point order), the text as indices into it, split into a training part (the first 90%)
 * and a validation part (the rest), and batches of random windows with their next characters.
 *
 * @param vocabulary the distinct characters, sorted
 * @param train the indices of the training part
 * @param val the indices of the validation part
 */
public record CharText(char[] vocabulary, long[] train, long[] val) {

  /**
   * The default text: Ambrose Bierce's <i>The Devil's Dictionary</i> (1911, public domain), as
   * Debian's {@code dict-devil} package installs it (a dictzip file, which gzip reads).
   */
  public static final Path DEFAULT = Path.of("/usr/share/dictd/devil.dict.dz");

  /** The Debian package that installs {@link #DEFAULT}. */
  public static final String PACKAGE = "dict-devil";

  /** The share of the text that trains; the rest validates. */
  public static final double TRAIN_SHARE = 0.9;

  /**
   * Reads {@code file} (UTF-8; gunzipped first when its name ends with {@code .gz} or {@code
   * .dz}), only its first {@code limit} characters when {@code limit > 0}.
   *
   * @throws IllegalArgumentException if the file does not exist (saying which package installs
   *     the default), or the text is too short to split
   */
  public static CharText read(Path file, int limit) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(missingMessage(file));
    }
    String text;
    try (InputStream in = open(file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("CharGptTrainer: cannot read " + file + ": " + e, e);
    }
    if (limit > 0 && limit < text.length()) {
      text = text.substring(0, limit);
    }
    return of(text);
  }

  /** What {@link #read} says when {@code file} does not exist: which package installs it. */
  static String missingMessage(Path file) {
    return "CharGptTrainer: no text at " + file
        + (file.equals(DEFAULT)
            ? "; install Debian's " + PACKAGE + " package (apt-get install " + PACKAGE
                + "), which puts The Devil's Dictionary there, or pass --text FILE"
            : "; pass --text with a UTF-8 text file");
  }

  /** The vocabulary and split of {@code text}. */
  public static CharText of(String text) {
    if (text.length() < 100) {
      throw new IllegalArgumentException("CharGptTrainer: the text has " + text.length()
          + " characters; give it at least 100 (--limit too small?)");
    }
    TreeSet<Character> chars = new TreeSet<>();
    for (int i = 0; i < text.length(); i++) {
      chars.add(text.charAt(i));
    }
    char[] vocabulary = new char[chars.size()];
    int v = 0;
    for (char c : chars) {
      vocabulary[v++] = c;
    }
    long[] all = new long[text.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = Arrays.binarySearch(vocabulary, text.charAt(i));
    }
    int cut = (int) (all.length * TRAIN_SHARE);
    return new CharText(vocabulary, Arrays.copyOf(all, cut),
        Arrays.copyOfRange(all, cut, all.length));
  }

  private static InputStream open(Path file) throws IOException {
    String name = file.getFileName().toString();
    InputStream in = Files.newInputStream(file);
    return name.endsWith(".gz") || name.endsWith(".dz") ? new GZIPInputStream(in) : in;
  }

  /** The number of distinct characters. */
  public int vocabSize() {
    return vocabulary.length;
  }

  /** The indices of {@code s}'s characters; a character outside the vocabulary is refused. */
  public long[] encode(String s) {
    long[] out = new long[s.length()];
    for (int i = 0; i < out.length; i++) {
      int at = Arrays.binarySearch(vocabulary, s.charAt(i));
      if (at < 0) {
        throw new IllegalArgumentException("CharGptTrainer: the character '" + s.charAt(i)
            + "' (U+" + String.format("%04X", (int) s.charAt(i))
            + ") is not in the text's vocabulary; leave it out of the prompt");
      }
      out[i] = at;
    }
    return out;
  }

  /** The characters of {@code indices}. */
  public String decode(long[] indices) {
    StringBuilder sb = new StringBuilder(indices.length);
    for (long i : indices) {
      sb.append(vocabulary[(int) i]);
    }
    return sb.toString();
  }

  /**
   * A batch of {@code batch} windows of {@code len} characters from {@code part} at random
   * offsets, and the characters that follow each position (the window shifted by one).
   *
   * @return inputs and targets, both int64 {@code [batch, len]}
   */
  public static Batch batch(long[] part, int batch, int len, SplittableRandom random) {
    if (part.length <= len) {
      throw new IllegalArgumentException("CharGptTrainer: a part of " + part.length
          + " characters has no window of " + len + " characters and its next one; use a"
          + " shorter --context or a larger --limit");
    }
    long[] x = new long[batch * len];
    long[] y = new long[batch * len];
    for (int b = 0; b < batch; b++) {
      int from = random.nextInt(part.length - len);
      System.arraycopy(part, from, x, b * len, len);
      System.arraycopy(part, from + 1, y, b * len, len);
    }
    @Shape({"B", "L"}) Tensor inputs = Shapes.require(Torch.tensor(x).view(batch, len), "B", "L");
    @Shape({"B", "L"}) Tensor targets = Shapes.require(Torch.tensor(y).view(batch, len), "B", "L");
    return new Batch(inputs, targets);
  }

  /**
   * Windows of the text and their next characters.
   *
   * @param inputs {@code [B, L]} character indices
   * @param targets {@code [B, L]}: the character after each of {@code inputs}
   */
  public record Batch(@Shape({"B", "L"}) Tensor inputs, @Shape({"B", "L"}) Tensor targets) {}
}
