package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Gradients as values, as PyTorch's {@code torch.autograd.grad}: the gradient of outputs with
 * respect to chosen inputs, returned rather than accumulated into {@link Tensor#grad()}, and
 * differentiable again when asked ({@code createGraph}), for higher-order derivatives.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(new float[] {1, 2, 3}).requiresGrad_(true);
 * Tensor y = x.pow(3).sum();
 * Tensor dy = Autograd.grad(List.of(y), List.of(x), null, true, true, false).get(0); // 3x^2
 * Tensor d2y = Autograd.grad(dy.sum(), x).get(0);                                    // 6x
 * }</pre>
 *
 * <p>Shape: the i-th gradient has the i-th input's shape; the i-th gradient output, when given,
 * has the i-th output's shape ({@code [shape.mismatch.grad]} otherwise).
 */
public final class Autograd {

  private Autograd() {}

  /**
   * The gradients of the one-element {@code output} with respect to {@code inputs}, as {@code
   * torch.autograd.grad(output, inputs)}. The graph is freed afterwards.
   *
   * @throws IllegalArgumentException if {@code output} has more than one element (give gradient
   *     outputs with the full overload) or an input does not take part in computing it
   */
  public static List<Tensor> grad(Tensor output, Tensor... inputs) {
    Arguments.requireNonNull(output, "output");
    Arguments.requireNonNullElements(inputs, "inputs");
    return grad(List.of(output), List.of(inputs), null, false, false, false);
  }

  /**
   * The gradients of {@code outputs} with respect to {@code inputs}, as {@code
   * torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph,
   * allow_unused)}.
   *
   * @param gradOutputs the gradient of each output (the vector of the vector-Jacobian product),
   *     or null for one-element outputs, whose gradient is 1
   * @param retainGraph keep the graph for another backward pass
   * @param createGraph record the backward pass itself, so that the gradients can be
   *     differentiated again (implies keeping the graph)
   * @param allowUnused return null for an input that no output depends on, instead of failing
   * @return one gradient per input, in order; null for an unused input when {@code allowUnused}
   * @throws ShapeException if a gradient output's shape differs from its output's
   * @throws IllegalArgumentException if a list or an element is null (the gradient outputs may
   *     be null as a whole), or an input does not require gradient
   */
  public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs,
      List<Tensor> gradOutputs, boolean retainGraph, boolean createGraph, boolean allowUnused) {
    String op = "Autograd.grad";
    Arguments.requireNonNullElements(outputs, "outputs");
    Arguments.requireNonNullElements(inputs, "inputs");
    if (gradOutputs != null) {
      Arguments.requireNonNullElements(gradOutputs, "gradOutputs");
    }
    if (outputs.isEmpty() || inputs.isEmpty()) {
      throw new IllegalArgumentException(op + ": give at least one output and one input");
    }
    if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
      throw new IllegalArgumentException(op + ": " + gradOutputs.size() + " gradient outputs for "
          + outputs.size() + " outputs; give one per output, or null for one-element outputs");
    }
    NativeLibrary.ensureLoaded();
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).requiresGrad()) {
        throw new IllegalArgumentException(op + ": input " + i + " (" + inputs.get(i).describe()
            + ") does not require gradient; call requiresGrad_(true) on it before computing the"
            + " outputs");
      }
    }
    if (gradOutputs != null) {
      for (int i = 0; i < outputs.size(); i++) {
        Tensor g = gradOutputs.get(i);
        if (!g.shapeOf().equals(outputs.get(i).shapeOf())) {
          throw new ShapeException(ShapeMismatch.of("shape.mismatch.grad", op,
              "gradient output " + i + " is " + g.shapeOf() + " but output " + i + " is "
                  + outputs.get(i).shapeOf() + "; give each output's gradient in its shape"));
        }
      }
    } else {
      for (int i = 0; i < outputs.size(); i++) {
        if (outputs.get(i).numel() != 1) {
          throw new IllegalArgumentException(op + ": output " + i + " has shape "
              + outputs.get(i).shapeOf() + "; a gradient is implied only for one-element"
              + " outputs: reduce it (sum()) or pass gradOutputs of its shape");
        }
      }
    }
    GradientHook.clearPending();
    try (TensorVector out = vector(outputs);
        TensorVector in = vector(inputs);
        TensorVector gout = gradOutputs == null ? new TensorVector() : vector(gradOutputs);
        BoolOptional retain = new BoolOptional(retainGraph || createGraph);
        TensorVector grads = torch.grad(out, in, gout, retain, createGraph, allowUnused)) {
      List<Tensor> result = new ArrayList<>(inputs.size());
      for (long i = 0; i < grads.size(); i++) {
        org.bytedeco.pytorch.Tensor g = grads.get(i);
        result.add(g.defined() ? TensorCore.wrapBorrowed(g) : null);
      }
      return Collections.unmodifiableList(result);
    } catch (RuntimeException e) {
      GradientHook.rethrowPending(e);
      Tensor[] all = new Tensor[outputs.size() + inputs.size()];
      for (int i = 0; i < outputs.size(); i++) {
        all[i] = outputs.get(i);
      }
      for (int i = 0; i < inputs.size(); i++) {
        all[outputs.size() + i] = inputs.get(i);
      }
      throw Natives.fail(op, e, all);
    }
  }

  private static TensorVector vector(List<Tensor> tensors) {
    TensorVector v = new TensorVector();
    for (Tensor t : tensors) {
      v.push_back(t.h());
    }
    return v;
  }
}
