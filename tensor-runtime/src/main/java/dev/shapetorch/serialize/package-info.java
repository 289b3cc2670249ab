/**
 * Saving and loading tensors: {@link dev.shapetorch.serialize.SafeTensors} (the safetensors
 * format, written here from its specification), libtorch's archives (the
 * format of C++'s {@code torch::save}), and {@link dev.shapetorch.serialize.Checkpoints}, which
 * picks the format from the file name and loads state dicts into modules with a shape check.
 * Files are written to a temporary file and moved into place atomically. TorchScript models saved
 * from Python load with {@link dev.shapetorch.serialize.ScriptModule}.
 *
 * <pre>{@code
 * Checkpoints.save(model, Path.of("model.safetensors"));
 * Checkpoints.save(optimizer.stateDict(), Path.of("adam.pt"));
 * Checkpoints.load(model, Path.of("model.safetensors"));
 * }</pre>
 */
package dev.shapetorch.serialize;
