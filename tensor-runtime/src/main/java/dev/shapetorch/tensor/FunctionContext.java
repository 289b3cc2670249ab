package dev.shapetorch.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an {@link AutogradFunction}'s forward leaves for its backward, as the {@code ctx} of
 * PyTorch's {@code torch.autograd.Function}: saved tensors and which inputs need a gradient.
 *
 * <p>Saved tensors are the caller's tensors: they belong to the {@link TensorScope} in force
 * when {@code apply} ran, so run the backward pass before that scope closes (a training step
 * does), or keep them.
 */
public final class FunctionContext {

  private final List<Boolean> needsInputGrad;
  private List<Tensor> saved = List.of();

  FunctionContext(List<Boolean> needsInputGrad) {
    this.needsInputGrad = List.copyOf(needsInputGrad);
  }

  /** Saves tensors for the backward pass, as {@code ctx.save_for_backward(*tensors)}. */
  public void saveForBackward(Tensor... tensors) {
    List<Tensor> list = new ArrayList<>(tensors.length);
    for (int i = 0; i < tensors.length; i++) {
      if (tensors[i] == null) {
        throw new IllegalArgumentException("FunctionContext.saveForBackward: tensors[" + i
            + "] is null; save only tensors");
      }
      list.add(tensors[i]);
    }
    saved = Collections.unmodifiableList(list);
  }

  /** The tensors {@link #saveForBackward} saved, in order, as {@code ctx.saved_tensors}. */
  public List<Tensor> savedTensors() {
    return saved;
  }

  /**
   * True if input {@code i} of {@code apply} needs a gradient, as {@code ctx.needs_input_grad[i]}:
   * a backward may skip the others and return null for them.
   */
  public boolean needsInputGrad(int i) {
    if (i < 0 || i >= needsInputGrad.size()) {
      throw new IndexOutOfBoundsException("FunctionContext.needsInputGrad: input " + i
          + " does not exist; the function was applied to " + needsInputGrad.size() + " inputs");
    }
    return needsInputGrad.get(i);
  }
}
