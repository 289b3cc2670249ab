package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Samples stored one file each in a directory per class, as torchvision's {@code DatasetFolder}:
 * {@code root/dog/xxx.png}, {@code root/dog/nested/xxy.png}, {@code root/cat/123.png}. The
 * classes are the subdirectories of {@code root}, sorted by name, numbered from 0 ({@link
 * #classToIdx()}); each class's files are found recursively (following links), in sorted order,
 * and kept when their name ends with one of the extensions (case-insensitive) or, instead, when
 * a predicate accepts them. Files are loaded on each {@link #get(int)} by the loader.
 *
 * <pre>{@code
 * DatasetFolder spectra = new DatasetFolder(Path.of("spectra"), f -> Torch.load(f),
 *     List.of(".pt"), null, null);
 * }</pre>
 *
 * <p>Shape: an example is whatever the loader (then the transform) makes of a file, and the
 * class index int64 {@code []} (then the target transform).
 */
public class DatasetFolder implements Dataset<Sample> {

  /** One file and its class index, as an entry of torchvision's {@code samples}. */
  public record Item(Path path, int classIndex) {}

  private final Path root;
  private final List<String> classes;
  private final Map<String, Integer> classToIdx;
  private final List<Item> samples;
  private final Function<Path, Tensor> loader;
  private final Transform transform;
  private final UnaryOperator<Tensor> targetTransform;

  /**
   * The files under {@code root} whose names end with one of {@code extensions} (such as {@code
   * ".png"}, compared case-insensitively), as {@code DatasetFolder(root, loader, extensions,
   * transform, target_transform)}.
   *
   * @param transform applied to each loaded sample, or null
   * @param targetTransform applied to each class index (int64 {@code []}), or null
   * @throws DatasetException if {@code root} has no class directory, or a class has no file
   *     with one of the extensions
   */
  public DatasetFolder(Path root, Function<Path, Tensor> loader, List<String> extensions,
      Transform transform, UnaryOperator<Tensor> targetTransform) {
    this(name(), root, loader, checkExtensions(extensions), null, transform, targetTransform);
  }

  /**
   * The files under {@code root} that {@code isValidFile} accepts, as {@code DatasetFolder(root,
   * loader, is_valid_file=..., transform, target_transform)}.
   *
   * @throws DatasetException if {@code root} has no class directory, or a class has no valid
   *     file
   */
  public DatasetFolder(Path root, Function<Path, Tensor> loader, Predicate<Path> isValidFile,
      Transform transform, UnaryOperator<Tensor> targetTransform) {
    this(name(), root, loader, null, requirePredicate(isValidFile), transform, targetTransform);
  }

  DatasetFolder(String op, Path root, Function<Path, Tensor> loader, List<String> extensions,
      Predicate<Path> isValidFile, Transform transform, UnaryOperator<Tensor> targetTransform) {
    if (root == null) {
      throw new IllegalArgumentException(op + ": root is null; pass the dataset's directory");
    }
    if (loader == null) {
      throw new IllegalArgumentException(op + ": loader is null; pass a function from a file"
          + " to a tensor, such as Images::readImage");
    }
    this.root = root;
    this.loader = loader;
    this.transform = transform;
    this.targetTransform = targetTransform;
    this.classes = findClasses(op, root);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      idx.put(classes.get(i), i);
    }
    this.classToIdx = Collections.unmodifiableMap(idx);
    List<String> lower = extensions == null ? null
        : extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    Predicate<Path> valid = isValidFile != null ? isValidFile : p -> {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      return lower.stream().anyMatch(n::endsWith);
    };
    List<Item> items = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      List<Path> files = filesUnder(op, root.resolve(classes.get(c)));
      int before = items.size();
      for (Path f : files) {
        if (valid.test(f)) {
          items.add(new Item(f, c));
        }
      }
      if (items.size() == before) {
        empty.add(classes.get(c));
      }
    }
    if (!empty.isEmpty()) {
      throw new DatasetException(op + ": found no valid file for the classes "
          + String.join(", ", empty) + " under " + root
          + (lower == null ? " (the isValidFile predicate accepted none)"
              : "; supported extensions are " + String.join(", ", lower))
          + "; add files to those directories or remove them");
    }
    this.samples = List.copyOf(items);
  }

  private static String name() {
    return "DatasetFolder";
  }

  private static List<String> checkExtensions(List<String> extensions) {
    if (extensions == null || extensions.isEmpty()) {
      throw new IllegalArgumentException("DatasetFolder: extensions is "
          + (extensions == null ? "null" : "empty") + "; pass file endings such as \".png\","
          + " or an isValidFile predicate instead");
    }
    return List.copyOf(extensions);
  }

  private static Predicate<Path> requirePredicate(Predicate<Path> isValidFile) {
    if (isValidFile == null) {
      throw new IllegalArgumentException("DatasetFolder: isValidFile is null; pass a predicate,"
          + " or a list of extensions instead");
    }
    return isValidFile;
  }

  /**
   * The class directories of {@code root}, sorted, as torchvision's {@code find_classes}.
   *
   * @throws DatasetException if {@code root} is not a directory or has no subdirectory
   */
  public static List<String> findClasses(Path root) {
    return findClasses("findClasses", root);
  }

  private static List<String> findClasses(String op, Path root) {
    if (!Files.isDirectory(root)) {
      throw new DatasetException(op + ": " + root + " is not a directory; pass the directory"
          + " that holds one subdirectory per class");
    }
    List<String> out;
    try (Stream<Path> s = Files.list(root)) {
      out = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DatasetException(op + ": cannot list " + root + ": " + e, e);
    }
    if (out.isEmpty()) {
      throw new DatasetException(op + ": couldn't find any class folder in " + root
          + "; put each class's files in a subdirectory named after the class");
    }
    return out;
  }

  private static List<Path> filesUnder(String op, Path dir) {
    try (Stream<Path> s = Files.walk(dir, Integer.MAX_VALUE, FileVisitOption.FOLLOW_LINKS)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DatasetException(op + ": cannot list " + dir + ": " + e, e);
    }
  }

  /** The directory the dataset was read from. */
  public Path root() {
    return root;
  }

  /** The class names (directory names), sorted; the class index is the position. */
  public List<String> classes() {
    return classes;
  }

  /** Class name to index, as torchvision's {@code class_to_idx}. */
  public Map<String, Integer> classToIdx() {
    return classToIdx;
  }

  /** The files and their class indices, in order, as torchvision's {@code samples}. */
  public List<Item> samples() {
    return samples;
  }

  /** The class index of every file, in order, as torchvision's {@code targets}. */
  public List<Integer> targets() {
    return samples.stream().map(Item::classIndex).toList();
  }

  @Override
  public int size() {
    return samples.size();
  }

  /**
   * Example {@code index}: the loaded (and transformed) file and its class index.
   *
   * <p>Shape: input as the loader and transform make it; target int64 {@code []} before the
   * target transform.
   *
   * @throws DatasetException if the loader fails; the message names the file
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size());
    Item item = samples.get(index);
    Tensor sample;
    try {
      sample = loader.apply(item.path());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new DatasetException(getClass().getSimpleName() + ": cannot load example " + index
          + " (" + item.path() + "): " + e.getMessage() + "; remove or replace the file", e);
    }
    if (transform != null) {
      sample = transform.apply(sample);
    }
    Tensor target = Torch.scalarTensor((long) item.classIndex());
    if (targetTransform != null) {
      target = targetTransform.apply(target);
    }
    return new Sample(sample, target);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + root + ", " + size() + " examples, "
        + classes.size() + " classes)";
  }
}
