package dev.shapetorch.serialize;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TorchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.TupleElements;
import org.bytedeco.pytorch.global.torch;

/**
 * A TorchScript module saved from Python ({@code torch.jit.script(model).save("model.pt")} or
 * {@code torch.jit.trace}): load it and run its {@code forward}. Its outputs have no static
 * shape; give them one with {@link Shapes#require}.
 *
 * <pre>{@code
 * try (ScriptModule net = ScriptModule.load(Path.of("model.pt"))) {
 *   net.eval();
 *   @Shape({"B", "10"}) Tensor logits = Shapes.require(net.forward(x), "B", 10);
 * }
 * }</pre>
 *
 * <p>Shape: whatever the scripted code computes, checked only at run time.
 */
public final class ScriptModule implements AutoCloseable {

  private final JitModule module;
  private final String source;

  private ScriptModule(JitModule module, String source) {
    this.module = module;
    this.source = source;
  }

  /**
   * Loads a TorchScript file onto the CPU.
   *
   * @throws IllegalArgumentException if the file does not exist
   * @throws TorchException if it is not a TorchScript archive libtorch can read
   */
  public static ScriptModule load(Path file) {
    NativeLibrary.ensureLoaded();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("ScriptModule.load: no such file " + file);
    }
    try {
      return new ScriptModule(torch.load(file.toString()), file.toString());
    } catch (RuntimeException e) {
      throw new TorchException("ScriptModule.load",
          NativeTensors.firstLine(e.getMessage()) + " (is " + file
              + " a TorchScript file saved with torch.jit.save?)", "", e);
    }
  }

  /**
   * Runs {@code forward} on these tensors and returns its tensor result.
   *
   * @throws IllegalStateException if {@code forward} returns something other than a tensor (use
   *     {@link #forwardTensors} for tuples and lists)
   * @throws TorchException if the scripted code fails (wrong shapes, dtypes, argument count)
   */
  public Tensor forward(Tensor... inputs) {
    try (IValue out = call(inputs)) {
      if (!out.isTensor()) {
        throw new IllegalStateException(
            "ScriptModule.forward: " + source + " returned " + out.tagKind().getString()
                + ", not a tensor; use forwardTensors for tuples and lists");
      }
      return owned(out);
    }
  }

  /**
   * Runs {@code forward} and returns its result as a list: a tuple's or list's tensors in order,
   * or a single tensor.
   *
   * @throws IllegalStateException if the result holds something other than tensors
   */
  public List<Tensor> forwardTensors(Tensor... inputs) {
    try (IValue out = call(inputs)) {
      List<Tensor> result = new ArrayList<>();
      if (out.isTensor()) {
        result.add(owned(out));
      } else if (out.isTuple()) {
        TupleElements elements = out.toTupleRef().elements();
        for (long i = 0; i < elements.size(); i++) {
          IValue v = elements.get(i);
          if (!v.isTensor()) {
            throw new IllegalStateException("ScriptModule.forwardTensors: element " + i
                + " of the result is " + v.tagKind().getString() + ", not a tensor");
          }
          result.add(owned(v));
        }
      } else if (out.isTensorList()) {
        try (org.bytedeco.pytorch.TensorVector tensors = out.toTensorVector()) {
          for (long i = 0; i < tensors.size(); i++) {
            // copy: an owning handle, independent of the vector
            result.add(NativeTensors.wrap(new org.bytedeco.pytorch.Tensor(tensors.get(i))));
          }
        }
      } else {
        throw new IllegalStateException("ScriptModule.forwardTensors: " + source + " returned "
            + out.tagKind().getString() + ", not tensors");
      }
      return result;
    }
  }

  /**
   * A tensor of its own for the IValue's tensor: {@code toTensor()} returns a reference into the
   * IValue, which dies with it, so the copy constructor makes an owning handle.
   */
  private static Tensor owned(IValue v) {
    return NativeTensors.wrap(new org.bytedeco.pytorch.Tensor(v.toTensor()));
  }

  private IValue call(Tensor[] inputs) {
    try (IValueVector args = new IValueVector()) {
      for (int i = 0; i < inputs.length; i++) {
        try (IValue v = new IValue(
            NativeTensors.handle(inputs[i], "ScriptModule.forward", "inputs[" + i + "]"))) {
          args.push_back(v);
        }
      }
      return module.forward(args);
    } catch (RuntimeException e) {
      throw NativeTensors.fail("ScriptModule.forward", e, inputs);
    }
  }

  /** Evaluation mode (dropout off, batch norm uses running statistics). */
  public void eval() {
    module.eval();
  }

  /** Training or evaluation mode. */
  public void train(boolean mode) {
    module.train(mode);
  }

  /** True in training mode. */
  public boolean isTraining() {
    return module.is_training();
  }

  /** The parameters by dotted name, as {@code named_parameters()}: live tensors. */
  public Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    var list = module.named_parameters(true);
    var end = list.end();
    for (var it = list.begin(); it.notEquals(end); it = it.increment()) {
      var item = it.access();
      // the copy constructor makes an owning handle on the same storage
      out.put(item.name().getString(),
          NativeTensors.wrap(new org.bytedeco.pytorch.Tensor(item.value())));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Frees the native module. */
  @Override
  public void close() {
    module.close();
  }

  @Override
  public String toString() {
    return "ScriptModule(" + source + ")";
  }
}
