package dev.shapetorch.serialize;

import dev.shapetorch.nn.Module;
import dev.shapetorch.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves and loads state dicts (a module's {@code stateDict()}, an optimizer's {@code
 * stateDict()}) as files, as PyTorch's {@code torch.save(model.state_dict(), path)} and {@code
 * model.load_state_dict(torch.load(path))}. The format follows the file name: {@code
 * .safetensors} for {@link SafeTensors}, anything else ({@code .pt}, {@code .pth}) for libtorch's
 * archive format (C++'s {@code torch::save}). Both are written atomically.
 *
 * <pre>{@code
 * Checkpoints.save(model, Path.of("lenet.safetensors"));
 * Checkpoints.load(model, Path.of("lenet.safetensors"));   // strict: every name and shape must match
 * }</pre>
 *
 * <p>Shape: loading checks each tensor's shape against the model's and names the parameter and
 * both shapes on a mismatch, before anything is copied.
 */
public final class Checkpoints {

  private Checkpoints() {}

  /** Writes {@code model.stateDict()} to {@code file}. */
  public static void save(Module model, Path file) {
    save(model.stateDict(), file);
  }

  /** Writes named tensors to {@code file} in the format its name selects. */
  public static void save(Map<String, Tensor> state, Path file) {
    if (isSafeTensors(file)) {
      SafeTensors.save(state, file);
    } else {
      Archives.save(state, file);
    }
  }

  /** The named tensors stored in {@code file}, in the format its name selects. */
  public static Map<String, Tensor> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException("no checkpoint at " + file);
    }
    return isSafeTensors(file) ? SafeTensors.load(file) : Archives.load(file);
  }

  /**
   * Loads {@code file} into {@code model}, strictly (every key present, none extra, every shape
   * equal); nothing is copied unless everything fits.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.state_dict]} naming each
   *     parameter whose shape differs, with both shapes
   * @throws IllegalArgumentException listing missing and unexpected keys
   * @throws CheckpointException if the file is missing or malformed
   */
  public static void load(Module model, Path file) {
    model.loadStateDict(read(file));
  }

  private static boolean isSafeTensors(Path file) {
    return file.getFileName().toString().endsWith(".safetensors");
  }
}
