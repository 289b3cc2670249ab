package dev.shapetorch.optim;

import dev.shapetorch.tensor.Tensor;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps (momentum buffers, running
 * averages, the step count): an immutable record whose tensors the optimizer updates in place.
 * Each optimizer defines its own ({@link SGD.State}, {@link Adam.State}, ...).
 */
public interface ParamState {

  /** How many steps have updated this parameter. */
  long step();

  /**
   * The state's tensors by PyTorch's names ({@code exp_avg}, {@code momentum_buffer}, ...), in a
   * fixed order; absent entries (a buffer not used by these options) are left out.
   */
  Map<String, Tensor> tensors();
}
