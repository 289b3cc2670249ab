package dev.shapetorch.serialize;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TorchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.StringVector;

/**
 * Named tensors to and from libtorch's serialization archives (the files C++'s {@code
 * torch::save} writes for a module's parameters: a TorchScript-format zip), for {@link
 * Checkpoints}, which users call. Package-private. Files are written to a temporary file first and
 * then moved into place, so that a crash never leaves a half-written archive under the final
 * name.
 *
 * <pre>{@code
 * Archives.save(model.stateDict(), Path.of("model.pt"));
 * Map<String, Tensor> state = Archives.load(Path.of("model.pt"));
 * }</pre>
 *
 * <p>Shape: every tensor keeps its shape and dtype.
 */
final class Archives {

  static {
    NativeLibrary.ensureLoaded();
  }

  private Archives() {}

  /**
   * Writes {@code tensors} (keys in order) to {@code file}, replacing it atomically.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  static void save(Map<String, Tensor> tensors, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    } catch (IOException e) {
      throw new UncheckedIOException("Archives.save: cannot create a file next to " + file, e);
    }
    try {
      try (OutputArchive archive = new OutputArchive()) {
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
          archive.write(e.getKey(), NativeTensors.handle(e.getValue(), "Archives.save", e.getKey()),
              false);
        }
        archive.save_to(tmp.toString());
      } catch (RuntimeException e) {
        throw NativeTensors.fail("Archives.save", e);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Archives.save: cannot move the archive into " + file, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the archive was written or the error above is what matters
      }
    }
  }

  /**
   * The tensors stored in the archive {@code file}, by key, on the CPU.
   *
   * @throws IllegalArgumentException if the file does not exist
   * @throws TorchException if it is not a readable archive (truncated, another format)
   */
  static Map<String, Tensor> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Archives.load: no such file " + file);
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (InputArchive archive = new InputArchive()) {
      archive.load_from(file.toString());
      try (StringVector keys = archive.keys()) {
        for (long i = 0; i < keys.size(); i++) {
          String key = keys.get(i).getString();
          org.bytedeco.pytorch.Tensor t = new org.bytedeco.pytorch.Tensor();
          archive.read(key, t, false);
          out.put(key, NativeTensors.wrap(t));
        }
      }
    } catch (RuntimeException e) {
      throw new TorchException("Archives.load", NativeTensors.firstLine(e.getMessage())
          + " (is " + file + " a libtorch archive?)", "", e);
    }
    return out;
  }
}
